package dev.gleaner.fetch;

import java.time.Duration;
import java.util.List;

/** Fetch settings with short bounds, so that a test that waits for a timeout stays fast. */
final class TestSettings {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final long MAX_BYTES = 1L << 20;

    private TestSettings() {
    }

    /** Short timeouts, 5 redirects, 1 MiB, no RSSHub instance. */
    static FetchSettings quick() {
        return quick(List.of());
    }

    /** Short timeouts, 5 redirects, 1 MiB, these RSSHub instances. */
    static FetchSettings quick(List<String> rsshubInstances) {
        return new FetchSettings(CONNECT_TIMEOUT, TIMEOUT, 5, MAX_BYTES, FetchSettings.DEFAULT_USER_AGENT,
                rsshubInstances);
    }

    static FetchSettings withMaxRedirects(int maxRedirects) {
        return new FetchSettings(CONNECT_TIMEOUT, TIMEOUT, maxRedirects, MAX_BYTES,
                FetchSettings.DEFAULT_USER_AGENT, List.of());
    }

    static FetchSettings withMaxBytes(long maxBytes) {
        return new FetchSettings(CONNECT_TIMEOUT, TIMEOUT, 5, maxBytes, FetchSettings.DEFAULT_USER_AGENT, List.of());
    }

    static FetchSettings withTimeout(Duration timeout) {
        return new FetchSettings(CONNECT_TIMEOUT, timeout, 5, MAX_BYTES, FetchSettings.DEFAULT_USER_AGENT, List.of());
    }
}
