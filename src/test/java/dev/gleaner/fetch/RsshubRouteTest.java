package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
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
