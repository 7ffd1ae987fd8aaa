package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How an HTTP fetch follows redirects, and where it stops following them. */
class FetcherRedirectTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private Fetcher fetcher = new Fetcher(TestSettings.quick());

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private static MockResponse redirect(int status, String location) {
        return new MockResponse.Builder().code(status).addHeader("Location", location).build();
    }

    private static MockResponse feed(String body) {
        return new MockResponse.Builder().body(body).build();
    }

    private FetchException fetchFailure(String url) {
        return FetchFailures.failureOf(fetcher, url);
    }

    @Nested
    class WhenTheFeedHasMoved {
        @Test
        void follows301ToTheFinalUrlAndReportsIt() throws Exception {
            server.enqueue(redirect(301, url("/new/feed.xml")));
            server.enqueue(feed("moved here"));

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of(url("/old/feed.xml")));

            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
            assertThat(new String(((FetchOutcome.Fetched) outcome).body(), UTF_8)).isEqualTo("moved here");
            assertThat(outcome.source()).isEqualTo(url("/new/feed.xml"));
            assertThat(server.takeRequest().getTarget()).isEqualTo("/old/feed.xml");
            assertThat(server.takeRequest().getTarget()).isEqualTo("/new/feed.xml");
        }

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {301, 302, 303, 307, 308})
        void followsEveryRedirectStatus(int status) throws Exception {
            server.enqueue(redirect(status, url("/final.xml")));
            server.enqueue(feed("final"));

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of(url("/start.xml")));

            assertThat(outcome.source()).isEqualTo(url("/final.xml"));
        }

        @Test
        void resolvesARelativeLocationAgainstTheUrlThatRedirected() throws Exception {
            server.enqueue(redirect(302, "../other/feed.xml"));
            server.enqueue(feed("relative"));

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of(url("/some/path/feed.xml")));

            assertThat(outcome.source()).isEqualTo(url("/some/other/feed.xml"));
        }

        @Test
        void followsALocationSentAsRawUtf8() throws Exception {
            // some servers put the UTF-8 bytes of a path straight into the header, unencoded
            server.enqueue(new MockResponse.Builder().code(302).addHeaderLenient("Location", "/搜索/苹果 手机").build());
            server.enqueue(feed("found"));

            fetcher.fetch(FetchRequest.of(url("/search")));

            server.takeRequest();
            assertThat(server.takeRequest().getTarget())
                    .isEqualTo("/%E6%90%9C%E7%B4%A2/%E8%8B%B9%E6%9E%9C%20%E6%89%8B%E6%9C%BA");
        }

        @Test
        void sendsTheValidatorsToTheNewUrlToo() throws Exception {
            server.enqueue(redirect(301, url("/new.xml")));
            server.enqueue(new MockResponse.Builder().code(304).build());

            FetchOutcome outcome = fetcher.fetch(new FetchRequest(url("/old.xml"), Validators.of("\"e1\"", null)));

            server.takeRequest();
            assertThat(server.takeRequest().getHeaders().get("If-None-Match")).isEqualTo("\"e1\"");
            assertThat(outcome).isInstanceOf(FetchOutcome.NotModified.class);
            assertThat(outcome.source()).isEqualTo(url("/new.xml"));
        }

        @Test
        void followsExactlyMaxRedirects() throws Exception {
            fetcher.close();
            fetcher = new Fetcher(TestSettings.withMaxRedirects(2));
            server.enqueue(redirect(302, url("/1")));
            server.enqueue(redirect(302, url("/2")));
            server.enqueue(feed("after two"));

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of(url("/0")));

            assertThat(outcome.source()).isEqualTo(url("/2"));
        }
    }

    @Nested
    class WhenRedirectsGoWrong {
        @Test
        void failsOnALoopAndNamesIt() throws Exception {
            server.enqueue(redirect(302, url("/b")));
            server.enqueue(redirect(302, url("/a")));

            FetchException failure = fetchFailure(url("/a"));

            assertThat(failure.reason()).isEqualTo("redirect loop at " + url("/a"));
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void failsOnAUrlThatRedirectsToItself() throws Exception {
            server.enqueue(redirect(301, "/self"));

            FetchException failure = fetchFailure(url("/self"));

            assertThat(failure.reason()).startsWith("redirect loop");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void failsAfterMoreThanMaxRedirects() throws Exception {
            fetcher.close();
            fetcher = new Fetcher(TestSettings.withMaxRedirects(2));
            server.enqueue(redirect(302, url("/1")));
            server.enqueue(redirect(302, url("/2")));
            server.enqueue(redirect(302, url("/3")));
            server.enqueue(feed("never reached"));

            FetchException failure = fetchFailure(url("/0"));

            assertThat(failure.reason()).isEqualTo("more than 2 redirects");
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void followsNoRedirectWhenMaxRedirectsIsZero() throws Exception {
            fetcher.close();
            fetcher = new Fetcher(TestSettings.withMaxRedirects(0));
            server.enqueue(redirect(301, url("/1")));

            FetchException failure = fetchFailure(url("/0"));

            assertThat(failure.reason()).isEqualTo("more than 0 redirects");
        }

        @Test
        void failsOnARedirectWithoutALocation() throws Exception {
            server.enqueue(new MockResponse.Builder().code(302).build());

            FetchException failure = fetchFailure(url("/feed.xml"));

            assertThat(failure.reason()).isEqualTo("HTTP 302 redirect without a Location");
        }

        @Test
        void refusesARedirectToALocalFile() throws Exception {
            server.enqueue(redirect(302, "file:///etc/passwd"));

            FetchException failure = fetchFailure(url("/feed.xml"));

            assertThat(failure.reason()).isEqualTo("redirect to a non-HTTP URL: file:///etc/passwd");
        }

        @Test
        void namesTheUrlThatWasAskedFor() throws Exception {
            server.enqueue(redirect(302, url("/gone.xml")));
            server.enqueue(new MockResponse.Builder().code(404).build());

            FetchException failure = fetchFailure(url("/feed.xml"));

            assertThat(failure.url()).isEqualTo(url("/feed.xml"));
            assertThat(failure.reason()).isEqualTo("HTTP 404 Not Found");
        }
    }
}
