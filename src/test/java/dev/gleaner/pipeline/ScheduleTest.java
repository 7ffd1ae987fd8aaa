package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.config.ScheduleOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private final Schedule schedule = new Schedule(ScheduleOptions.DEFAULTS, new SplittableRandom(42));

    private static Duration after(Instant next) {
        return Duration.between(NOW, next);
    }

    private static void assertWithinTenPercent(Duration actual, Duration expected) {
        assertThat(actual.toMillis()).isBetween(Math.round(expected.toMillis() * 0.9), Math.round(expected.toMillis() * 1.1));
    }

    @Nested
    class AfterASuccess {
        @Test
        void waitsTheSubscriptionsIntervalWithJitter() {
            for (int i = 0; i < 200; i++) {
                assertWithinTenPercent(after(schedule.afterSuccess(NOW, Duration.ofMinutes(30), Optional.empty())),
                        Duration.ofMinutes(30));
            }
        }

        @Test
        void spreadsFeedsThatWereFetchedTogether() {
            Set<Instant> next = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                next.add(schedule.afterSuccess(NOW, Duration.ofMinutes(30), Optional.empty()));
            }
            assertThat(next).hasSizeGreaterThan(40);
        }

        @Test
        void honoursAFeedThatAsksForLessTraffic() {
            assertWithinTenPercent(after(schedule.afterSuccess(NOW, Duration.ofMinutes(30), Optional.of(Duration.ofHours(2)))),
                    Duration.ofHours(2));
        }

        @Test
        void neverPollsMoreOftenThanTheSubscriptionAsksEvenIfTheServerWould() {
            assertWithinTenPercent(after(schedule.afterSuccess(NOW, Duration.ofMinutes(30), Optional.of(Duration.ofMinutes(1)))),
                    Duration.ofMinutes(30));
        }

        @Test
        void staysWithinTheConfiguredBounds() {
            assertWithinTenPercent(after(schedule.afterSuccess(NOW, Duration.ofMinutes(1), Optional.empty())),
                    Duration.ofMinutes(5));
            assertWithinTenPercent(after(schedule.afterSuccess(NOW, Duration.ofMinutes(30), Optional.of(Duration.ofDays(30)))),
                    Duration.ofDays(1));
        }
    }

    @Nested
    class AfterAFailure {
        @ParameterizedTest(name = "failure {0}: about {1} min")
        @CsvSource({"1, 5", "2, 10", "3, 20", "4, 40", "5, 80", "6, 160", "7, 320", "8, 360", "20, 360", "1000, 360"})
        void backsOffExponentiallyUpToTheCap(int failures, int minutes) {
            assertWithinTenPercent(after(schedule.afterFailure(NOW, failures, Optional.empty(), false)),
                    Duration.ofMinutes(minutes));
        }

        @Test
        void honoursRetryAfterWithinTheCap() {
            assertThat(after(schedule.afterFailure(NOW, 1, Optional.of(Duration.ofMinutes(17)), false)))
                    .isEqualTo(Duration.ofMinutes(17));
            assertThat(after(schedule.afterFailure(NOW, 1, Optional.of(Duration.ofDays(9)), false)))
                    .isEqualTo(Duration.ofHours(6));
        }

        @Test
        void aGoneFeedIsStillTriedDaily() {
            assertWithinTenPercent(after(schedule.afterFailure(NOW, 50, Optional.empty(), true)), Duration.ofDays(1));
        }
    }
}
