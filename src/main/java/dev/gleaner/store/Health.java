package dev.gleaner.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a subscription has been doing, and when it is next due.
 *
 * @param lastAttempt when it was last fetched, successfully or not
 * @param lastSuccess when a fetch last succeeded
 * @param lastError why the last fetch failed; empty after a success
 * @param consecutiveFailures failures since the last success
 * @param lastStatus the HTTP status of the last failure, when it had one
 * @param failingSince when the current run of failures began
 * @param permanent whether the feed is flagged as gone (410, or 404 for days): polled daily only
 * @param nextDue when it should next be fetched; empty for "now"
 * @param fetches how many fetches of it succeeded
 * @param notModified how many of those the server answered with {@code 304 Not Modified}
 */
public record Health(
        Optional<Instant> lastAttempt,
        Optional<Instant> lastSuccess,
        String lastError,
        int consecutiveFailures,
        OptionalInt lastStatus,
        Optional<Instant> failingSince,
        boolean permanent,
        Optional<Instant> nextDue,
        int fetches,
        int notModified) {

    /** The health of a feed never fetched: no attempt, no failure, due now. */
    public static final Health NEVER_FETCHED = new Health(Optional.empty(), Optional.empty(), "", 0,
            OptionalInt.empty(), Optional.empty(), false, Optional.empty(), 0, 0);

    public Health {
        Objects.requireNonNull(lastAttempt, "lastAttempt");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(failingSince, "failingSince");
        Objects.requireNonNull(nextDue, "nextDue");
    }

    /** Whether it should be fetched at {@code now}. */
    public boolean isDue(Instant now) {
        return nextDue.map(due -> !due.isAfter(now)).orElse(true);
    }

    /** How long it has been failing at {@code now}; zero when it is healthy. */
    public Duration failingFor(Instant now) {
        return failingSince.map(since -> Duration.between(since, now)).orElse(Duration.ZERO);
    }
}
