package dev.gleaner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpmlReaderTest {
    private final OpmlReader reader = new OpmlReader();

    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(OpmlReaderTest.class.getResource("/config/opml/" + name).toURI());
    }

    private OpmlTree read(String opml) throws OpmlException {
        return reader.read("feeds.opml", new ByteArrayInputStream(opml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A document of {@code outlines} in its body. */
    private static String opml(String outlines) {
        return "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>t</title></head><body>\n" + outlines
                + "\n</body></opml>\n";
    }

    /** Each subscription as {@code path -> url}, as a line of the expected list. */
    private static List<String> feeds(OpmlTree tree) {
        return tree.subscriptions().stream().map(s -> s.path() + " -> " + s.url()).toList();
    }

    /** Written as OPML and as the configuration, each read back gives the same subscriptions. */
    private void assertRoundTrips(OpmlTree tree) throws Exception {
        String opml = new OpmlWriter(InstantSource.fixed(Instant.EPOCH)).write("back", tree.subscriptions(),
                tree.htmlUrls());
        OpmlTree back = read(opml);
        assertThat(back.subscriptions()).isEqualTo(tree.subscriptions());
        assertThat(back.htmlUrls()).isEqualTo(tree.htmlUrls());

        Path configuration = dir.resolve("gleaner.yml");
        Files.writeString(configuration, new YamlTreeWriter().section(tree.subscriptions()));
        assertThat(new ConfigLoader().load(configuration).subscriptions()).isEqualTo(tree.subscriptions());
    }

    @Nested
    class TheShapeAReaderExports {
        @Test
        void ofMinifluxIsOneLevelOfCategories() throws Exception {
            OpmlTree tree = reader.read(fixture("miniflux.opml"));

            assertThat(feeds(tree)).containsExactly(
                    "All/Hacker News -> https://news.ycombinator.com/rss",
                    "All/LWN.net -> https://lwn.net/headlines/rss",
                    "Go/The Go Blog -> https://go.dev/blog/feed.atom",
                    "中文/阮一峰的网络日志 -> https://www.ruanyifeng.com/blog/atom.xml",
                    "中文/少数派 -> https://sspai.com/feed");
            assertThat(tree.title()).contains("Miniflux");
            assertThat(tree.subscriptions().get(0).author()).as("the site level").isEqualTo("All");
            assertThat(tree.htmlUrls()).containsEntry(CategoryPath.of("Go", "The Go Blog"), "https://go.dev/blog/");
            assertThat(tree.warnings()).isEmpty();
            assertRoundTrips(tree);
        }

        @Test
        void ofFreshRssPassesOverItsOwnAttributesAndLeavesOutThePagesItScrapes() throws Exception {
            OpmlTree tree = reader.read(fixture("freshrss.opml"));

            assertThat(feeds(tree)).containsExactly(
                    "Uncategorized/FreshRSS releases -> https://github.com/FreshRSS/FreshRSS/releases.atom",
                    "Linux/Phoronix -> https://www.phoronix.com/rss.php",
                    "Linux/Planet Debian -> https://planet.debian.org/rss20.xml");
            assertThat(tree.warnings()).containsExactly(
                    fixture("freshrss.opml") + ":16: left out https://news.example.net/latest: its type, HTML+XPath, "
                            + "is a page scraped by its reader, not a feed",
                    fixture("freshrss.opml") + ":17: left out https://api.example.net/items.json: its type, "
                            + "JSON+DotNotation, is a page scraped by its reader, not a feed");
            assertRoundTrips(tree);
        }

        @Test
        void ofFeedlyNamesEachFeedByItsTitleBeforeItsText() throws Exception {
            OpmlTree tree = reader.read(fixture("feedly.opml"));

            assertThat(feeds(tree)).containsExactly(
                    "Tech/The Verge -> https://www.theverge.com/rss/index.xml",
                    "Tech/Ars Technica - All content -> https://feeds.arstechnica.com/arstechnica/index",
                    "Design/A List Apart: The Full Feed -> https://alistapart.com/main/feed/",
                    "Design/Smashing Magazine -> https://www.smashingmagazine.com/feed/",
                    "Must Read/kottke.org -> http://feeds.kottke.org/main");
            assertThat(tree.title()).contains("Alice subscriptions in feedly Cloud");
            assertRoundTrips(tree);
        }

        @Test
        void ofInoreaderKeepsAFeedOfTwoFoldersInTheFirstAndSaysSo() throws Exception {
            OpmlTree tree = reader.read(fixture("inoreader.opml"));

            assertThat(feeds(tree)).containsExactly(
                    "News/BBC News - World -> https://feeds.bbci.co.uk/news/world/rss.xml",
                    "News/The Guardian -> https://www.theguardian.com/international/rss",
                    "Europe/Euronews -> https://www.euronews.com/rss",
                    "Science/Nature -> https://www.nature.com/nature.rss");
            assertThat(tree.warnings()).containsExactly(fixture("inoreader.opml")
                    + ":12: https://feeds.bbci.co.uk/news/world/rss.xml is listed again; it is kept where it first "
                    + "appears, at line 8");
            assertRoundTrips(tree);
        }

        @Test
        void ofNetNewsWireNestsFoldersWithFeedsBesideThem() throws Exception {
            OpmlTree tree = reader.read(fixture("netnewswire.opml"));

            assertThat(feeds(tree)).containsExactly(
                    "Apple/Six Colors -> https://feedpress.me/sixcolors",
                    "Apple/Daring Fireball -> https://daringfireball.net/feeds/main",
                    "Apple/Developers/Swift.org -> https://www.swift.org/atom.xml",
                    "Blogs/inessential -> https://inessential.com/xml/rss.xml");
            assertThat(tree.subscriptions().get(2).author()).isEqualTo("Developers");
            assertRoundTrips(tree);
        }

        @Test
        void withCategoryAttributesFilesEachFeedByItsFirstSlashPathAndTakesTheDeclaredCharset() throws Exception {
            OpmlTree tree = reader.read(fixture("category-attribute.opml"));

            assertThat(feeds(tree)).containsExactly(
                    "Tech/Blogs/Scripting News -> http://scripting.com/rss.xml",
                    "Tech/Links/Lobsters -> https://lobste.rs/rss",
                    "News/Technology/NYT Technology -> https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml",
                    "Café sans catégorie -> https://example.org/uncategorized.xml");
            assertThat(tree.warnings()).containsExactly(fixture("category-attribute.opml") + ": 1 feed stands outside "
                    + "any category, each with a path of its own name alone; give a category to file them under");
            assertRoundTrips(tree);
        }

        @Test
        void withDeepFoldersKeepsEveryLevelAndPassesOverEmptyOnes() throws Exception {
            OpmlTree tree = reader.read(fixture("deep.opml"));

            assertThat(feeds(tree)).containsExactly(
                    "Work/Engineering/Backend/Databases/PostgreSQL/Planet PostgreSQL"
                            + " -> https://planet.postgresql.org/rss20.xml",
                    "Work/Engineering/Backend/Databases/SQLite News -> https://sqlite.org/news.rss",
                    "Work/Engineering/Backend/High Scalability -> http://highscalability.com/blog/rss.xml");
            assertThat(tree.subscriptions().get(0).author()).isEqualTo("PostgreSQL");
            assertThat(tree.warnings()).isEmpty();
            assertRoundTrips(tree);
        }

        @Test
        void withCjkNamesAndRsshubRoutesKeepsThemAsTheyAre() throws Exception {
            OpmlTree tree = reader.read(fixture("cjk.opml"));

            assertThat(tree.subscriptions()).extracting(Subscription::path).containsExactly(
                    CategoryPath.of("社交媒体", "知乎", "知乎热榜"),
                    CategoryPath.of("社交媒体", "知乎", "知乎日报"),
                    CategoryPath.of("社交媒体", "微博", "热搜榜"),
                    CategoryPath.of("游戏", "PSN 中文站", "首页 - 白金攻略 / 游戏开箱"),
                    CategoryPath.of("日本語", "はてなブックマーク - 人気エントリー"),
                    CategoryPath.of("日本語", "한겨레"));
            assertThat(tree.subscriptions()).extracting(s -> s.url().text()).containsExactly(
                    "rsshub://zhihu/hot", "https://rsshub.app/zhihu/daily", "rsshub://weibo/search/hot?limit=20",
                    "rsshub://psnine/index", "https://b.hatena.ne.jp/hotentry.rss", "https://www.hani.co.kr/rss/");
            assertThat(tree.title()).contains("信息流订阅");
            assertRoundTrips(tree);
        }
    }

    @Nested
    class AFlatList {
        @Test
        void goesUnderTheCategoryGivenNamingAFeedWithoutTitleOrTextByItsHost() throws Exception {
            OpmlTree tree = reader.read(fixture("flat.opml"), CategoryPath.of("博客", "English"));

            assertThat(feeds(tree)).containsExactly(
                    "博客/English/Julia Evans -> https://jvns.ca/atom.xml",
                    "博客/English/Simon Willison's Weblog -> https://simonwillison.net/atom/everything/",
                    "博客/English/xkcd.com -> https://xkcd.com/atom.xml",
                    "博客/English/Marginal REVOLUTION -> https://marginalrevolution.com/feed");
            assertThat(tree.subscriptions()).extracting(Subscription::author).containsOnly("English");
            assertThat(tree.warnings()).isEmpty();
            assertRoundTrips(tree);
        }

        @Test
        void withoutACategoryGivesEachFeedAPathOfItsNameAloneAndSaysSo() throws Exception {
            OpmlTree tree = reader.read(fixture("flat.opml"));

            assertThat(tree.subscriptions()).extracting(Subscription::path).containsExactly(
                    CategoryPath.of("Julia Evans"), CategoryPath.of("Simon Willison's Weblog"),
                    CategoryPath.of("xkcd.com"), CategoryPath.of("Marginal REVOLUTION"));
            assertThat(tree.subscriptions().get(0).author()).isEqualTo("Julia Evans");
            assertThat(tree.warnings()).containsExactly(fixture("flat.opml") + ": 4 feeds stand outside any category, "
                    + "each with a path of its own name alone; give a category to file them under");
        }

        @Test
        void nestedGoesUnderTheCategoryGivenWithItsTree() throws Exception {
            OpmlTree tree = reader.read(fixture("miniflux.opml"), CategoryPath.of("导入"));

            assertThat(tree.subscriptions()).extracting(Subscription::path).startsWith(
                    CategoryPath.of("导入", "All", "Hacker News"));
        }
    }

    @Nested
    class Names {
        @Test
        void ofASecondFeedOfOneNameInOneCategoryGetItsHostThenANumber() throws Exception {
            OpmlTree tree = read(opml("""
                    <outline text="Blogs">
                      <outline text="Blog" xmlUrl="https://a.example/feed"/>
                      <outline text="Blog" xmlUrl="https://B.example/feed"/>
                      <outline text="Blog" xmlUrl="https://b.example/other"/>
                      <outline text="Blog" xmlUrl="https://b.example/third"/>
                    </outline>
                    """));

            assertThat(tree.subscriptions()).extracting(Subscription::path).containsExactly(
                    CategoryPath.of("Blogs", "Blog"), CategoryPath.of("Blogs", "Blog (b.example)"),
                    CategoryPath.of("Blogs", "Blog (b.example) 2"), CategoryPath.of("Blogs", "Blog (b.example) 3"));
            assertThat(tree.warnings()).containsExactly(
                    "feeds.opml:5: a second feed is named 'Blog' in Blogs, so https://B.example/feed is "
                            + "'Blog (b.example)'",
                    "feeds.opml:6: a second feed is named 'Blog' in Blogs, so https://b.example/other is "
                            + "'Blog (b.example) 2'",
                    "feeds.opml:7: a second feed is named 'Blog' in Blogs, so https://b.example/third is "
                            + "'Blog (b.example) 3'");
        }

        @Test
        void ofAFeedAndACategoryBesideItAreToldApart() throws Exception {
            OpmlTree tree = read(opml("""
                    <outline text="News" xmlUrl="https://news.example/rss"/>
                    <outline text="News"><outline text="World" xmlUrl="https://world.example/rss"/></outline>
                    <outline text="Tech"><outline text="Go" xmlUrl="https://go.example/rss"/></outline>
                    <outline text="Tech" xmlUrl="https://tech.example/rss"/>
                    <outline text="Tech"><outline text="Rust" xmlUrl="https://rust.example/rss"/></outline>
                    """));

            assertThat(tree.subscriptions()).extracting(Subscription::path).containsExactly(
                    CategoryPath.of("News"), CategoryPath.of("News 2", "World"),
                    CategoryPath.of("Tech", "Go"), CategoryPath.of("Tech", "Rust"),
                    CategoryPath.of("Tech (tech.example)"));
            assertThat(tree.warnings()).startsWith(
                    "feeds.opml:4: the category 'News' at the top is named like a feed beside it, so it is 'News 2'",
                    "feeds.opml:6: the feed 'Tech' at the top is named like a category beside it, so "
                            + "https://tech.example/rss is 'Tech (tech.example)'");
            assertRoundTrips(tree);
        }

        @Test
        void thatTheConfigurationWouldReadAsAFeedsOptionsAreChanged() throws Exception {
            OpmlTree tree = read(opml("""
                    <outline text="Links"><outline text="url" xmlUrl="https://links.example/rss"/></outline>
                    <outline text="Odd">
                      <outline text="author" xmlUrl="https://author.example/rss"/>
                      <outline text="limit" xmlUrl="https://limit.example/rss"/>
                    </outline>
                    <outline text="Fine">
                      <outline text="author" xmlUrl="https://author.example/2"/>
                      <outline text="other" xmlUrl="https://other.example/rss"/>
                    </outline>
                    """));

            assertThat(tree.subscriptions()).extracting(Subscription::path).containsExactly(
                    CategoryPath.of("Links", "url (links.example)"), CategoryPath.of("Odd", "author (author.example)"),
                    CategoryPath.of("Odd", "limit"), CategoryPath.of("Fine", "author"),
                    CategoryPath.of("Fine", "other"));
            assertThat(tree.warnings()).containsExactly(
                    "feeds.opml:3: the feed 'url' in Links is 'url (links.example)': the configuration reads "
                            + "'url' in a category as a feed's address",
                    "feeds.opml:5: the feed 'author' in Odd is 'author (author.example)': the configuration reads a "
                            + "category of nothing but feed options' names as a feed");
            assertRoundTrips(tree);
        }

        @Test
        void comeFromTitleElseTextElseTheHostAndAttributesInAnyCase() throws Exception {
            OpmlTree tree = read(opml("""
                    <outline TEXT="c"><outline title=" Title " text="Text" xmlurl="https://one.example/rss"/>
                    <outline title="  " text="Text" XMLURL="https://two.example/rss"/>
                    <outline type="rss" xmlUrl="https://user@Three.example:8080/rss"/>
                    <outline text="" xmlUrl="rsshub://zhihu/hot"/></outline>
                    <outline><outline text="unnamed folder adds no level" xmlUrl="https://four.example/rss"/></outline>
                    """));

            assertThat(tree.subscriptions()).extracting(Subscription::path).containsExactly(
                    CategoryPath.of("c", "Title"), CategoryPath.of("c", "Text"), CategoryPath.of("c", "three.example"),
                    CategoryPath.of("c", "zhihu"), CategoryPath.of("unnamed folder adds no level"));
        }
    }

    @Nested
    class Urls {
        @Test
        void ofFilesAreLeftOutUnlessAllowedAndOthersThatCannotBeFollowedAlways() throws Exception {
            String outlines = opml("""
                    <outline text="c">
                      <outline text="local" xmlUrl="file:///feeds/zhihu.xml"/>
                      <outline text="ftp" xmlUrl="ftp://example.org/rss"/>
                      <outline text="relative" xmlUrl="feeds/rss.xml"/>
                      <outline text="no host" xmlUrl="https:/rss"/>
                      <outline text="ok" xmlUrl="https://example.org/rss"/>
                    </outline>
                    """);

            OpmlTree tree = read(outlines);

            assertThat(feeds(tree)).containsExactly("c/ok -> https://example.org/rss");
            assertThat(tree.warnings()).containsExactly(
                    "feeds.opml:4: left out file:///feeds/zhihu.xml: a file: URL of a list from elsewhere would have "
                            + "this computer's file published",
                    "feeds.opml:5: left out ftp://example.org/rss: expected an http(s):// or rsshub:// URL",
                    "feeds.opml:6: left out feeds/rss.xml: expected an http(s):// or rsshub:// URL",
                    "feeds.opml:7: left out https:/rss: it names no host");
            assertThat(feeds(reader.allowingFileUrls().read("feeds.opml",
                    new ByteArrayInputStream(outlines.getBytes(StandardCharsets.UTF_8)))))
                    .containsExactly("c/local -> file:///feeds/zhihu.xml", "c/ok -> https://example.org/rss");
        }

        @Test
        void thatAreAllLeftOutAreRefusedWithTheFirstReason() {
            assertThatThrownBy(() -> read(opml("<outline text=\"x\" xmlUrl=\"file:///etc/passwd\"/>")))
                    .isInstanceOf(OpmlException.class)
                    .hasMessage("feeds.opml: no feed to import: the one it has is left out; "
                            + "line 3, file:///etc/passwd: a file: URL of a list from elsewhere would have this "
                            + "computer's file published");
        }
    }

    @Nested
    class GleanersOwnOptions {
        @Test
        void areReadBackUnderWhateverPrefixTheDocumentBindsToTheNamespace() throws Exception {
            OpmlTree tree = read("""
                    <opml version="2.0" xmlns:g="https://gleaner.dev/opml"><body><outline text="a">
                      <outline text="b" xmlUrl="https://example.org/rss" g:author="某人" g:limit="5" g:interval="1h30m"
                               g:comments="true" g:image="https://img.example/{n}.jpg" g:update="yes"/>
                    </outline></body></opml>
                    """);

            assertThat(tree.subscriptions()).containsExactly(new Subscription(CategoryPath.of("a", "b"),
                    "https://example.org/rss", "某人", OptionalInt.of(5), Duration.ofMinutes(90), true,
                    Optional.of("https://img.example/{n}.jpg"), true));
        }

        @Test
        void thatAreNotUnderstoodKeepTheirDefaultsAndAreSaid() throws Exception {
            OpmlTree tree = read(opml("""
                    <outline text="a"><outline text="b" xmlUrl="https://example.org/rss" gleaner:limit="-3"
                      gleaner:interval="soon" gleaner:comments="maybe"/></outline>
                    """));

            assertThat(tree.subscriptions()).containsExactly(Subscription.of(CategoryPath.of("a", "b"),
                    "https://example.org/rss"));
            assertThat(tree.warnings()).containsExactly(
                    "feeds.opml:3: gleaner:limit is not a whole number above 0: '-3'; there is no limit",
                    "feeds.opml:3: gleaner:interval is not a duration like 30m or 1h: 'soon'; it is the default",
                    "feeds.opml:3: gleaner:comments is not true or false: 'maybe'; it is false");
        }
    }

    @Nested
    class ADocumentThatIsNoListOfFeeds {
        @ParameterizedTest
        @ValueSource(strings = {
            "{\"feeds\": [\"https://example.org/rss\"]}|not an OPML document: it starts with text, not an element: "
                    + "'{\"feeds\": [\"https://example.org/rss\"]}'",
            "<!DOCTYPE html><html><head><title>Feeds</title></head><body><a href=\"/rss\">RSS</a></body></html>"
                    + "|not an OPML document: the root element is <html>",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>"
                    + "|not an OPML document: the root element is <rss>",
            "|not an OPML document: it holds no element",
            "\u0000\u0001\u00ff garbage|not an OPML document: it starts with text, not an element: "
                    + "'\u0000\u0001\u00ff garbage'",
            "<opml version=\"2.0\"><head/></opml>|not an OPML document: <opml> has no <body>",
            "<opml version=\"2.0\"><body><outline text=\"empty folder\"/></body></opml>|no feed in it: no <outline> "
                    + "has an xmlUrl",
        })
        void isRefusedNamingTheFileAndWhatIsWrong(String documentAndMessage) {
            String[] parts = documentAndMessage.split("\\|", 2);

            assertThatThrownBy(() -> read(parts[0]))
                    .isInstanceOf(OpmlException.class)
                    .hasMessage("feeds.opml: " + parts[1]);
        }

        @Test
        void largerThanTheBoundIsRefusedBeforeItIsParsed() throws Exception {
            Path large = dir.resolve("large.opml");
            Files.writeString(large, opml("<outline text=\"x\" xmlUrl=\"https://example.org/rss\"/>".repeat(100)));
            OpmlReader small = new OpmlReader(1024);

            assertThatThrownBy(() -> small.read(large))
                    .isInstanceOf(OpmlException.class)
                    .hasMessage(large + ": larger than the 1024 bytes an OPML list of feeds may have");
            try (var in = Files.newInputStream(large)) {
                assertThatThrownBy(() -> small.read("-", in))
                        .hasMessage("-: larger than the 1024 bytes an OPML list of feeds may have");
            }
            assertThat(OpmlDocument.tooLarge("x", OpmlReader.DEFAULT_MAX_BYTES))
                    .hasMessage("x: larger than the 8 MiB an OPML list of feeds may have");
        }

        @Test
        void nestedDeeperThanAnyCategoryTreeIsRefusedAtTheOutline() {
            String deep = "<outline text=\"level\">\n".repeat(OpmlReader.MAX_DEPTH + 1)
                    + "<outline text=\"feed\" xmlUrl=\"https://example.org/rss\"/>";

            assertThatThrownBy(() -> read(opml(deep)))
                    .isInstanceOf(OpmlException.class)
                    .hasMessage("feeds.opml:" + (3 + OpmlReader.MAX_DEPTH) + ": outlines nested deeper than "
                            + OpmlReader.MAX_DEPTH + " levels; no category tree is that deep");
            assertThatCode(() -> read(opml("<outline text=\"level\">\n".repeat(OpmlReader.MAX_DEPTH - 1)
                    + "<outline text=\"feed\" xmlUrl=\"https://example.org/rss\"/>"))).doesNotThrowAnyException();
        }

        @Test
        void thatIsMissingIsSaid() {
            assertThatThrownBy(() -> reader.read(dir.resolve("nope.opml")))
                    .isInstanceOf(OpmlException.class)
                    .hasMessage(dir.resolve("nope.opml") + ": no such file");
        }
    }

    @Nested
    class EntitiesADtdDeclares {
        @Test
        @Timeout(10)
        void areNotExpandedSoABillionLaughsStayOneReference() throws Exception {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE opml [\n<!ENTITY lol0 \"lol\">\n");
            for (int i = 1; i <= 9; i++) {
                dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                        .append("\">\n");
            }
            dtd.append("]>\n");

            OpmlTree tree = read("<?xml version=\"1.0\"?>\n" + dtd + "<opml version=\"2.0\"><head><title>&lol9;</title>"
                    + "</head><body><outline text=\"&lol9;\" xmlUrl=\"https://example.org/rss\"/></body></opml>");

            assertThat(tree.subscriptions()).extracting(Subscription::path).containsExactly(CategoryPath.of("&lol9;"));
            assertThat(tree.title()).contains("&lol9;");
        }

        @StartStop
        private final MockWebServer server = new MockWebServer();

        @Test
        void areNeverFetchedNorReadFromFiles() throws Exception {
            OpmlTree tree = read("<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n"
                    + "<!ENTITY remote SYSTEM \"" + server.url("/entity") + "\">\n"
                    + "<!ENTITY local SYSTEM \"file:///etc/hostname\">\n"
                    + "<!ENTITY % parameter SYSTEM \"" + server.url("/dtd") + "\"> %parameter;\n]>\n"
                    + "<opml version=\"2.0\"><body>"
                    + "<outline text=\"&remote;&local;\" xmlUrl=\"https://example.org/rss\"/>"
                    + "</body></opml>");

            assertThat(tree.subscriptions()).extracting(Subscription::path)
                    .containsExactly(CategoryPath.of("&remote;&local;"));
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Nested
    class TheCharset {
        @Test
        void isTheOneTheXmlDeclarationNames() throws Exception {
            String document = "<?xml version=\"1.0\" encoding=\"GB18030\"?>\n" + opml(
                    "<outline text=\"社交媒体\"><outline text=\"知乎热榜\" xmlUrl=\"rsshub://zhihu/hot\"/></outline>")
                    .substring("<?xml version=\"1.0\"?>\n".length());

            OpmlTree tree = reader.read("gbk.opml",
                    new ByteArrayInputStream(document.getBytes(Charset.forName("GB18030"))));

            assertThat(tree.subscriptions()).extracting(Subscription::path)
                    .containsExactly(CategoryPath.of("社交媒体", "知乎热榜"));
        }

        @Test
        void isUtf8AfterAByteOrderMark() throws Exception {
            OpmlTree tree = read("\uFEFF" + opml("<outline text=\"知乎\" xmlUrl=\"rsshub://zhihu/hot\"/>"));

            assertThat(tree.subscriptions()).extracting(Subscription::path).containsExactly(CategoryPath.of("知乎"));
            assertThat(tree.htmlUrls()).isEqualTo(Map.of());
        }
    }
}
