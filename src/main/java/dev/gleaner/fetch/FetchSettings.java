package dev.gleaner.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * How politely and how far a fetch may go.
 *
 * <pre>{@code
 * FetchSettings settings = FetchSettings.defaults(List.of("https://rsshub.app"))
 *         .withPoliteness(2, Duration.ofMillis(250), 16)
 *         .withAllowed(List.of("nas.lan", "192.168.1.0/24"));
 * }</pre>
 *
 * @param connectTimeout the longest wait for a connection; default 10 s
 * @param timeout the longest a whole fetch may take, body included; default 30 s
 * @param maxRedirects at most this many redirects are followed; default 5
 * @param maxBytes the largest body accepted, after decompression; default 20 MiB
 * @param userAgent the {@code User-Agent} header sent with every request; default
 *     {@link #DEFAULT_USER_AGENT}
 * @param rsshub the RSSHub instances for {@code rsshub://} routes, in the order they are tried;
 *     default none
 * @param perHostLimit at most this many requests to one host at once ({@link HostGate}); default 2
 * @param minGapPerHost at least this long between the starts of two requests to one host
 *     ({@link HostGate}); default 250 ms
 * @param globalLimit at most this many requests at once over all hosts ({@link HostGate}); default 16
 * @param allowed loopback, private and other internal hosts that may be fetched all the same: host
 *     names ({@code nas.lan}, {@code *.lan}), IP addresses and CIDR blocks ({@code 10.0.0.0/8});
 *     default none, so that a feed URL cannot reach inside the network (SSRF)
 * @param allowFiles whether {@code file:} URLs may be read; default true, for URLs from the
 *     configuration file; false where URLs come from people on a web page
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration timeout,
        int maxRedirects,
        long maxBytes,
        String userAgent,
        List<RsshubInstance> rsshub,
        int perHostLimit,
        Duration minGapPerHost,
        int globalLimit,
        List<String> allowed,
        boolean allowFiles) {

    /** The user agent of this version: it names Gleaner and where to read about it. */
    public static final String DEFAULT_USER_AGENT = "Gleaner/0.1 (+https://github.com/gleaner-dev/gleaner)";

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException when a bound is out of range or an entry of {@code allowed}
     *     is no host name, address or CIDR block (the message names it)
     */
    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(minGapPerHost, "minGapPerHost");
        rsshub = List.copyOf(rsshub);
        allowed = List.copyOf(allowed);
        if (maxRedirects < 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0 and maxBytes > 0");
        }
        if (perHostLimit < 1 || globalLimit < 1 || minGapPerHost.isNegative()) {
            throw new IllegalArgumentException("perHostLimit and globalLimit must be >= 1 and minGapPerHost >= 0");
        }
        AllowList.of(allowed);
    }

    /**
     * Settings with the given bounds and RSSHub base URLs, and the default politeness, no internal
     * host allowed, and {@code file:} URLs readable.
     */
    public FetchSettings(Duration connectTimeout, Duration timeout, int maxRedirects, long maxBytes, String userAgent,
            List<String> rsshubInstances) {
        this(connectTimeout, timeout, maxRedirects, maxBytes, userAgent,
                rsshubInstances.stream().map(RsshubInstance::of).toList(),
                2, Duration.ofMillis(250), 16, List.of(), true);
    }

    /** The defaults, with the given RSSHub instances (base URLs, no keys). */
    public static FetchSettings defaults(List<String> rsshubInstances) {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 5, 20L << 20,
                DEFAULT_USER_AGENT, rsshubInstances);
    }

    /**
     * Why one entry of {@link #allowed()} cannot be allowed (it is no host name, {@code *.domain}, IP
     * address or CIDR block), for a configuration reader that points at the line it came from; empty
     * when it can.
     */
    public static Optional<String> allowProblem(String entry) {
        try {
            AllowList.of(List.of(entry));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The base URLs of the RSSHub instances, in order, without their keys. */
    public List<String> rsshubInstances() {
        return rsshub.stream().map(RsshubInstance::url).toList();
    }

    /** These settings with other RSSHub instances. */
    public FetchSettings withRsshub(List<RsshubInstance> instances) {
        return new FetchSettings(connectTimeout, timeout, maxRedirects, maxBytes, userAgent, instances, perHostLimit,
                minGapPerHost, globalLimit, allowed, allowFiles);
    }

    /** These settings with another deadline for a whole fetch. */
    public FetchSettings withTimeout(Duration wholeFetch) {
        return new FetchSettings(connectTimeout, wholeFetch, maxRedirects, maxBytes, userAgent, rsshub, perHostLimit,
                minGapPerHost, globalLimit, allowed, allowFiles);
    }

    /** These settings with another {@code User-Agent}. */
    public FetchSettings withUserAgent(String agent) {
        return new FetchSettings(connectTimeout, timeout, maxRedirects, maxBytes, agent, rsshub, perHostLimit,
                minGapPerHost, globalLimit, allowed, allowFiles);
    }

    /** These settings with other limits for {@link HostGate}. */
    public FetchSettings withPoliteness(int perHost, Duration minGap, int global) {
        return new FetchSettings(connectTimeout, timeout, maxRedirects, maxBytes, userAgent, rsshub, perHost, minGap,
                global, allowed, allowFiles);
    }

    /** These settings with other internal hosts, addresses and CIDR blocks allowed. */
    public FetchSettings withAllowed(List<String> entries) {
        return new FetchSettings(connectTimeout, timeout, maxRedirects, maxBytes, userAgent, rsshub, perHostLimit,
                minGapPerHost, globalLimit, entries, allowFiles);
    }

    /** These settings with {@code file:} URLs readable or refused. */
    public FetchSettings withAllowFiles(boolean files) {
        return new FetchSettings(connectTimeout, timeout, maxRedirects, maxBytes, userAgent, rsshub, perHostLimit,
                minGapPerHost, globalLimit, allowed, files);
    }
}
