package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The site as a reader's Chromium lays it out, on a desktop screen and on a phone's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderViewBrowserTest {
    private static final int LONG_TITLE = 9_000;
    private static final BrowserTab.Policy ANY_SCRIPT = new BrowserTab.Policy(url -> true, "");

    private Path dir;
    private BrowserSession browser;
    private BrowserSite site;

    @BeforeAll
    void publish(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        Path chromium = BrowserSession.findChromium().orElse(null);
        assumeTrue(chromium != null, "skipped: no Chromium (install Debian's chromium package, or set"
                + " GLEANER_CHROMIUM to a Chromium binary) to lay the site out in");
        Workspace workspace = new Workspace(dir.resolve("ws"));
        RssDocument feed = RssDocument.channel("热榜", "https://example.org/hot");
        feed.item("很长".repeat(LONG_TITLE / 2), "<p>一个没有空格的长标题。</p>", "Tue, 01 Dec 2026 08:00:00 GMT",
                "https://example.org/hot/1");
        feed.item("long words ".repeat(LONG_TITLE / 11), "<p>A long title with spaces.</p>",
                "Tue, 01 Dec 2026 07:00:00 GMT", "https://example.org/hot/2");
        feed.item("季风来临前的最后一个周末", "<p>天气预报说，季风下周到。</p>", "Tue, 01 Dec 2026 06:00:00 GMT",
                "https://example.org/hot/3");
        feed.item("台风过境以后", "<p>台风走了。</p>", "Tue, 01 Dec 2026 05:00:00 GMT", "https://example.org/hot/4");
        workspace.write("feeds/hot.xml", feed.xml());
        workspace.config("""
                新闻:
                  示例:
                    热榜: feeds/hot.xml
                """);
        Workspace.Result run = workspace.run("run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        site = new BrowserSite(workspace.root().resolve("site/public"));
        browser = BrowserSession.launch(chromium, Files.createDirectories(dir.resolve("profile")));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aLongTitleIsClampedOnADesktopAndOnAPhone() {
        for (int[] screen : List.of(new int[] {1280, 900, 0}, new int[] {390, 844, 1})) {
            int width = screen[0];
            int height = screen[1];
            BrowserTab tab = browser.openTab(ANY_SCRIPT).viewport(width, height, screen[2] == 1).settle(100);
            String size = width + "×" + height;
            JsonNode home = measure(tab, site.origin() + "/", "document.querySelectorAll('ol.cards li.card')");
            assertThat(home.get("cards")).as(size + ": cards").hasSize(4);
            assertThat(home.get("scrollWidth").asInt()).as(size + ": no page wider than the screen")
                    .isLessThanOrEqualTo(home.get("innerWidth").asInt());
            for (JsonNode card : home.get("cards")) {
                String title = card.get("title").asText();
                String label = size + ": the card of a " + title.length() + "-character title";
                assertThat(card.get("height").asDouble()).as(label).isLessThan(height / 2.0);
                assertThat(card.get("right").asDouble()).as(label).isLessThanOrEqualTo(width);
                if (title.length() > 1000) {
                    assertThat(card.get("clamped").asBoolean()).as(label + " is cut short").isTrue();
                }
            }

            // The search results clamp the same titles.
            JsonNode hits = measure(tab, site.origin() + "/?q=" + URLEncoder.encode("很长", StandardCharsets.UTF_8),
                    "document.querySelectorAll('#search-results li')");
            assertThat(hits.get("cards")).as(size + ": search results").isNotEmpty();
            for (JsonNode hit : hits.get("cards")) {
                assertThat(hit.get("height").asDouble()).as(size + ": a search result").isLessThan(height / 3.0);
            }
        }
    }

    @Test
    void theSearchIsInTheAddressSoItCanBeShared() {
        BrowserTab tab = browser.openTab(ANY_SCRIPT).settle(100);
        String shared = site.origin() + "/?q=" + URLEncoder.encode("季风", StandardCharsets.UTF_8);
        AtomicReference<String> before = new AtomicReference<>();
        AtomicReference<String> typed = new AtomicReference<>();
        AtomicReference<String> cleared = new AtomicReference<>();
        List<String> results = new ArrayList<>();
        visit(tab, shared, page -> {
            results.addAll(resultTitles(page));
            before.set(page.evaluate("document.getElementById('search').value").asText());
            page.evaluate("(function () { var s = document.getElementById('search'); s.focus(); s.select();"
                    + " return true; })()");
            page.type("台风");
            BrowserTab.sleep(500);
            typed.set(page.evaluate("decodeURIComponent(location.search)").asText());
            page.press("Escape");
            BrowserTab.sleep(100);
            cleared.set(page.evaluate("location.href").asText());
        });

        assertThat(before.get()).as("the box shows the shared query").isEqualTo("季风");
        assertThat(results).as("a shared search opens with its results").containsExactly("季风来临前的最后一个周末");
        assertThat(typed.get()).as("the address follows what is typed").isEqualTo("?q=台风");
        assertThat(cleared.get()).as("Escape clears the query from the address").isEqualTo(site.origin() + "/");

        // Any page can open a shared search: its own address is kept beside the query.
        String feedPage = site.origin() + "/c/新闻/示例/热榜/?q=" + URLEncoder.encode("台风", StandardCharsets.UTF_8);
        List<String> fromFeed = new ArrayList<>();
        visit(tab, feedPage, page -> fromFeed.addAll(resultTitles(page)));
        assertThat(fromFeed).containsExactly("台风过境以后");
    }

    /** Loads {@code url} and measures each element {@code selector} finds, and the page's width. */
    private static JsonNode measure(BrowserTab tab, String url, String elements) {
        AtomicReference<JsonNode> measured = new AtomicReference<>();
        visit(tab, url, page -> {
            awaitSearch(page, url);
            measured.set(page.evaluate("(function () { var out = [];"
                    + " Array.prototype.forEach.call(" + elements + ", function (el) {"
                    + "   var r = el.getBoundingClientRect(); var h = el.querySelector('h2, .hit-title');"
                    + "   out.push({ title: h ? h.textContent : el.textContent, height: r.height, right: r.right,"
                    + "     clamped: !!h && h.scrollHeight > h.clientHeight + 1 }); });"
                    + " return { cards: out, innerWidth: window.innerWidth,"
                    + "   scrollWidth: document.documentElement.scrollWidth }; })()"));
        });
        return measured.get();
    }

    private static void visit(BrowserTab tab, String url, Consumer<BrowserTab> interaction) {
        BrowserTab.Visit visit = tab.visit(url, false, interaction);
        assertThat(visit.faults.stream().filter(fault -> fault.kind().equals("load")).toList())
                .as("loading " + url).isEmpty();
    }

    /** Waits for the results of a search given in the address; the index loads on first use. */
    private static void awaitSearch(BrowserTab tab, String url) {
        if (!url.contains("?q=")) {
            return;
        }
        for (int i = 0; i < 50 && tab.evaluate("document.getElementById('search-results').hidden").asBoolean(); i++) {
            BrowserTab.sleep(100);
        }
    }

    private static List<String> resultTitles(BrowserTab tab) {
        awaitSearch(tab, "?q=");
        List<String> titles = new ArrayList<>();
        tab.evaluate("Array.prototype.map.call(document.querySelectorAll('#search-results .hit-title'),"
                + " function (el) { return el.textContent; })").forEach(node -> titles.add(node.asText()));
        return titles;
    }
}
