package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a fetch fails when no server can be reached at all. */
class FetcherConnectionFailureTest {
    private final Fetcher fetcher = new Fetcher(TestSettings.quick());

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    @Test
    void failsFastOnAnUnknownHost() {
        long start = System.nanoTime();

        FetchException failure = FetchFailures.failureOf(fetcher, "http://no-such-host.invalid/feed.xml");

        assertThat(failure.reason()).startsWith("unknown host").contains("no-such-host.invalid");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TestSettings.TIMEOUT);
    }

    @Test
    void failsWhenTheConnectionIsRefused() throws IOException {
        String url = "http://127.0.0.1:" + Loopback.closedPort() + "/feed.xml";

        FetchException failure = FetchFailures.failureOf(fetcher, url);

        assertThat(failure.reason()).startsWith("connection refused by 127.0.0.1:");
        assertThat(failure.url()).isEqualTo(url);
    }
}
