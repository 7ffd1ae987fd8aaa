package dev.gleaner.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How often feeds are fetched and how failures are spaced out, from the {@code schedule:} section.
 *
 * @param minInterval no feed is fetched more often than this, whatever it asks; default {@code 5m}
 * @param maxInterval no healthy feed waits longer than this, whatever its hints say; default {@code 1d}
 * @param backoffCap failures push the next attempt out exponentially, up to this; default {@code 6h}
 * @param goneAfter a feed that answers 404 for this long is flagged as gone and tried daily; default
 *     {@code 7d}
 */
public record ScheduleOptions(Duration minInterval, Duration maxInterval, Duration backoffCap, Duration goneAfter) {
    /** The defaults. */
    public static final ScheduleOptions DEFAULTS = new ScheduleOptions(Duration.ofMinutes(5), Duration.ofDays(1),
            Duration.ofHours(6), Duration.ofDays(7));

    public ScheduleOptions {
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(backoffCap, "backoffCap");
        Objects.requireNonNull(goneAfter, "goneAfter");
        if (minInterval.compareTo(maxInterval) > 0) {
            throw new IllegalArgumentException("min_interval must not exceed max_interval");
        }
    }
}
