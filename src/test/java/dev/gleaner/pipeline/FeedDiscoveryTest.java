package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.gleaner.fetch.FetchSettings;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.fetch.HostResolver;
import dev.gleaner.fetch.RsshubInstance;
import dev.gleaner.parse.FeedParser;
import dev.gleaner.pipeline.FeedDiscovery.Candidate;
import dev.gleaner.pipeline.FeedDiscovery.HowFound;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What {@link FeedDiscovery} finds at a URL, over real HTTP on loopback. */
class FeedDiscoveryTest {
    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>%s</title><link>https://blog.example/</link>
            <item><title>第一篇</title><link>https://blog.example/1</link></item></channel></rss>
            """;
    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom of the blog</title><id>urn:x</id>
            <updated>2024-01-01T00:00:00Z</updated></feed>
            """;
    private static final String JSON_FEED = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON of the blog", "items": []}
            """;
    private static final String ZHIHU_RULES = """
            {"_name": "知乎",
             "www": [
               {"title": "问题", "docs": "https://docs.rsshub.app/routes/social-media",
                "source": ["/question/:questionId"], "target": "/zhihu/question/:questionId"},
               {"title": "用户动态", "docs": "https://docs.rsshub.app/routes/social-media",
                "source": ["/people/:id"], "target": "/zhihu/people/activities/:id"}]}
            """;

    @StartStop
    private final MockWebServer site = new MockWebServer();
    @StartStop
    private final MockWebServer rsshub = new MockWebServer();

    private final Map<String, MockResponse> pages = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Map<String, MockResponse> radar = new ConcurrentHashMap<>();

    /** Names under .example stand for this machine, where the test servers listen; other names are unknown. */
    private final HostResolver resolver = host -> {
        if (host.equals("localhost") || host.endsWith(".example")) {
            return new InetAddress[] {InetAddress.getByName("localhost")};
        }
        throw new UnknownHostException(host);
    };
    private Fetcher fetcher;

    @BeforeEach
    void serve() {
        site.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                asked.add(request.getTarget());
                return pages.getOrDefault(request.getTarget(), new MockResponse.Builder().code(404).build());
            }
        });
        rsshub.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return radar.getOrDefault(request.getUrl().encodedPath(),
                        new MockResponse.Builder().setHeader("Content-Type", "application/json").build());
            }
        });
        FetchSettings settings = FetchSettings.defaults(List.of()).withTimeout(Duration.ofSeconds(5))
                .withAllowed(List.of("localhost", "127.0.0.1", "::1"));
        fetcher = new Fetcher(settings, resolver, InstantSource.system());
    }

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private FeedDiscovery discovery(RsshubInstance... instances) {
        return new FeedDiscovery(fetcher, FeedParser.standard(), List.of(instances));
    }

    private void page(String path, String contentType, String body) {
        pages.put(path, new MockResponse.Builder().setHeader("Content-Type", contentType).body(body).build());
    }

    private void html(String path, String head) {
        page(path, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>A blog</title>" + head + "</head><body><p>Hello</p></body></html>");
    }

    private void rss(String path, String title) {
        page(path, "application/rss+xml; charset=utf-8", RSS.formatted(title));
    }

    private String url(String path) {
        return site.url(path).toString();
    }

    /** The site under a name of its own, for RSSHub Radar, which has rules for names and not for loopback. */
    private String named(String host, String path) {
        return "http://" + host + ":" + site.getPort() + path;
    }

    @Nested
    class WhenTheUrlIsAFeed {
        @Test
        void theFeedItselfIsTheOneCandidateWithItsTitle() throws Exception {
            rss("/feed.xml", "知乎热榜");

            FeedDiscovery.Result result = discovery().discover(url("/feed.xml"));

            assertThat(result.candidates())
                    .containsExactly(new Candidate(url("/feed.xml"), "知乎热榜", "", HowFound.GIVEN));
            assertThat(result.problems()).isEmpty();
            assertThat(asked).containsExactly("/feed.xml");
        }

        @Test
        void anRsshubRouteIsItselfAndNothingIsFetched() throws Exception {
            FeedDiscovery.Result result = discovery(RsshubInstance.of(rsshub.url("/").toString()))
                    .discover(" rsshub://zhihu/hot ");

            assertThat(result.candidates())
                    .containsExactly(new Candidate("rsshub://zhihu/hot", "", "", HowFound.GIVEN));
            assertThat(asked).isEmpty();
            assertThat(rsshub.getRequestCount()).isZero();
        }

        @Test
        void anRsshubUrlWithoutARouteIsRefused() {
            assertThatThrownBy(() -> discovery().discover("rsshub://")).isInstanceOf(DiscoveryException.class)
                    .hasMessage("no feed found at rsshub://: no route after rsshub://");
        }
    }

    @Nested
    class WhenThePageLinksFeeds {
        @Test
        void aLinkedFeedIsFetchedAndOfferedWithItsOwnTitle() throws Exception {
            html("/", "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"The link's title\""
                    + " href=\"/feed.xml\">");
            rss("/feed.xml", "The feed's title");

            FeedDiscovery.Result result = discovery().discover(url("/"));

            assertThat(result.candidates())
                    .containsExactly(new Candidate(url("/feed.xml"), "The feed's title", "", HowFound.PAGE_LINK));
            assertThat(asked).as("no usual path is tried").containsExactly("/", "/feed.xml");
        }

        @Test
        void rssAtomAndJsonFeedLinksAreResolvedAgainstTheBaseAndKeptInDocumentOrder() throws Exception {
            html("/post/1", """
                    <base href="/blog/">
                    <link rel="stylesheet" type="text/css" href="style.css">
                    <link rel="Alternate" type="application/rss+xml" href="rss.xml">
                    <link rel="alternate feed" type="application/atom+xml; charset=utf-8" href="../atom.xml">
                    <link rel="alternate" type="application/feed+json" href="%s">
                    <link rel="alternate" type="application/rss+xml" href="/blog/rss.xml">
                    <link rel="alternate" type="text/html" hreflang="en" href="/en/">
                    <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">
                    """.formatted(url("/feed.json")));
            rss("/blog/rss.xml", "RSS of the blog");
            page("/atom.xml", "application/atom+xml", ATOM);
            page("/feed.json", "application/feed+json", JSON_FEED);

            FeedDiscovery.Result result = discovery().discover(url("/post/1"));

            assertThat(result.candidates()).containsExactly(
                    new Candidate(url("/blog/rss.xml"), "RSS of the blog", "", HowFound.PAGE_LINK),
                    new Candidate(url("/atom.xml"), "Atom of the blog", "", HowFound.PAGE_LINK),
                    new Candidate(url("/feed.json"), "JSON of the blog", "", HowFound.PAGE_LINK));
            assertThat(result.problems()).isEmpty();
            assertThat(asked).doesNotContain("/blog/style.css", "/en/", "/wp-json/wp/v2/pages/2");
        }

        @Test
        void aRelativeLinkResolvesAgainstTheUrlThePageCameFromAfterRedirects() throws Exception {
            pages.put("/old", new MockResponse.Builder().code(301).setHeader("Location", "/new/").build());
            html("/new/", "<link rel=alternate type=application/rss+xml href=feed.xml>");
            rss("/new/feed.xml", "Moved");

            assertThat(discovery().discover(url("/old")).candidates()).extracting(Candidate::url)
                    .containsExactly(url("/new/feed.xml"));
        }

        @Test
        void twoLinksThatLeadToOneFeedGiveOneCandidate() throws Exception {
            html("/", """
                    <link rel=alternate type=application/rss+xml href=/feed>
                    <link rel=alternate type=application/rss+xml href=/feed/>
                    """);
            pages.put("/feed", new MockResponse.Builder().code(301).setHeader("Location", "/feed/").build());
            rss("/feed/", "WordPress");

            assertThat(discovery().discover(url("/")).candidates())
                    .containsExactly(new Candidate(url("/feed"), "WordPress", "", HowFound.PAGE_LINK));
        }

        @Test
        void aLinkThatIsMissingOrNoFeedIsDroppedWithItsReason() throws Exception {
            html("/", """
                    <link rel=alternate type=application/rss+xml href=/missing.xml>
                    <link rel=alternate type=application/atom+xml href=/page.html>
                    <link rel=alternate type=application/rss+xml href=/good.xml>
                    """);
            html("/page.html", "");
            rss("/good.xml", "Good");

            FeedDiscovery.Result result = discovery().discover(url("/"));

            assertThat(result.candidates()).extracting(Candidate::url).containsExactly(url("/good.xml"));
            assertThat(result.problems()).containsExactly(url("/missing.xml") + ": HTTP 404 Not Found",
                    url("/page.html") + ": a web page (HTML), not a feed (\"A blog\"); it announces no feed");
        }

        @Test
        void aLinkIntoTheLocalNetworkIsRefusedByTheAddressGuardAndSaidSo() throws Exception {
            html("/", """
                    <link rel=alternate type=application/rss+xml href=http://10.0.0.1/feed.xml>
                    <link rel=alternate type=application/rss+xml href=http://192.168.1.1/admin/feed>
                    <link rel=alternate type=application/rss+xml href=/good.xml>
                    """);
            rss("/good.xml", "Good");

            FeedDiscovery.Result result = discovery().discover(url("/"));

            assertThat(result.candidates()).extracting(Candidate::url).containsExactly(url("/good.xml"));
            assertThat(result.problems()).hasSize(2).allSatisfy(problem -> assertThat(problem).contains(": refused: "));
            assertThat(result.problems().get(0)).startsWith("http://10.0.0.1/feed.xml: refused: 10.0.0.1 is a private");
        }

        @Test
        void whenNoLinkWorksTheUsualPathsAreTriedAndEveryProblemIsKept() {
            html("/", "<link rel=alternate type=application/rss+xml href=http://10.0.0.1/feed.xml>");

            assertThatThrownBy(() -> discovery().discover(url("/")))
                    .isInstanceOfSatisfying(DiscoveryException.class, e -> {
                        assertThat(e.reason()).startsWith("none of the 1 feeds it links could be had; none of /feed,");
                        assertThat(e.problems()).singleElement().asString()
                                .startsWith("http://10.0.0.1/feed.xml: refused:");
                    });
            assertThat(asked).contains("/feed", "/feeds/posts/default");
        }

        @Test
        void atMostTenLinksAreFetched() throws Exception {
            StringBuilder links = new StringBuilder();
            for (int i = 1; i <= 12; i++) {
                links.append("<link rel=alternate type=application/rss+xml href=/").append(i).append(".xml>\n");
                rss("/" + i + ".xml", "Feed " + i);
            }
            html("/", links.toString());

            FeedDiscovery.Result result = discovery().discover(url("/"));

            assertThat(result.candidates()).hasSize(FeedDiscovery.MAX_LINKS);
            assertThat(result.problems())
                    .containsExactly(url("/") + ": it links 12 feeds; only the first 10 were tried");
        }
    }

    @Nested
    class WhenThePageLinksNoFeed {
        @Test
        void theFirstUsualPathThatIsAFeedIsOffered() throws Exception {
            html("/about", "");
            rss("/feed", "Found at /feed");
            rss("/rss.xml", "Never asked");

            FeedDiscovery.Result result = discovery().discover(url("/about"));

            assertThat(result.candidates())
                    .containsExactly(new Candidate(url("/feed"), "Found at /feed", "", HowFound.USUAL_PATH));
            assertThat(asked).containsExactly("/about", "/feed");
        }

        @Test
        void usualPathsThatAreMissingOrPagesGoUnsaid() throws Exception {
            html("/", "");
            html("/rss", "");
            page("/atom.xml", "application/atom+xml", ATOM);

            FeedDiscovery.Result result = discovery().discover(url("/"));

            assertThat(result.candidates()).extracting(Candidate::url, Candidate::how)
                    .containsExactly(tuple(url("/atom.xml"), HowFound.USUAL_PATH));
            assertThat(result.problems()).isEmpty();
            assertThat(asked).containsExactly("/", "/feed", "/rss", "/rss.xml", "/atom.xml");
        }

        @Test
        void aPageWithNothingIsAClearError() {
            html("/", "");

            assertThatThrownBy(() -> discovery().discover(url("/")))
                    .isInstanceOf(DiscoveryException.class)
                    .hasMessage("no feed found at " + url("/") + ": the page links no feed; none of /feed, /rss, "
                            + "/rss.xml, /atom.xml, /feed.xml, /index.xml, /feed.json, /feeds/posts/default is a feed");
        }
    }

    @Nested
    class WhenTheUrlIsNeitherAFeedNorAPage {
        @Test
        void anImageIsAClearErrorAndNoUsualPathIsTried() {
            pages.put("/logo.png", new MockResponse.Builder().setHeader("Content-Type", "image/png")
                    .body("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR").build());

            assertThatThrownBy(() -> discovery().discover(url("/logo.png")))
                    .isInstanceOf(DiscoveryException.class)
                    .hasMessageStartingWith("no feed found at " + url("/logo.png")
                            + ": it is neither a feed nor a web page (");
            assertThat(asked).containsExactly("/logo.png");
        }

        @Test
        void jsonThatIsNoFeedIsAClearError() {
            page("/api", "application/json", "{\"data\": []}");

            assertThatThrownBy(() -> discovery().discover(url("/api")))
                    .hasMessageContaining("it is neither a feed nor a web page (JSON, but not a JSON Feed");
        }
    }

    @Nested
    class WhenTheUrlCannotBeFetched {
        @Test
        void aMissingPageSaysWhy() {
            assertThatThrownBy(() -> discovery().discover(url("/gone")))
                    .isInstanceOf(DiscoveryException.class)
                    .hasMessage("no feed found at " + url("/gone") + ": it could not be fetched: HTTP 404 Not Found");
        }

        @Test
        void anInternalAddressIsRefusedByTheAddressGuard() {
            assertThatThrownBy(() -> discovery().discover("http://10.1.2.3/blog/"))
                    .isInstanceOfSatisfying(DiscoveryException.class, e -> {
                        assertThat(e.url()).isEqualTo("http://10.1.2.3/blog/");
                        assertThat(e.reason()).startsWith("it could not be fetched: refused: 10.1.2.3 is a private");
                    });
        }

        @Test
        void aUrlOfNoKnownSchemeSaysSo() {
            assertThatThrownBy(() -> discovery().discover("example.com/feed"))
                    .hasMessageContaining("it could not be fetched: unsupported URL scheme");
        }
    }

    @Nested
    class WithRsshubRadar {
        private RsshubInstance instance() {
            return RsshubInstance.of(rsshub.url("/").toString());
        }

        private void rules(String domain, String json) {
            radar.put("/api/radar/rules/" + domain, new MockResponse.Builder()
                    .setHeader("Content-Type", "application/json").body(json).build());
        }

        @Test
        void aPageThatCannotBeFetchedStillHasItsRoutesAndItsFailureIsSaid() throws Exception {
            rules("zhihu.com", ZHIHU_RULES);

            FeedDiscovery.Result result = discovery(instance()).discover("https://www.zhihu.com/question/19550225");

            assertThat(result.candidates()).containsExactly(
                    new Candidate("rsshub://zhihu/question/19550225", "问题", "知乎", HowFound.RSSHUB_RADAR));
            assertThat(result.problems()).containsExactly(
                    "https://www.zhihu.com/question/19550225: unknown host www.zhihu.com");
        }

        @Test
        void routesComeBeforeThePagesOwnFeeds() throws Exception {
            rules("zhihu.example", ZHIHU_RULES.replace("\"www\"", "\"blog\""));
            html("/people/someone", "<link rel=alternate type=application/rss+xml href=/feed.xml>");
            rss("/feed.xml", "Site feed");

            FeedDiscovery.Result result =
                    discovery(instance()).discover(named("blog.zhihu.example", "/people/someone"));

            assertThat(result.candidates()).containsExactly(
                    new Candidate("rsshub://zhihu/people/activities/someone", "用户动态", "知乎", HowFound.RSSHUB_RADAR),
                    new Candidate(named("blog.zhihu.example", "/feed.xml"), "Site feed", "", HowFound.PAGE_LINK));
        }

        @Test
        void aFeedUrlAsksNoInstance() throws Exception {
            rss("/feed.xml", "Feed");

            discovery(instance()).discover(named("blog.zhihu.example", "/feed.xml"));

            assertThat(rsshub.getRequestCount()).isZero();
        }

        @Test
        void anInstanceThatCannotBeAskedIsSaidAndTheNextIsAsked() throws Exception {
            rules("zhihu.com", ZHIHU_RULES);
            String broken = "http://127.0.0.1:" + closedPort() + "/";

            FeedDiscovery.Result result = discovery(RsshubInstance.of(broken), instance())
                    .discover("https://www.zhihu.com/people/x");

            assertThat(result.candidates()).extracting(Candidate::url)
                    .containsExactly("rsshub://zhihu/people/activities/x");
            assertThat(result.problems()).first().asString()
                    .startsWith("RSSHub Radar: " + broken + "api/radar/rules/zhihu.com: connection refused");
        }

        @Test
        void aRuleThatNeedsWhatTheUrlLacksIsSaidWithItsDocs() {
            rules("zhihu.com", ZHIHU_RULES.replace("\"/question/:questionId\"", "\"/hot\""));

            assertThatThrownBy(() -> discovery(instance()).discover("https://www.zhihu.com/hot"))
                    .isInstanceOfSatisfying(DiscoveryException.class, e -> {
                        assertThat(e.reason()).isEqualTo("it could not be fetched (unknown host www.zhihu.com), and"
                                + " RSSHub Radar offers no route for it");
                        assertThat(e.problems()).containsExactly("RSSHub Radar: the rule \"问题\" of 知乎 fits"
                                + " https://www.zhihu.com/hot, but its route needs a parameter the URL lacks"
                                + " (https://docs.rsshub.app/routes/social-media)");
                    });
        }

        @Test
        void aSiteRadarDoesNotKnowIsSearchedAsUsual() throws Exception {
            html("/", "");
            rss("/feed", "Own feed");

            FeedDiscovery.Result result = discovery(instance()).discover(named("unknown.example", "/"));

            assertThat(result.candidates()).extracting(Candidate::how).containsExactly(HowFound.USUAL_PATH);
            assertThat(rsshub.takeRequest().getTarget()).isEqualTo("/api/radar/rules/unknown.example");
        }

        private static int closedPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
