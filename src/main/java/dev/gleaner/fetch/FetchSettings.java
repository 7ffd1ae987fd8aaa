package dev.gleaner.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How politely and how far a fetch may go.
 *
 * @param connectTimeout the longest wait for a connection; default 10 s
 * @param timeout the longest a whole fetch may take, body included; default 30 s
 * @param maxRedirects at most this many redirects are followed; default 5
 * @param maxBytes the largest body accepted, after decompression; default 20 MiB
 * @param userAgent the {@code User-Agent} header sent with every request
 * @param rsshubInstances base URLs of RSSHub instances for {@code rsshub://} routes, in order
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration timeout,
        int maxRedirects,
        long maxBytes,
        String userAgent,
        List<String> rsshubInstances) {

    /** The user agent of this version: it names Gleaner and where to read about it. */
    public static final String DEFAULT_USER_AGENT = "Gleaner/0.1 (+https://github.com/gleaner-dev/gleaner)";

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(userAgent, "userAgent");
        rsshubInstances = List.copyOf(rsshubInstances);
        if (maxRedirects < 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0 and maxBytes > 0");
        }
    }

    /** The defaults, with the given RSSHub instances. */
    public static FetchSettings defaults(List<String> rsshubInstances) {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 5, 20L << 20,
                DEFAULT_USER_AGENT, rsshubInstances);
    }
}
