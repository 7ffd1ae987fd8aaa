package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hints a fetch hands the schedule: how long an answer stays fresh, how long to back off, and what is gone. */
class FetcherHintsTest {
    /** The fetcher's "now", for dates sent without a {@code Date} header. */
    private static final Instant NOW = Instant.parse("2026-06-19T10:00:00Z");
    private static final String NOW_HEADER = "Fri, 19 Jun 2026 10:00:00 GMT";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final Fetcher fetcher = new Fetcher(TestSettings.quick(), HostResolver.SYSTEM, InstantSource.fixed(NOW));

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private String url() {
        return server.url("/feed.xml").toString();
    }

    private FetchOutcome fetchWith(MockResponse.Builder response) throws Exception {
        server.enqueue(response.build());
        return fetcher.fetch(FetchRequest.of(url()));
    }

    private FetchException failureWith(MockResponse.Builder response) {
        server.enqueue(response.build());
        return FetchFailures.failureOf(fetcher, url());
    }

    private static MockResponse.Builder feed() {
        return new MockResponse.Builder().body("<rss/>");
    }

    @Nested
    class WhenTheServerSaysHowLongItsAnswerIsFresh {
        @Test
        void takesMaxAge() throws Exception {
            FetchOutcome outcome = fetchWith(feed().addHeader("Cache-Control", "public, max-age=600"));

            assertThat(outcome.freshFor()).contains(Duration.ofMinutes(10));
        }

        @Test
        void takesAwayTheAgeTheAnswerSpentInACache() throws Exception {
            FetchOutcome outcome = fetchWith(feed().addHeader("Cache-Control", "max-age=600").addHeader("Age", "100"));

            assertThat(outcome.freshFor()).contains(Duration.ofSeconds(500));
        }

        @Test
        void takesSharedMaxAgeWhenThereIsNoMaxAge() throws Exception {
            FetchOutcome outcome = fetchWith(feed().addHeader("Cache-Control", "public, s-maxage=\"3600\""));

            assertThat(outcome.freshFor()).contains(Duration.ofHours(1));
        }

        @Test
        void prefersMaxAgeToExpires() throws Exception {
            FetchOutcome outcome = fetchWith(feed()
                    .addHeader("Cache-Control", "max-age=60")
                    .addHeader("Date", NOW_HEADER)
                    .addHeader("Expires", "Fri, 19 Jun 2026 12:00:00 GMT"));

            assertThat(outcome.freshFor()).contains(Duration.ofMinutes(1));
        }

        @Test
        void measuresExpiresFromTheServersDate() throws Exception {
            // the server's clock runs a day behind ours; its Expires means 30 minutes all the same
            FetchOutcome outcome = fetchWith(feed()
                    .addHeader("Date", "Thu, 18 Jun 2026 10:00:00 GMT")
                    .addHeader("Expires", "Thu, 18 Jun 2026 10:30:00 GMT"));

            assertThat(outcome.freshFor()).contains(Duration.ofMinutes(30));
        }

        @Test
        void measuresExpiresFromNowWithoutADate() throws Exception {
            FetchOutcome outcome = fetchWith(feed().addHeader("Expires", "Fri, 19 Jun 2026 11:00:00 GMT"));

            assertThat(outcome.freshFor()).contains(Duration.ofHours(1));
        }

        @ParameterizedTest(name = "Expires: {0}")
        @ValueSource(strings = {"0", "-1", "Thu, 18 Jun 2026 09:00:00 GMT"})
        void takesAnExpiresThatIsNoDateOrPastAsStale(String expires) throws Exception {
            FetchOutcome outcome = fetchWith(feed().addHeader("Expires", expires));

            assertThat(outcome.freshFor()).contains(Duration.ZERO);
        }

        @Test
        void readsTheObsoleteDateForms() throws Exception {
            FetchOutcome outcome = fetchWith(feed()
                    .addHeader("Date", "Friday, 19-Jun-26 10:00:00 GMT")
                    .addHeader("Expires", "Fri Jun 19 10:05:00 2026"));

            assertThat(outcome.freshFor()).contains(Duration.ofMinutes(5));
        }

        @Test
        void saysNothingWhenTheServerSaysNothing() throws Exception {
            FetchOutcome outcome = fetchWith(feed().addHeader("Cache-Control", "no-cache"));

            assertThat(outcome.freshFor()).isEmpty();
        }

        @Test
        void readsTheHintsOfANotModifiedAnswerToo() throws Exception {
            server.enqueue(new MockResponse.Builder().code(304).addHeader("Cache-Control", "max-age=300").build());

            FetchOutcome outcome = fetcher.fetch(new FetchRequest(url(), Validators.of("\"v1\"", null)));

            assertThat(outcome).isInstanceOf(FetchOutcome.NotModified.class);
            assertThat(outcome.freshFor()).contains(Duration.ofMinutes(5));
        }
    }

    @Nested
    class WhenTheServerAsksToBeLeftAlone {
        @Test
        void takesRetryAfterInSecondsFromA429() {
            FetchException failure = failureWith(new MockResponse.Builder().code(429).addHeader("Retry-After", "120"));

            assertThat(failure.status()).isEqualTo(OptionalInt.of(429));
            assertThat(failure.retryAfter()).contains(Duration.ofMinutes(2));
            assertThat(failure.reason()).isEqualTo("HTTP 429 Too Many Requests (retry after 2 min)");
            assertThat(failure.permanent()).isFalse();
        }

        @Test
        void takesRetryAfterAsADateMeasuredFromTheServersDate() {
            FetchException failure = failureWith(new MockResponse.Builder()
                    .code(429)
                    .addHeader("Date", "Thu, 18 Jun 2026 10:00:00 GMT")
                    .addHeader("Retry-After", "Thu, 18 Jun 2026 10:00:45 GMT"));

            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(45));
        }

        @Test
        void takesRetryAfterAsADateMeasuredFromNowWithoutADate() {
            FetchException failure = failureWith(new MockResponse.Builder()
                    .code(429)
                    .addHeader("Retry-After", "Fri, 19 Jun 2026 13:00:00 GMT"));

            assertThat(failure.retryAfter()).contains(Duration.ofHours(3));
            assertThat(failure.reason()).endsWith("(retry after 3 h)");
        }

        @Test
        void takesRetryAfterFromA503() {
            FetchException failure = failureWith(new MockResponse.Builder().code(503).addHeader("Retry-After", "30"));

            assertThat(failure.status()).isEqualTo(OptionalInt.of(503));
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(failure.reason()).isEqualTo("HTTP 503 Service Unavailable (retry after 30 s)");
        }

        @Test
        void takesADateAlreadyPastAsNoWait() {
            FetchException failure = failureWith(new MockResponse.Builder()
                    .code(503)
                    .addHeader("Retry-After", "Thu, 18 Jun 2026 10:00:00 GMT"));

            assertThat(failure.retryAfter()).contains(Duration.ZERO);
        }

        @Test
        void ignoresARetryAfterItCannotRead() {
            FetchException failure = failureWith(new MockResponse.Builder().code(429).addHeader("Retry-After", "soon"));

            assertThat(failure.retryAfter()).isEmpty();
            assertThat(failure.reason()).isEqualTo("HTTP 429 Too Many Requests");
        }

        @Test
        void ignoresRetryAfterOnOtherStatuses() {
            FetchException failure = failureWith(new MockResponse.Builder().code(500).addHeader("Retry-After", "60"));

            assertThat(failure.retryAfter()).isEmpty();
        }
    }

    @Nested
    class WhenTheFeedIsGone {
        @Test
        void flags410AsPermanent() {
            FetchException failure = failureWith(new MockResponse.Builder().code(410));

            assertThat(failure.permanent()).isTrue();
            assertThat(failure.status()).isEqualTo(OptionalInt.of(410));
            assertThat(failure.reason()).isEqualTo("HTTP 410 Gone");
        }

        @Test
        void leaves404ToTheScheduleToJudge() {
            FetchException failure = failureWith(new MockResponse.Builder().code(404));

            assertThat(failure.permanent()).isFalse();
            assertThat(failure.status()).isEqualTo(OptionalInt.of(404));
        }

        @Test
        void givesNoStatusWhenNoServerAnswered() throws Exception {
            String url = "http://127.0.0.1:" + Loopback.closedPort() + "/feed.xml";

            FetchException failure = FetchFailures.failureOf(fetcher, url);

            assertThat(failure.status()).isEmpty();
            assertThat(failure.retryAfter()).isEqualTo(Optional.empty());
            assertThat(failure.permanent()).isFalse();
        }
    }
}
