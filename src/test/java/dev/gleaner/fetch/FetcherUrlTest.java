package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs a fetch accepts, and the reason it gives for those it does not. */
class FetcherUrlTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final Fetcher fetcher = new Fetcher(TestSettings.quick());

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private FetchException fetchFailure(String url) {
        return FetchFailures.failureOf(fetcher, url);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp://example.org/feed.xml", "gopher://example.org/feed", "feed.xml", ""})
    void refusesAnUnsupportedScheme(String url) {
        FetchException failure = fetchFailure(url);

        assertThat(failure.reason()).isEqualTo("unsupported URL scheme; expected http(s):, file: or rsshub://");
        assertThat(failure.url()).isEqualTo(url);
    }

    @Test
    void refusesAnHttpUrlWithoutAHost() {
        FetchException failure = fetchFailure("http:///feed.xml");

        assertThat(failure.reason()).isEqualTo("no host in URL");
    }

    @Test
    void refusesAnHttpUrlWithAMalformedHost() {
        FetchException failure = fetchFailure("http://exa mple.org/feed.xml");

        assertThat(failure.reason()).startsWith("not a valid URL");
    }

    @Test
    void sendsAPathWrittenInChineseEncodedOnce() throws Exception {
        server.enqueue(new MockResponse.Builder().body("encoded").build());
        String url = server.url("/").toString() + "话题/开源 中国?tag=%E6%96%B0";

        FetchOutcome outcome = fetcher.fetch(FetchRequest.of(url));

        String target = "/%E8%AF%9D%E9%A2%98/%E5%BC%80%E6%BA%90%20%E4%B8%AD%E5%9B%BD?tag=%E6%96%B0";
        assertThat(server.takeRequest().getTarget()).isEqualTo(target);
        assertThat(outcome.source()).isEqualTo(server.url("/").toString() + target.substring(1));
    }

    @Test
    void readsTheSchemeWhateverItsCase() throws Exception {
        server.enqueue(new MockResponse.Builder().body("upper").build());
        String url = server.url("/feed.xml").toString().replaceFirst("^http:", "HTTP:");

        FetchOutcome outcome = fetcher.fetch(FetchRequest.of(url));

        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(server.takeRequest().getTarget()).isEqualTo("/feed.xml");
    }
}
