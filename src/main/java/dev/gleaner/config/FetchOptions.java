package dev.gleaner.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How feeds are fetched, from the {@code fetch:} section.
 *
 * @param timeout the longest one fetch may take, body included; default {@code 30s}
 * @param concurrency how many feeds are fetched at once; default 8
 */
public record FetchOptions(Duration timeout, int concurrency) {
    /** The defaults. */
    public static final FetchOptions DEFAULTS = new FetchOptions(Duration.ofSeconds(30), 8);

    public FetchOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative() || concurrency < 1) {
            throw new IllegalArgumentException("timeout must be positive and concurrency at least 1");
        }
    }
}
