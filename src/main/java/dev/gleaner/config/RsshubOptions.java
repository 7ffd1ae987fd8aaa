package dev.gleaner.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * RSSHub's own query options for a route, so that the instance does the work when it can: it cuts
 * the list, keeps its order, filters titles and bodies and picks the format before anything is sent.
 *
 * @param limit {@code limit}: at most this many items
 * @param sorted {@code sorted}: false keeps the source's order instead of RSSHub's by date
 * @param filter {@code filter}: only items whose title or description matches this regular expression
 * @param filterOut {@code filterout}: no item whose title or description matches it
 * @param filterTime {@code filter_time}: only items published within this long
 * @param format {@code format}: {@code rss}, {@code atom} or {@code json}
 */
public record RsshubOptions(OptionalInt limit, Optional<Boolean> sorted, Optional<String> filter,
        Optional<String> filterOut, Optional<Duration> filterTime, Optional<String> format) {
    /** The option keys of a leaf, as the configuration spells them. */
    static final List<String> KEYS = List.of("sorted", "filter", "filterout", "filter_time", "format");
    /** The formats a route may ask for: those the parser reads. */
    static final List<String> FORMATS = List.of("rss", "atom", "json");

    public RsshubOptions {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(sorted, "sorted");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(filterOut, "filterOut");
        Objects.requireNonNull(filterTime, "filterTime");
        Objects.requireNonNull(format, "format");
    }

    /** Whether any option but {@code limit}, which every feed takes, is set. */
    boolean hasRsshubOnly() {
        return sorted.isPresent() || filter.isPresent() || filterOut.isPresent() || filterTime.isPresent()
                || format.isPresent();
    }

    /**
     * {@code url} with the options in its query, after any the user wrote: {@code rsshub://zhihu/hot}
     * with a limit of 30 and no sorting becomes {@code rsshub://zhihu/hot?limit=30&sorted=false}.
     */
    String applyTo(String url) {
        List<String> parameters = new ArrayList<>();
        limit.ifPresent(n -> parameters.add("limit=" + n));
        sorted.ifPresent(value -> parameters.add("sorted=" + value));
        filter.ifPresent(value -> parameters.add("filter=" + encode(value)));
        filterOut.ifPresent(value -> parameters.add("filterout=" + encode(value)));
        filterTime.ifPresent(value -> parameters.add("filter_time=" + value.toSeconds()));
        format.ifPresent(value -> parameters.add("format=" + value));
        if (parameters.isEmpty()) {
            return url;
        }
        String separator = url.indexOf('?') < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&";
        return url + separator + String.join("&", parameters);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
