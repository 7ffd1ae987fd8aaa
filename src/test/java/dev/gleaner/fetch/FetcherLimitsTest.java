package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The bounds on size and time that keep a hostile or broken server from holding a fetch. */
class FetcherLimitsTest {
    /** Slack allowed past a deadline for thread scheduling and closing the connection. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private Fetcher fetcher;

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private FetchException fetchFailure(String url) {
        return FetchFailures.failureOf(fetcher, url);
    }

    /** A failed fetch and how long it took to fail. */
    private record TimedFailure(FetchException failure, Duration elapsed) {
    }

    private TimedFailure timeFailure(String url) {
        long start = System.nanoTime();
        FetchException failure = fetchFailure(url);
        return new TimedFailure(failure, Duration.ofNanos(System.nanoTime() - start));
    }

    @Nested
    class WhenTheBodyIsTooLarge {
        private static final long MAX_BYTES = 1024;

        @Test
        void acceptsABodyOfExactlyMaxBytes() throws Exception {
            fetcher = new Fetcher(TestSettings.withMaxBytes(MAX_BYTES));
            server.enqueue(new MockResponse.Builder().body("x".repeat((int) MAX_BYTES)).build());

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of(url("/feed.xml")));

            assertThat(((FetchOutcome.Fetched) outcome).body()).hasSize((int) MAX_BYTES);
        }

        @Test
        void failsOnABodyOfOneByteMore() {
            fetcher = new Fetcher(TestSettings.withMaxBytes(MAX_BYTES));
            server.enqueue(new MockResponse.Builder().body("x".repeat((int) MAX_BYTES + 1)).build());

            FetchException failure = fetchFailure(url("/feed.xml"));

            assertThat(failure.reason()).isEqualTo("body larger than 1024 bytes");
        }

        @Test
        void failsOnAnEndlessChunkedBody() {
            fetcher = new Fetcher(TestSettings.withMaxBytes(MAX_BYTES));
            server.enqueue(new MockResponse.Builder().chunkedBody("y".repeat(64 * 1024), 512).build());

            FetchException failure = fetchFailure(url("/feed.xml"));

            assertThat(failure.reason()).isEqualTo("body larger than 1024 bytes");
        }
    }

    @Nested
    class WhenASmallBodyDecompressesPastTheLimit {
        private static final int BOMB_SIZE = 50 << 20;

        @Test
        void failsQuicklyWithTheSizeReason() throws Exception {
            fetcher = new Fetcher(TestSettings.quick());
            byte[] bomb = gzippedZeros(BOMB_SIZE);
            assertThat(bomb.length).isLessThan(BOMB_SIZE / 100);
            server.enqueue(new MockResponse.Builder()
                    .addHeader("Content-Encoding", "gzip")
                    .body(new Buffer().write(bomb))
                    .build());

            TimedFailure result = timeFailure(url("/bomb.xml"));

            assertThat(result.failure().reason()).isEqualTo("body larger than " + TestSettings.MAX_BYTES + " bytes");
            assertThat(result.elapsed()).isLessThan(TestSettings.TIMEOUT);
        }

        private static byte[] gzippedZeros(int size) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] zeros = new byte[1 << 20];
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                for (int written = 0; written < size; written += zeros.length) {
                    gzip.write(zeros);
                }
            }
            return out.toByteArray();
        }
    }

    @Nested
    class WhenTheServerIsSlow {
        private static final Duration TIMEOUT = Duration.ofSeconds(1);

        @Test
        void failsWhenTheHeadersComeAfterTheTimeout() {
            fetcher = new Fetcher(TestSettings.withTimeout(TIMEOUT));
            server.enqueue(new MockResponse.Builder().headersDelay(4, TimeUnit.SECONDS).body("late").build());

            TimedFailure result = timeFailure(url("/slow.xml"));

            assertThat(result.failure().reason()).isEqualTo("timed out after 1 s");
            assertThat(result.elapsed()).isBetween(TIMEOUT, TIMEOUT.plus(SLACK));
        }

        @Test
        void failsByTheDeadlineWhenTheBodyTrickles() {
            fetcher = new Fetcher(TestSettings.withTimeout(TIMEOUT));
            // 16 bytes a second: the whole body would take a minute
            server.enqueue(new MockResponse.Builder()
                    .body("z".repeat(960))
                    .throttleBody(16, 1, TimeUnit.SECONDS)
                    .build());

            TimedFailure result = timeFailure(url("/trickle.xml"));

            assertThat(result.failure().reason()).isEqualTo("timed out after 1 s");
            assertThat(result.elapsed()).isBetween(TIMEOUT, TIMEOUT.plus(SLACK));
        }

        @Test
        void countsRedirectsAgainstTheSameDeadline() {
            fetcher = new Fetcher(TestSettings.withTimeout(TIMEOUT));
            // each answer alone fits the timeout; together they do not
            server.enqueue(new MockResponse.Builder()
                    .code(302)
                    .addHeader("Location", url("/next.xml"))
                    .headersDelay(700, TimeUnit.MILLISECONDS)
                    .build());
            server.enqueue(new MockResponse.Builder().headersDelay(700, TimeUnit.MILLISECONDS).body("late").build());

            TimedFailure result = timeFailure(url("/first.xml"));

            assertThat(result.failure().reason()).isEqualTo("timed out after 1 s");
            assertThat(result.elapsed()).isLessThan(TIMEOUT.plus(SLACK));
        }
    }
}
