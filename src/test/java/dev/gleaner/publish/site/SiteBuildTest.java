package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import dev.gleaner.parse.FeedDocument;
import dev.gleaner.parse.FeedParser;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A site built from a fixture store: every page kind, the category nesting, links, feeds and search. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBuildTest {
    private static final int ITEMS = 9 + 4 + 7 + 6 + 2;

    Path site;
    Workspace.Result run;

    @BeforeAll
    void build(@TempDir Path dir) {
        SiteFixture fixture = new SiteFixture(dir).write(0);
        run = fixture.workspace().run("run");
        site = fixture.publicDir();
    }

    private Document page(String file) throws IOException {
        return Jsoup.parse(site.resolve(file).toFile(), "UTF-8");
    }

    private List<String> titlesOn(String file) throws IOException {
        return page(file).select("ol.cards h2 a").eachText();
    }

    @Test
    void runEndsWithABuildAndSaysSo() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("site: " + ITEMS + " items, \\d+ files in");
    }

    @Test
    void hasEveryKindOfPage() {
        for (String file : List.of("index.html", "404.html", "archives/index.html", "archives/2026/11/index.html",
                "archives/2026/10/index.html", "archives/2026/09/index.html", "c/社交媒体/index.html",
                "c/社交媒体/知乎/index.html", "c/社交媒体/知乎/知乎热榜/index.html", "atom.xml", "feed.json",
                "c/社交媒体/知乎/知乎热榜/atom.xml", "c/社交媒体/知乎/知乎热榜/feed.json", "c/编程/atom.xml",
                "sitemap.xml", "robots.txt", "search/index.json", "search/0.json")) {
            assertThat(site.resolve(file)).as(file).isRegularFile();
        }
        assertThat(new LinkChecker(site, "http://localhost:4000/").files(".html").stream()
                .filter(file -> file.getParent().endsWith("item"))).hasSize(ITEMS);
    }

    @Test
    void aCategoryNamedLikeAListFolderGetsAFolderOfItsOwn() {
        assertThat(site.resolve("c/编程/page_/page_/index.html")).isRegularFile();
    }

    @Test
    void everyInternalLinkResolves() throws IOException {
        LinkChecker checker = new LinkChecker(site, "http://localhost:4000/");
        List<String> broken = new ArrayList<>(checker.brokenLinks());
        for (Path xml : checker.files(".xml")) {
            for (Element link : Jsoup.parse(Files.readString(xml), "", org.jsoup.parser.Parser.xmlParser())
                    .select("link[href], loc, id")) {
                String url = link.hasAttr("href") ? link.attr("href") : link.text();
                checker.check(site.relativize(xml) + " -> " + url, url, broken);
            }
        }
        JsonNode table = new ObjectMapper().readTree(site.resolve("search/index.json").toFile());
        for (JsonNode shard : table.get("shards")) {
            checker.check("search/index.json -> " + shard.get("url").asText(), shard.get("url").asText(), broken);
            for (JsonNode row : new ObjectMapper().readTree(site.resolve(
                    shard.get("url").asText().replaceFirst("^/", "").replaceFirst("\\?.*", "")).toFile())) {
                String item = table.get("items").asText() + row.get(0).asText() + ".html";
                checker.check("search -> " + item, item, broken);
            }
        }
        assertThat(broken).isEmpty();
        assertThat(checker.checked()).isGreaterThan(1000);
    }

    @Test
    void categoryPagesNestAndListTheirSubtree() throws IOException {
        Set<String> top = new TreeSet<>(allTitles("c/社交媒体/"));
        Set<String> zhihu = new TreeSet<>(allTitles("c/社交媒体/知乎/"));
        Set<String> hot = new TreeSet<>(allTitles("c/社交媒体/知乎/知乎热榜/"));
        assertThat(top).hasSize(9 + 4 + 7).containsAll(zhihu);
        assertThat(zhihu).hasSize(9 + 4).containsAll(hot);
        assertThat(hot).hasSize(9).allMatch(title -> title.startsWith("问题 "));

        Document feedPage = page("c/社交媒体/知乎/知乎热榜/index.html");
        assertThat(feedPage.select("nav.crumbs a").eachText()).containsExactly("首页", "社交媒体", "知乎", "知乎热榜");
        assertThat(feedPage.select("aside.tree li.open a").eachText()).containsExactly("社交媒体", "知乎", "知乎热榜");
        assertThat(feedPage.select("aside.tree a[aria-current=page]").eachText()).containsExactly("知乎热榜");
        assertThat(page("index.html").select("aside.tree li a").eachText()).containsExactly("社交媒体", "编程");
    }

    @Test
    void everyListIsPagedWithEachItemOnExactlyOnePage() throws IOException {
        assertThat(allTitles("")).hasSize(ITEMS).doesNotHaveDuplicates();
        assertThat(allTitles("c/社交媒体/微博/热搜榜/")).hasSize(7).doesNotHaveDuplicates();
        List<String> front = titlesOn("index.html");
        assertThat(front.size()).isBetween(SiteFixture.PAGE_SIZE, 2 * SiteFixture.PAGE_SIZE - 1);
        assertThat(page("index.html").select("nav.pager a.older")).hasSize(1);
    }

    /** Every title on a list, following its pager from the first page to the oldest. */
    private List<String> allTitles(String folder) throws IOException {
        List<String> titles = new ArrayList<>();
        String file = folder + "index.html";
        for (int guard = 0; guard < 100; guard++) {
            titles.addAll(titlesOn(file));
            Element older = page(file).selectFirst("nav.pager a.older");
            if (older == null) {
                return titles;
            }
            file = java.net.URLDecoder.decode(older.attr("href").substring(1), StandardCharsets.UTF_8) + "index.html";
        }
        throw new AssertionError("pager of " + folder + " does not end");
    }

    @Test
    void listsRunNewestFirst() throws IOException {
        List<String> times = page("index.html").select("ol.cards time").eachAttr("datetime");
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void anItemPageShowsItsTitleSourceDateLinkAndSafeBody() throws IOException {
        Document item = itemTitled("问题 1");
        assertThat(item.selectFirst("h1").text()).isEqualTo("问题 1");
        assertThat(item.select("article nav.crumbs a").eachText()).containsExactly("首页", "社交媒体", "知乎", "知乎热榜");
        assertThat(item.selectFirst("p.meta").text()).contains("知乎热榜").contains("知乎").contains("2026-09-26");
        assertThat(item.selectFirst("p.original a").attr("href")).isEqualTo("https://www.zhihu.com/hot/1");
        assertThat(item.select("script")).allMatch(script -> script.attr("src").startsWith("/assets/site."));
        assertThat(item.select("[onerror], a[href^=javascript]")).isEmpty();
        assertThat(item.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("script-src 'self'");
    }

    @Test
    void aFeedsJavascriptLinkNeverBecomesALink() throws IOException {
        Document item = itemTitled("问题 5");
        assertThat(item.select("p.original")).isEmpty();
        assertThat(item.select("a[href^=javascript]")).isEmpty();
    }

    @Test
    void markupInATitleIsShownAsText() throws IOException {
        Document item = itemTitled("问题 3");
        assertThat(item.selectFirst("article h1").children()).isEmpty();
    }

    @Test
    void imagesLoadLazilyWithoutReferrerAndRelativeOnesResolve() throws IOException {
        Document item = itemTitled("问题 2");
        assertThat(item.select(".body img").eachAttr("src")).containsExactly("https://www.zhihu.com/images/2.jpg");
        for (Path page : new LinkChecker(site, "http://localhost:4000/").files(".html")) {
            for (Element image : Jsoup.parse(page.toFile(), "UTF-8").select("img")) {
                assertThat(image.attr("referrerpolicy")).as(page + ": " + image).isEqualTo("no-referrer");
                assertThat(image.attr("loading")).as(page + ": " + image).isEqualTo("lazy");
            }
        }
    }

    @Test
    void anItemWithoutImagesGetsItsFeedsCover() throws IOException {
        Document item = itemTitled("日报 2");
        assertThat(item.selectFirst("figure.cover img").attr("src")).matches("https://img\\.example\\.org/cover/\\d+\\.jpg");
        assertThat(itemTitled("问题 2").select("figure.cover")).as("the body's own image is the cover").isEmpty();
    }

    @Test
    void listsShowAnItemsOwnPictureOrNoneButNeverAStockPhoto() throws IOException {
        Map<String, Element> cards = new HashMap<>();
        for (Path list : new LinkChecker(site, "http://localhost:4000/").files("index.html")) {
            for (Element card : Jsoup.parse(list.toFile(), "UTF-8").select("ol.cards li.card")) {
                cards.put(card.selectFirst("h2 a").text(), card);
            }
        }
        assertThat(cards.get("问题 2").select(".thumb img").attr("src")).as("the body's first image")
                .isEqualTo("https://www.zhihu.com/images/2.jpg");
        assertThat(cards.get("日报 2").select(".thumb img").attr("src")).as("the subscription's own image")
                .matches("https://img\\.example\\.org/cover/\\d+\\.jpg");
        assertThat(cards.get("热搜 2").select(".thumb")).as("no picture of its own, so none").isEmpty();
        for (String suffix : List.of(".html", ".json", ".xml")) {
            for (Path page : new LinkChecker(site, "http://localhost:4000/").files(suffix)) {
                assertThat(Files.readString(page)).as(page.toString()).doesNotContain("picsum.photos");
            }
        }
        JsonNode feed = new ObjectMapper().readTree(site.resolve("feed.json").toFile());
        for (JsonNode item : feed.get("items")) {
            assertThat(item.path("image").asText("none")).as(item.get("title").asText())
                    .doesNotContain("picsum").isNotEmpty();
        }
    }

    @Test
    void thePostKeepsTheReferenceFallbackPicture() throws IOException {
        Path posts = site.getParent().resolve("source/_posts/社交媒体/微博/热搜榜");
        try (Stream<Path> files = Files.list(posts)) {
            String post = files.map(SiteBuildTest::read).filter(text -> text.contains("title: '热搜 2'\n"))
                    .findFirst().orElseThrow();
            assertThat(post).containsPattern("headimg: 'https://picsum\\.photos/400/300\\?random=\\d+'");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document itemTitled(String title) throws IOException {
        for (Path page : new LinkChecker(site, "http://localhost:4000/").files(".html")) {
            if (page.getParent().endsWith("item")) {
                Document document = Jsoup.parse(page.toFile(), "UTF-8");
                String h1 = document.selectFirst("h1").text();
                if (h1.equals(title) || h1.startsWith(title + " ")) {
                    return document;
                }
            }
        }
        throw new AssertionError("no item page titled " + title);
    }

    @Test
    void theArchiveListsEachMonthWithItsCount() throws IOException {
        Document archive = page("archives/index.html");
        Map<String, Integer> counts = new HashMap<>();
        for (Element month : archive.select("ul.months li")) {
            counts.put(month.selectFirst("a").attr("href"), Integer.parseInt(month.selectFirst(".count").text()));
        }
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ITEMS);
        for (Map.Entry<String, Integer> month : counts.entrySet()) {
            assertThat(allTitles(month.getKey().substring(1))).as(month.getKey()).hasSize(month.getValue());
        }
    }

    @Test
    void atomFeedsParseBackWithOurParser() throws Exception {
        Feed site = parse("atom.xml");
        assertThat(site.bozo()).isFalse();
        assertThat(site.entries()).hasSize(20);
        assertThat(site.info().title()).isEqualTo("测试");
        Feed hot = parse("c/社交媒体/知乎/知乎热榜/atom.xml");
        assertThat(hot.entries()).hasSize(9);
        Entry newest = hot.entries().get(0);
        assertThat(newest.title()).isEqualTo("问题 9");
        assertThat(newest.link()).startsWith("http://localhost:4000/item/").endsWith(".html");
        assertThat(newest.content()).contains("问题 9 的正文");
        assertThat(newest.categories()).containsExactly("社交媒体", "知乎", "知乎热榜");
        assertThat(newest.published()).isPresent();
    }

    @Test
    void jsonFeedsFollowTheSpecAndParseBack() throws Exception {
        JsonNode feed = new ObjectMapper().readTree(site.resolve("c/编程/feed.json").toFile());
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isEqualTo("编程 · 测试");
        assertThat(feed.get("feed_url").asText()).isEqualTo("http://localhost:4000/c/%E7%BC%96%E7%A8%8B/feed.json");
        assertThat(feed.get("items")).hasSize(8);
        for (JsonNode item : feed.get("items")) {
            assertThat(item.hasNonNull("id")).isTrue();
            assertThat(item.has("content_html")).isTrue();
            assertThat(item.get("date_published").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
        Feed parsed = parse("c/编程/feed.json");
        assertThat(parsed.entries()).hasSize(8);
        assertThat(parsed.entries().get(0).title()).isEqualTo(feed.get("items").get(0).get("title").asText());
    }

    private Feed parse(String file) throws Exception {
        return FeedParser.standard().parse(new FeedDocument(file, Files.readAllBytes(site.resolve(file)), java.util.Optional.empty()));
    }

    @Test
    void sitemapAndRobotsNameTheSite() throws IOException {
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertThat(sitemap).contains("<loc>http://localhost:4000/</loc>")
                .contains("<loc>http://localhost:4000/c/%E7%A4%BE%E4%BA%A4%E5%AA%92%E4%BD%93/</loc>");
        assertThat(sitemap.split("<url>", -1).length - 1).isGreaterThan(ITEMS);
        assertThat(Files.readString(site.resolve("robots.txt"))).contains("Sitemap: http://localhost:4000/sitemap.xml");
    }

    @Test
    void searchIndexHoldsEveryItemWithAnExcerpt() throws IOException {
        JsonNode shard = new ObjectMapper().readTree(site.resolve("search/0.json").toFile());
        assertThat(shard).hasSize(ITEMS);
        List<String> excerpts = new ArrayList<>();
        shard.forEach(row -> excerpts.add(row.get(4).asText()));
        assertThat(excerpts).anyMatch(text -> text.equals("问题 9 的正文，Latin text too."));
        assertThat(excerpts).noneMatch(text -> text.contains("<") || text.contains("alert"));
    }

    @Test
    void assetsCarryTheirContentHash() throws IOException {
        try (var files = Files.list(site.resolve("assets"))) {
            List<String> names = files.map(path -> path.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(2).allMatch(name -> name.matches("(site|style)\\.[0-9a-f]{10}\\.(js|css)"));
            for (String name : names) {
                String hash = name.split("\\.")[1];
                assertThat(dev.gleaner.content.ContentHash.of(Files.readAllBytes(site.resolve("assets/" + name))))
                        .startsWith(hash);
            }
        }
    }
}
