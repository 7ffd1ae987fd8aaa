package dev.gleaner.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What a server's headers say about when to ask again: how long an answer stays fresh
 * ({@code Cache-Control}, {@code Expires}) and how long to wait after a refusal ({@code Retry-After}).
 *
 * <p>Absolute dates are measured from the server's own {@code Date} header when it sends one, so
 * that a server whose clock is off still gets the delay it meant.
 */
final class CacheHints {
    /** RFC 9111 caps delta-seconds at 2^31 s; beyond that a server means "forever". */
    private static final long MAX_SECONDS = 1L << 31;

    private CacheHints() {
    }

    /**
     * How long the answer stays fresh: {@code max-age} (else {@code s-maxage}) less its
     * {@code Age}, else {@code Expires} less {@code Date} (or {@code now}). An {@code Expires}
     * that is no date means the answer is already stale.
     */
    static Optional<Duration> freshFor(HttpHeaders headers, Instant now) {
        String cacheControl = String.join(",", headers.allValues("Cache-Control"));
        Optional<Long> maxAge = directive(cacheControl, "max-age").or(() -> directive(cacheControl, "s-maxage"));
        if (maxAge.isPresent()) {
            long age = headers.firstValue("Age").flatMap(CacheHints::seconds).orElse(0L);
            return Optional.of(Duration.ofSeconds(Math.max(0, maxAge.get() - age)));
        }
        Optional<String> expires = headers.firstValue("Expires");
        if (expires.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HttpDates.parse(expires.get())
                .map(at -> nonNegative(Duration.between(serverNow(headers, now), at)))
                .orElse(Duration.ZERO));
    }

    /** How long {@code Retry-After} asks to wait, in seconds or until a date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> seconds = seconds(value.get());
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofSeconds(seconds.get()));
        }
        return HttpDates.parse(value.get()).map(at -> nonNegative(Duration.between(serverNow(headers, now), at)));
    }

    private static Instant serverNow(HttpHeaders headers, Instant now) {
        return headers.firstValue("Date").flatMap(HttpDates::parse).orElse(now);
    }

    /** The value of {@code name=N} among comma-separated directives, N possibly quoted. */
    private static Optional<Long> directive(String header, String name) {
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0 || !part.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals(name)) {
                continue;
            }
            return seconds(part.substring(equals + 1).strip().replace("\"", ""));
        }
        return Optional.empty();
    }

    private static Optional<Long> seconds(String text) {
        String digits = text.strip();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(digits.length() > 18 ? MAX_SECONDS : Math.min(Long.parseLong(digits), MAX_SECONDS));
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
