package dev.gleaner.config;

import dev.gleaner.model.FeedUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The RSSHub options that the loader appended to a route's query, split off again, so that a leaf can be
 * written back as the user wrote it: {@code rsshub://zhihu/hot?limit=30&sorted=false} with a limit of 30
 * is the route {@code rsshub://zhihu/hot} with {@code limit: 30, sorted: false}.
 *
 * @param route the URL before the options, as written in the leaf
 * @param options the options, which {@link RsshubOptions#applyTo} turns back into the whole URL
 */
record AppliedRsshubOptions(String route, RsshubOptions options) {
    // The order applyTo writes them in; limit comes first, so it marks where the appended part begins.
    private static final List<String> ORDER = List.of("limit", "sorted", "filter", "filterout", "filter_time",
            "format");

    AppliedRsshubOptions {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(options, "options");
    }

    /**
     * The options appended to {@code url} for a leaf with {@code limit}, or empty when the URL is no
     * {@code rsshub://} route, there is no limit (the loader appends nothing then), or its query does not
     * end as the loader would have made it.
     */
    static Optional<AppliedRsshubOptions> in(String url, OptionalInt limit) {
        int question = url.indexOf('?');
        if (!url.startsWith(FeedUrl.Route.PREFIX) || limit.isEmpty() || question < 0) {
            return Optional.empty();
        }
        String[] parameters = url.substring(question + 1).split("&", -1);
        Map<String, String> found = new HashMap<>();
        int below = ORDER.size();
        int first = parameters.length - 1;
        while (first >= 0 && !found.containsKey("limit")) {
            String parameter = parameters[first];
            int equals = parameter.indexOf('=');
            int rank = equals < 0 ? -1 : ORDER.indexOf(parameter.substring(0, equals));
            if (rank < 0 || rank >= below) {
                return Optional.empty();
            }
            found.put(ORDER.get(rank), parameter.substring(equals + 1));
            below = rank;
            if (rank > 0) {
                first--;
            }
        }
        if (!String.valueOf(limit.getAsInt()).equals(found.get("limit"))) {
            return Optional.empty();
        }
        Optional<RsshubOptions> options = options(limit, found);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        String kept = String.join("&", List.of(parameters).subList(0, first));
        String before = url.substring(0, question + 1) + kept;
        List<String> routes = kept.isEmpty() ? List.of(url.substring(0, question), before) : List.of(before,
                before + "&");
        return routes.stream().filter(route -> options.get().applyTo(route).equals(url)).findFirst()
                .map(route -> new AppliedRsshubOptions(route, options.get()));
    }

    private static Optional<RsshubOptions> options(OptionalInt limit, Map<String, String> found) {
        try {
            Optional<Boolean> sorted = Optional.ofNullable(found.get("sorted")).map(text -> switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(text);
            });
            Optional<Duration> filterTime = Optional.ofNullable(found.get("filter_time"))
                    .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)));
            Optional<String> format = Optional.ofNullable(found.get("format"));
            // what the loader refuses cannot have come from it, and could not be written back
            if (filterTime.filter(time -> time.isNegative() || time.isZero()).isPresent()
                    || format.filter(name -> !RsshubOptions.FORMATS.contains(name)).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(new RsshubOptions(limit, sorted, decoded(found.get("filter")),
                    decoded(found.get("filterout")), filterTime, format));
        } catch (IllegalArgumentException e) {
            // a value the loader would not have written (NumberFormatException among them): not its options
            return Optional.empty();
        }
    }

    private static Optional<String> decoded(@Nullable String value) {
        return Optional.ofNullable(value).map(text -> URLDecoder.decode(text, StandardCharsets.UTF_8));
    }
}
