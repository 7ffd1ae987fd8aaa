package dev.gleaner.web;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds back an address that keeps failing to sign in: after {@link #MOST_FAILURES} failures within
 * {@link #WINDOW} of its first, it is refused until that window ends, whatever it sends.
 */
final class LoginLimiter {
    static final int MOST_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Addresses remembered at most; past it, the ones whose window has ended are forgotten. */
    private static final int MOST_ADDRESSES = 10_000;

    private record Failures(Instant since, int count) {
    }

    private final InstantSource clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginLimiter(InstantSource clock) {
        this.clock = clock;
    }

    /** How long {@code address} must still wait, if it is held back. */
    Optional<Duration> heldBack(String address) {
        Failures seen = failures.get(address);
        if (seen == null || seen.count() < MOST_FAILURES) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), seen.since().plus(WINDOW));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() >= MOST_ADDRESSES) {
            failures.values().removeIf(seen -> !seen.since().plus(WINDOW).isAfter(now));
        }
        failures.merge(address, new Failures(now, 1), (before, one) -> before.since().plus(WINDOW).isAfter(now)
                ? new Failures(before.since(), before.count() + 1) : one);
    }

    void succeeded(String address) {
        failures.remove(address);
    }
}
