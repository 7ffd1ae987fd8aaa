package dev.gleaner.fetch;

import java.time.Duration;
import java.util.List;

/**
 * Fetch settings with short bounds, so that a test that waits for a timeout stays fast, and with
 * this machine's loopback allowed, where the test servers listen.
 */
final class TestSettings {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final long MAX_BYTES = 1L << 20;
    static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    private TestSettings() {
    }

    /** Short timeouts, 5 redirects, 1 MiB, no RSSHub instance, loopback allowed. */
    static FetchSettings quick() {
        return quick(List.of());
    }

    /** Short timeouts, 5 redirects, 1 MiB, these RSSHub instances, loopback allowed. */
    static FetchSettings quick(List<String> rsshubInstances) {
        return new FetchSettings(CONNECT_TIMEOUT, TIMEOUT, 5, MAX_BYTES, FetchSettings.DEFAULT_USER_AGENT,
                rsshubInstances).withAllowed(LOOPBACK);
    }

    /** Short timeouts, with only {@code allowed} exempt from the address guard: loopback is refused unless named. */
    static FetchSettings allowing(List<String> allowed) {
        return quick().withAllowed(allowed);
    }

    static FetchSettings withMaxRedirects(int maxRedirects) {
        return new FetchSettings(CONNECT_TIMEOUT, TIMEOUT, maxRedirects, MAX_BYTES,
                FetchSettings.DEFAULT_USER_AGENT, List.of()).withAllowed(LOOPBACK);
    }

    static FetchSettings withMaxBytes(long maxBytes) {
        return new FetchSettings(CONNECT_TIMEOUT, TIMEOUT, 5, maxBytes, FetchSettings.DEFAULT_USER_AGENT, List.of())
                .withAllowed(LOOPBACK);
    }

    static FetchSettings withTimeout(Duration timeout) {
        return quick().withTimeout(timeout);
    }
}
