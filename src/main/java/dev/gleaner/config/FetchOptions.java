package dev.gleaner.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How feeds are fetched, from the {@code fetch:} section.
 *
 * @param timeout the longest one fetch may take, body included; default {@code 30s}
 * @param concurrency how many feeds are fetched at once, over all hosts; default 16
 * @param perHost how many requests one host gets at once; default 2
 * @param minGap the least time between two requests to one host; default {@code 250ms}
 * @param userAgent the {@code User-Agent} sent; default names Gleaner and its project page
 * @param allow hosts, addresses and CIDR blocks that may be fetched although they are loopback or
 *     private (a self-hosted RSSHub on the LAN, say); default none
 */
public record FetchOptions(Duration timeout, int concurrency, int perHost, Duration minGap,
        Optional<String> userAgent, List<String> allow) {
    /** The defaults. */
    public static final FetchOptions DEFAULTS = new FetchOptions(Duration.ofSeconds(30), 16, 2,
            Duration.ofMillis(250), Optional.empty(), List.of());

    public FetchOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(minGap, "minGap");
        Objects.requireNonNull(userAgent, "userAgent");
        allow = List.copyOf(allow);
        if (timeout.isZero() || timeout.isNegative() || concurrency < 1 || perHost < 1 || minGap.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, concurrency and per_host at least 1");
        }
    }
}
