package dev.gleaner.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a request the way reader apps send them: in the query, in an urlencoded body whatever
 * its content type, or in a multipart one; repeated keys ({@code i=1&i=2}) keep every value, query first.
 */
final class RequestParams {
    private RequestParams() {
    }

    static List<String> all(Context ctx, String name) {
        List<String> values = new ArrayList<>(ctx.queryParams(name));
        values.addAll(form(ctx).getOrDefault(name, List.of()));
        return values;
    }

    static Optional<String> first(Context ctx, String name) {
        return all(ctx, name).stream().findFirst();
    }

    /**
     * A whole number of the request, not negative; empty when absent or empty.
     *
     * @throws BadInput naming the parameter when it is something else
     */
    static Optional<Long> count(Context ctx, String name) {
        Optional<String> text = first(ctx, name).map(String::strip).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MinifluxApi.number(text.get()).filter(value -> value >= 0)
                .orElseThrow(() -> new BadInput("Invalid " + name + ": " + text.get())));
    }

    /**
     * A time sent as a number since the epoch: in seconds as the protocols say, or in milliseconds or
     * microseconds as some apps send it, told apart by size (10^11 seconds is the year 5138).
     */
    static Instant time(long value) {
        if (value >= 100_000_000_000_000L) {
            return Instant.ofEpochSecond(value / 1_000_000, value % 1_000_000 * 1_000);
        }
        return value >= 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    /** Whether the request names {@code name}, with a value or bare ({@code ?api&items}). */
    static boolean has(Context ctx, String name) {
        return ctx.queryParamMap().containsKey(name) || form(ctx).containsKey(name);
    }

    private static Map<String, List<String>> form(Context ctx) {
        try {
            return ctx.formParamMap();
        } catch (RuntimeException e) {
            throw new BadInput("the body is not a form: " + e.getMessage());
        }
    }
}
