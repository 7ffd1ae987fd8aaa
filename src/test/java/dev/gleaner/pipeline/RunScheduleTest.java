package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.store.Health;
import dev.gleaner.store.Store;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a pass schedules the next fetch of a feed from what a real server on loopback answers. */
class RunScheduleTest {
    private static final String FEED = RssDocument.channel("站", "https://example.org/")
            .item("一", "<p>x</p>", "Sat, 21 May 2022 06:05:19 GMT", "https://example.org/1").xml();

    @TempDir
    Path dir;

    final MockWebServer server = new MockWebServer();
    final Deque<MockResponse> answers = new ArrayDeque<>();
    Workspace workspace;

    @BeforeEach
    void setUp() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (answers) {
                    return answers.isEmpty() ? new MockResponse.Builder().body(FEED).build() : answers.poll();
                }
            }
        });
        server.start();
        workspace = new Workspace(dir);
        workspace.config("a:\n  b:\n    c: " + server.url("/feed.xml") + "\n");
        Files.writeString(dir.resolve("gleaner.yml"), Files.readString(dir.resolve("gleaner.yml"))
                .replace("subscriptions:", "fetch: {timeout: 2s, allow: [localhost, 127.0.0.1]}\nsubscriptions:"));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void answer(MockResponse... responses) {
        synchronized (answers) {
            answers.addAll(java.util.List.of(responses));
        }
    }

    private Health health() {
        return Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db")).subscriptions().find("a/b/c").orElseThrow()
                .health();
    }

    private static Duration untilDue(Health health) {
        return Duration.between(health.lastAttempt().orElseThrow(), health.nextDue().orElseThrow());
    }

    @Nested
    class AfterFailures {
        @Test
        void serverErrorsPushTheNextTryOutExponentiallyAndASuccessResetsIt() {
            answer(new MockResponse.Builder().code(503).build(), new MockResponse.Builder().code(500).build(),
                    new MockResponse.Builder().code(502).build());

            workspace.run("run", "--all");
            Duration first = untilDue(health());
            workspace.run("run", "--all");
            Duration second = untilDue(health());
            workspace.run("run", "--all");
            Duration third = untilDue(health());

            assertThat(first).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
            assertThat(second).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11));
            assertThat(third).isBetween(Duration.ofMinutes(18), Duration.ofMinutes(22));
            assertThat(health().consecutiveFailures()).isEqualTo(3);

            workspace.run("run", "--all");

            assertThat(health().consecutiveFailures()).isZero();
            assertThat(health().failingSince()).isEmpty();
            assertThat(untilDue(health())).isBetween(Duration.ofMinutes(27), Duration.ofMinutes(33));
        }

        @Test
        void tooManyRequestsWaitsWhatRetryAfterAsks() {
            answer(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());

            Workspace.Result result = workspace.run("run", "--all");

            assertThat(result.out()).contains("HTTP 429");
            assertThat(untilDue(health())).isEqualTo(Duration.ofHours(1));
            assertThat(workspace.run("run").out()).contains("not due        1");
        }

        @Test
        void notFoundForLongerThanGoneAfterIsFlaggedAsGone() throws Exception {
            answer(new MockResponse.Builder().code(404).build(), new MockResponse.Builder().code(404).build());
            workspace.run("run", "--all");
            assertThat(health().permanent()).as("one 404 is not yet gone").isFalse();
            try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gleaner.db"));
                    var statement = connection.prepareStatement("UPDATE subscription SET failing_since = ?")) {
                statement.setLong(1, Instant.now().minus(Duration.ofDays(8)).toEpochMilli());
                statement.executeUpdate();
            }

            workspace.run("run", "--all");

            assertThat(health().permanent()).isTrue();
            assertThat(untilDue(health())).isBetween(Duration.ofHours(21), Duration.ofHours(27));
        }

        @Test
        void goneIsFlaggedAndTriedDaily() {
            answer(new MockResponse.Builder().code(410).build());

            workspace.run("run", "--all");

            assertThat(health().permanent()).isTrue();
            assertThat(untilDue(health())).isBetween(Duration.ofHours(21), Duration.ofHours(27));
            assertThat(workspace.run("status").out()).contains("(gone)");
        }
    }

    @Nested
    class AfterSuccesses {
        @Test
        void aServerThatIgnoresValidatorsButSendsTheSameBodyCostsNoParse() {
            workspace.run("run", "--all");

            Workspace.Result second = workspace.run("run", "--all");

            assertThat(second.out()).contains("not modified   1").contains("fetched        0");
        }

        @Test
        void aLongerCacheLifetimeFromTheServerIsHonoured() {
            answer(new MockResponse.Builder().setHeader("Cache-Control", "max-age=7200").body(FEED).build());

            workspace.run("run", "--all");

            assertThat(untilDue(health())).isBetween(Duration.ofMinutes(108), Duration.ofMinutes(132));
        }

        @Test
        void theFeedsOwnTtlIsHonoured() {
            answer(new MockResponse.Builder().body(FEED.replace("<ttl>5</ttl>", "<ttl>180</ttl>")).build());

            workspace.run("run", "--all");

            assertThat(untilDue(health())).isBetween(Duration.ofMinutes(162), Duration.ofMinutes(198));
            assertThat(health().nextDue().orElseThrow()).isAfter(Instant.now());
        }
    }
}
