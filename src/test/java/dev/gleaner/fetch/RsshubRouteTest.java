package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.SharedFixtures;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@code rsshub://ROUTE} is fetched from the configured RSSHub instances, in order. */
class RsshubRouteTest {
    @StartStop
    private final MockWebServer first = new MockWebServer();

    @StartStop
    private final MockWebServer second = new MockWebServer();

    private Fetcher fetcher;

    @AfterEach
    void closeFetcher() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    /** An instance's base URL as a user writes it in the configuration, without a trailing slash. */
    private static String base(MockWebServer server) {
        String root = server.url("/").toString();
        return root.substring(0, root.length() - 1);
    }

    private Fetcher fetcherFor(String... instances) {
        fetcher = new Fetcher(TestSettings.quick(List.of(instances)));
        return fetcher;
    }

    private Fetcher fetcherWithKeys(RsshubInstance... instances) {
        fetcher = new Fetcher(TestSettings.quick().withRsshub(List.of(instances)));
        return fetcher;
    }

    /** RSSHub's real error page, as an instance sends it with {@code status}. */
    private static MockResponse errorPage(int status) throws Exception {
        byte[] page = Files.readAllBytes(
                SharedFixtures.require("fixtures/feeds/real/notafeed-rsshub-error-page-as-zhihu-hotlist.xml"));
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "text/html; charset=UTF-8")
                .body(new Buffer().write(page))
                .build();
    }

    private static MockResponse feed(String body) {
        return new MockResponse.Builder().body(body).build();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    private FetchException fetchFailure(String url) {
        return FetchFailures.failureOf(fetcher, url);
    }

    @Nested
    class WhenAnInstanceAnswers {
        @Test
        void asksTheFirstInstanceForTheRoute() throws Exception {
            first.enqueue(feed("hot list"));

            FetchOutcome outcome = fetcherFor(base(first), base(second)).fetch(FetchRequest.of("rsshub://zhihu/hotlist"));

            assertThat(new String(((FetchOutcome.Fetched) outcome).body(), UTF_8)).isEqualTo("hot list");
            assertThat(outcome.source()).isEqualTo(base(first) + "/zhihu/hotlist");
            assertThat(first.takeRequest().getTarget()).isEqualTo("/zhihu/hotlist");
            assertThat(second.getRequestCount()).isZero();
        }

        @Test
        void movesOnToTheNextInstanceWhenOneFails() throws Exception {
            first.enqueue(status(503));
            second.enqueue(feed("from the second"));

            FetchOutcome outcome = fetcherFor(base(first), base(second)).fetch(FetchRequest.of("rsshub://zhihu/hotlist"));

            assertThat(new String(((FetchOutcome.Fetched) outcome).body(), UTF_8)).isEqualTo("from the second");
            assertThat(outcome.source()).isEqualTo(base(second) + "/zhihu/hotlist");
            assertThat(second.takeRequest().getTarget()).isEqualTo("/zhihu/hotlist");
        }

        @Test
        void movesOnPastAnInstanceThatCannotBeReached() throws Exception {
            second.enqueue(feed("reachable"));

            FetchOutcome outcome = fetcherFor("http://127.0.0.1:" + Loopback.closedPort(), base(second))
                    .fetch(FetchRequest.of("rsshub://zhihu/hotlist"));

            assertThat(outcome.source()).isEqualTo(base(second) + "/zhihu/hotlist");
        }

        @Test
        void movesOnPastAnInstanceThatTimesOut() throws Exception {
            first.enqueue(new MockResponse.Builder().headersDelay(4, TimeUnit.SECONDS).build());
            second.enqueue(feed("in time"));

            FetchOutcome outcome = fetcherFor(base(first), base(second)).fetch(FetchRequest.of("rsshub://zhihu/hotlist"));

            assertThat(outcome.source()).isEqualTo(base(second) + "/zhihu/hotlist");
        }

        @Test
        void passesTheQueryThrough() throws Exception {
            first.enqueue(feed("filtered"));

            fetcherFor(base(first)).fetch(FetchRequest.of("rsshub://weibo/search/hot?limit=10&filter_title=春"));

            assertThat(first.takeRequest().getTarget()).isEqualTo("/weibo/search/hot?limit=10&filter_title=%E6%98%A5");
        }

        @Test
        void joinsAnInstanceWrittenWithATrailingSlash() throws Exception {
            first.enqueue(feed("one slash"));

            fetcherFor(base(first) + "/").fetch(FetchRequest.of("rsshub://zhihu/hotlist"));

            assertThat(first.takeRequest().getTarget()).isEqualTo("/zhihu/hotlist");
        }

        @Test
        void keepsThePathOfAnInstanceServedBelowTheRoot() throws Exception {
            first.enqueue(feed("below the root"));

            fetcherFor(base(first) + "/rsshub").fetch(FetchRequest.of("rsshub://zhihu/hotlist"));

            assertThat(first.takeRequest().getTarget()).isEqualTo("/rsshub/zhihu/hotlist");
        }

        @Test
        void sendsTheValidatorsAndReportsNotModified() throws Exception {
            first.enqueue(status(304));

            FetchOutcome outcome = fetcherFor(base(first))
                    .fetch(new FetchRequest("rsshub://zhihu/hotlist", Validators.of("\"hot-1\"", null)));

            assertThat(first.takeRequest().getHeaders().get("If-None-Match")).isEqualTo("\"hot-1\"");
            assertThat(outcome).isInstanceOf(FetchOutcome.NotModified.class);
        }
    }

    @Nested
    class WhenAnInstanceAnsweredBefore {
        @Test
        void saysWhichInstanceAnswered() throws Exception {
            first.enqueue(status(503));
            second.enqueue(feed("from the second"));

            FetchOutcome outcome = fetcherFor(base(first), base(second)).fetch(FetchRequest.of("rsshub://zhihu/hotlist"));

            assertThat(outcome.instance()).contains(base(second));
        }

        @Test
        void asksThatInstanceFirst() throws Exception {
            second.enqueue(feed("preferred"));

            FetchOutcome outcome = fetcherFor(base(first), base(second))
                    .fetch(FetchRequest.of("rsshub://zhihu/hotlist").withPreferredInstance(base(second)));

            assertThat(outcome.source()).isEqualTo(base(second) + "/zhihu/hotlist");
            assertThat(outcome.instance()).contains(base(second));
            assertThat(first.getRequestCount()).isZero();
        }

        @Test
        void fallsBackToTheOthersInOrderWhenItFails() throws Exception {
            second.enqueue(status(502));
            first.enqueue(feed("first again"));

            FetchOutcome outcome = fetcherFor(base(first), base(second))
                    .fetch(FetchRequest.of("rsshub://zhihu/hotlist").withPreferredInstance(base(second) + "/"));

            assertThat(outcome.instance()).contains(base(first));
            assertThat(second.getRequestCount()).isEqualTo(1);
        }

        @Test
        void ignoresAnInstanceNoLongerConfigured() throws Exception {
            first.enqueue(feed("first"));

            FetchOutcome outcome = fetcherFor(base(first), base(second))
                    .fetch(FetchRequest.of("rsshub://zhihu/hotlist").withPreferredInstance("https://gone.example"));

            assertThat(outcome.instance()).contains(base(first));
        }

        @Test
        void saysWhichInstanceFoundNothingNew() throws Exception {
            first.enqueue(status(304));

            FetchOutcome outcome = fetcherFor(base(first))
                    .fetch(new FetchRequest("rsshub://zhihu/hotlist", Validators.of("\"hot-1\"", null)));

            assertThat(outcome).isInstanceOf(FetchOutcome.NotModified.class);
            assertThat(outcome.instance()).contains(base(first));
        }
    }

    @Nested
    class WhenAnInstanceAnswersWithAWebPage {
        @Test
        void countsRsshubsErrorPageAsAFailureWithItsMessage() throws Exception {
            first.enqueue(errorPage(200));

            fetcherFor(base(first));
            FetchException failure = fetchFailure("rsshub://zhihu/hotlist");

            assertThat(failure.reason())
                    .isEqualTo("no RSSHub instance answered (" + base(first) + ": RSSHub error: NotFoundError)");
            assertThat(failure.status()).isEmpty();
        }

        @Test
        void movesOnToTheNextInstance() throws Exception {
            first.enqueue(errorPage(200));
            second.enqueue(feed("<rss/>"));

            FetchOutcome outcome = fetcherFor(base(first), base(second)).fetch(FetchRequest.of("rsshub://zhihu/hotlist"));

            assertThat(outcome.instance()).contains(base(second));
        }

        @Test
        void keepsTheStatusOfAnErrorPageSentWithOne() throws Exception {
            first.enqueue(errorPage(503));

            fetcherFor(base(first));
            FetchException failure = fetchFailure("rsshub://zhihu/hotlist");

            assertThat(failure.reason()).endsWith(base(first) + ": RSSHub error: NotFoundError)");
            assertThat(failure.status()).isEqualTo(OptionalInt.of(503));
        }

        @Test
        void countsAnyOtherWebPageAsAFailureToo() {
            first.enqueue(new MockResponse.Builder()
                    .addHeader("Content-Type", "text/html")
                    .body("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>")
                    .build());

            fetcherFor(base(first));
            FetchException failure = fetchFailure("rsshub://zhihu/hotlist");

            assertThat(failure.reason()).endsWith(": answered with a web page, not a feed (Just a moment...))");
        }

        @Test
        void leavesAPlainErrorToItsStatus() {
            first.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                    .body("<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>").build());

            fetcherFor(base(first));
            FetchException failure = fetchFailure("rsshub://zhihu/hotlist");

            assertThat(failure.reason()).endsWith(base(first) + ": HTTP 502 Bad Gateway)");
        }
    }

    @Nested
    class WhenAnInstanceNeedsAKey {
        @Test
        void sendsTheKeyInTheQuery() throws Exception {
            first.enqueue(feed("with key"));

            FetchOutcome outcome = fetcherWithKeys(new RsshubInstance(base(first), Optional.of("s3cret")))
                    .fetch(FetchRequest.of("rsshub://zhihu/hotlist"));

            assertThat(first.takeRequest().getTarget()).isEqualTo("/zhihu/hotlist?key=s3cret");
            assertThat(outcome.source()).isEqualTo(base(first) + "/zhihu/hotlist");
        }

        @Test
        void addsTheKeyToTheRoutesOwnQuery() throws Exception {
            first.enqueue(feed("filtered with key"));

            FetchOutcome outcome = fetcherWithKeys(new RsshubInstance(base(first), Optional.of("a&b c")))
                    .fetch(FetchRequest.of("rsshub://weibo/search/hot?limit=10"));

            assertThat(first.takeRequest().getTarget()).isEqualTo("/weibo/search/hot?limit=10&key=a%26b%20c");
            assertThat(outcome.source()).isEqualTo(base(first) + "/weibo/search/hot?limit=10");
        }

        @Test
        void sendsTheAccessCodeInsteadOfTheKeyWhenAsked() throws Exception {
            first.enqueue(feed("with code"));

            FetchOutcome outcome = fetcherWithKeys(new RsshubInstance(base(first), Optional.of("ILoveRSSHub"), true))
                    .fetch(FetchRequest.of("rsshub://qdaily/column/59?limit=5"));

            // RSSHub's documented example: md5('/qdaily/column/59' + 'ILoveRSSHub').
            String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest("/qdaily/column/59ILoveRSSHub".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            String target = first.takeRequest().getTarget();
            assertThat(target).isEqualTo("/qdaily/column/59?limit=5&code=" + expected).doesNotContain("ILoveRSSHub");
            assertThat(outcome.source()).isEqualTo(base(first) + "/qdaily/column/59?limit=5");
        }

        @Test
        void codesTheRouteAsItGoesOnTheWire() throws Exception {
            first.enqueue(feed("with code"));

            fetcherWithKeys(new RsshubInstance(base(first), Optional.of("k"), true))
                    .fetch(FetchRequest.of("rsshub://test/中文?limit=2"));

            // RSSHub hashes the path of the request it receives: percent-encoded, without the query.
            String path = "/test/%E4%B8%AD%E6%96%87";
            String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest((path + "k").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(first.takeRequest().getTarget()).isEqualTo(path + "?limit=2&code=" + expected);
        }

        @Test
        void putsTheKeyBackOnARedirectWithinTheInstance() throws Exception {
            first.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/nbd/332").build());
            first.enqueue(feed("redirected"));

            FetchOutcome outcome = fetcherWithKeys(new RsshubInstance(base(first), Optional.of("s3cret")))
                    .fetch(FetchRequest.of("rsshub://nbd/daily"));

            assertThat(first.takeRequest().getTarget()).isEqualTo("/nbd/daily?key=s3cret");
            assertThat(first.takeRequest().getTarget()).isEqualTo("/nbd/332?key=s3cret");
            assertThat(outcome.source()).isEqualTo(base(first) + "/nbd/332");
        }

        @Test
        void aRefusedKeyIsThatInstancesErrorAndNoOtherInstanceIsAsked() {
            first.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "text/html")
                    .body("<html><head><title>RSSHub</title></head><body><p>Error Message:"
                            + "<code>Authentication failed. Access denied.</code></p></body></html>").build());
            second.enqueue(feed("keyless"));

            fetcherWithKeys(new RsshubInstance(base(first), Optional.of("wrong")), RsshubInstance.of(base(second)));
            FetchException failure = fetchFailure("rsshub://zhihu/hot");

            assertThat(failure.reason()).isEqualTo("RSSHub instance " + base(first) + " refused its access key"
                    + " (RSSHub error: Authentication failed. Access denied.)");
            assertThat(second.getRequestCount()).isZero();
        }

        @Test
        void sendsEachInstanceItsOwnKey() throws Exception {
            first.enqueue(status(403));
            second.enqueue(feed("second key"));

            fetcherWithKeys(new RsshubInstance(base(first), Optional.of("one")), RsshubInstance.of(base(second)))
                    .fetch(FetchRequest.of("rsshub://zhihu/hotlist"));

            assertThat(first.takeRequest().getTarget()).isEqualTo("/zhihu/hotlist?key=one");
            assertThat(second.takeRequest().getTarget()).isEqualTo("/zhihu/hotlist");
        }

        @Test
        void neverShowsTheKeyInAFailure() {
            first.enqueue(status(403));

            fetcherWithKeys(new RsshubInstance(base(first), Optional.of("s3cret")));
            FetchException failure = fetchFailure("rsshub://zhihu/hotlist");

            assertThat(failure.getMessage()).doesNotContain("s3cret");
        }

        @Test
        void hidesTheKeyWhenPrinted() {
            assertThat(new RsshubInstance("https://rsshub.example", Optional.of("s3cret")).toString())
                    .doesNotContain("s3cret");
        }
    }

    @Nested
    class WhenEveryInstanceRefuses {
        @Test
        void waitsAsLittleAsTheInstancesAllow() {
            first.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
            second.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "60").build());

            fetcherFor(base(first), base(second));
            FetchException failure = fetchFailure("rsshub://zhihu/hotlist");

            assertThat(failure.retryAfter()).contains(Duration.ofMinutes(1));
            assertThat(failure.status()).isEmpty();
        }

        @Test
        void leavesAnInstanceThatAskedToWaitAloneForTheOtherRoutesToo() throws Exception {
            first.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
            second.enqueue(feed("from the second"));
            second.enqueue(feed("again from the second"));
            fetcherFor(base(first), base(second));

            fetcher.fetch(FetchRequest.of("rsshub://zhihu/hotlist"));
            FetchOutcome other = fetcher.fetch(FetchRequest.of("rsshub://weibo/search/hot"));

            assertThat(first.getRequestCount()).as("asked once, then left to rest").isEqualTo(1);
            assertThat(other.source()).isEqualTo(base(second) + "/weibo/search/hot");
        }

        @Test
        void givesNoWaitWhenOneInstanceNamedNone() {
            first.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
            second.enqueue(status(500));

            fetcherFor(base(first), base(second));
            FetchException failure = fetchFailure("rsshub://zhihu/hotlist");

            assertThat(failure.retryAfter()).isEmpty();
        }

        @Test
        void isPermanentOnlyWhenTheRouteIsGoneEverywhere() {
            first.enqueue(status(410));
            second.enqueue(status(410));

            fetcherFor(base(first), base(second));
            FetchException failure = fetchFailure("rsshub://zhihu/hotlist");

            assertThat(failure.permanent()).isTrue();
            assertThat(failure.status()).isEqualTo(OptionalInt.of(410));
        }
    }

    @Nested
    class WhenTheRouteHoldsTextThatNeedsEncoding {
        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "rsshub://eventernote/actors/三森すずこ/2634, /eventernote/actors/%E4%B8%89%E6%A3%AE%E3%81%99%E3%81%9A%E3%81%93/2634",
            "rsshub://huxiu/search/%E8%8B%B9%E6%9E%9C, /huxiu/search/%E8%8B%B9%E6%9E%9C",
            "rsshub://huxiu/search/苹果%20手机, /huxiu/search/%E8%8B%B9%E6%9E%9C%20%E6%89%8B%E6%9C%BA",
            "rsshub://twitter/user/a b, /twitter/user/a%20b",
            "rsshub://douban/list/50%, /douban/list/50%25",
        })
        void sendsItEncodedExactlyOnce(String route, String target) throws Exception {
            first.enqueue(feed("encoded"));

            FetchOutcome outcome = fetcherFor(base(first)).fetch(FetchRequest.of(route));

            assertThat(first.takeRequest().getTarget()).isEqualTo(target);
            assertThat(outcome.source()).isEqualTo(base(first) + target);
        }
    }

    @Nested
    class WhenNoInstanceAnswers {
        @Test
        void listsEachInstanceWithItsReason() {
            first.enqueue(status(503));
            second.enqueue(status(404));

            fetcherFor(base(first), base(second));

            FetchException failure = fetchFailure("rsshub://zhihu/hotlist");

            assertThat(failure.url()).isEqualTo("rsshub://zhihu/hotlist");
            assertThat(failure.reason()).isEqualTo("no RSSHub instance answered ("
                    + base(first) + ": HTTP 503 Service Unavailable; "
                    + base(second) + ": HTTP 404 Not Found)");
        }

        @Test
        void failsClearlyWhenNoInstanceIsConfigured() {
            fetcherFor();

            FetchException failure = fetchFailure("rsshub://zhihu/hotlist");

            assertThat(failure.reason()).isEqualTo("no RSSHub instance configured (key 'rsshub')");
        }

        @Test
        void failsClearlyWhenTheRouteIsMissing() {
            fetcherFor(base(first));

            FetchException failure = fetchFailure("rsshub://");

            assertThat(failure.reason()).isEqualTo("no route after rsshub://");
            assertThat(first.getRequestCount()).isZero();
        }
    }
}
