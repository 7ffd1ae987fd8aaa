package dev.gleaner.pipeline;

import dev.gleaner.config.ScheduleOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a subscription is next due: its interval after a success, honouring what the feed and the
 * server ask within bounds; exponential backoff after failures, up to a cap, never giving up. Every
 * delay gets ±10% jitter, so feeds that failed together do not retry together.
 *
 * <p>Not thread-safe (it draws from one random generator); the pass calls it from one thread.
 */
public final class Schedule {
    /** The first retry after a failure; each further failure doubles it. */
    static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    /** A feed flagged as gone is still tried once a day, in case it comes back. */
    static final Duration GONE_RETRY = Duration.ofDays(1);
    private static final double JITTER = 0.10;

    private final ScheduleOptions options;
    private final RandomGenerator random;

    public Schedule(ScheduleOptions options, RandomGenerator random) {
        this.options = Objects.requireNonNull(options, "options");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The next due time after a successful fetch.
     *
     * @param interval the subscription's own interval
     * @param hint how long the feed or server says its answer stays fresh ({@code <ttl>},
     *     {@code Cache-Control: max-age}, {@code Expires}), if it says
     */
    public Instant afterSuccess(Instant now, Duration interval, Optional<Duration> hint) {
        Duration wanted = hint.filter(h -> h.compareTo(interval) > 0).orElse(interval);
        return now.plus(jitter(clamp(wanted, options.minInterval(), options.maxInterval())));
    }

    /**
     * The next due time after a failed fetch.
     *
     * @param failures consecutive failures, this one included
     * @param retryAfter what a 429 or 503 asked for, if it did
     * @param gone whether the feed is flagged as gone
     */
    public Instant afterFailure(Instant now, int failures, Optional<Duration> retryAfter, boolean gone) {
        if (gone) {
            return now.plus(jitter(GONE_RETRY));
        }
        if (retryAfter.isPresent()) {
            return now.plus(clamp(retryAfter.get(), Duration.ZERO, options.backoffCap()));
        }
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        Duration backoff = FIRST_RETRY.multipliedBy(1L << doublings);
        return now.plus(jitter(clamp(backoff, Duration.ZERO, options.backoffCap())));
    }

    private Duration jitter(Duration delay) {
        double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER;
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }
}
