package dev.gleaner.web;

import dev.gleaner.store.ReaderEntry;
import dev.gleaner.store.SubscriptionState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Google Reader's items: their three id forms, and the object FreshRSS and Miniflux send for each, with
 * both {@code summary} and {@code content} (newsboat reads only the first, others only the second).
 */
final class GoogleReaderItems {
    static final String LONG_ID = "tag:google.com,2005:reader/item/";
    static final String READING_LIST = "user/-/state/com.google/reading-list";
    static final String READ = "user/-/state/com.google/read";
    static final String STARRED = "user/-/state/com.google/starred";
    static final String KEPT_UNREAD = "user/-/state/com.google/kept-unread";
    static final String LABEL = "user/-/label/";
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,16}");

    private GoogleReaderItems() {
    }

    /**
     * The number of an item id in any of its forms: long ({@code tag:google.com,2005:reader/item/<hex>}),
     * 16 hex digits, or decimal. As FreshRSS tells them apart, 16 digits or a leading 0 or a letter is hex.
     *
     * @throws BadInput when it is none of them
     */
    static long id(String text) {
        String id = text.strip();
        if (id.startsWith(LONG_ID)) {
            return hex(id.substring(LONG_ID.length()), text);
        }
        if (id.length() != 16 && DECIMAL.matcher(id).matches()) {
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw new BadInput("Invalid item id: " + text);
            }
        }
        return hex(id, text);
    }

    private static long hex(String digits, String text) {
        if (!HEX.matcher(digits).matches()) {
            throw new BadInput("Invalid item id: " + text);
        }
        return Long.parseUnsignedLong(digits, 16);
    }

    /** A stream or tag id with {@code -} for its user ({@code user/1/state/…} is {@code user/-/state/…}): there is one. */
    static String ofThisUser(String id) {
        return id.strip().replaceFirst("^user/[^/]*/", "user/-/");
    }

    static String longId(long id) {
        return LONG_ID + String.format(Locale.ROOT, "%016x", id);
    }

    /** A subscription's stream id: {@code feed/} and the URL it is fetched from. */
    static String streamId(SubscriptionState state) {
        return "feed/" + state.url();
    }

    /** The label of a subscription's category, its path joined with " › " as on Miniflux's API. */
    static String label(SubscriptionState state) {
        return MinifluxShapes.title(MinifluxShapes.categoryPath(state));
    }

    static Map<String, Object> item(ReaderEntry entry, @Nullable SubscriptionState state) {
        Map<String, Object> item = new LinkedHashMap<>();
        long seen = entry.created().toEpochMilli();
        item.put("id", longId(entry.id()));
        item.put("crawlTimeMsec", String.valueOf(seen));
        item.put("timestampUsec", String.valueOf(seen * 1000));
        item.put("published", entry.published().getEpochSecond());
        item.put("updated", entry.published().getEpochSecond());
        item.put("title", entry.title());
        item.put("canonical", List.of(Map.of("href", entry.url())));
        item.put("alternate", List.of(Map.of("href", entry.url(), "type", "text/html")));
        List<String> categories = new ArrayList<>(List.of(READING_LIST));
        if (state != null) {
            categories.add(LABEL + label(state));
        }
        if (entry.read()) {
            categories.add(READ);
        }
        if (entry.starred()) {
            categories.add(STARRED);
        }
        item.put("categories", categories);
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("streamId", state == null ? "feed/" + entry.feedId() : streamId(state));
        origin.put("title", state == null ? "" : state.subscription().path().name());
        origin.put("htmlUrl", state == null ? "" : state.url().toString());
        item.put("origin", origin);
        item.put("summary", Map.of("direction", "ltr", "content", entry.content()));
        item.put("content", Map.of("direction", "ltr", "content", entry.content()));
        item.put("author", entry.author());
        if (!entry.enclosures().isEmpty()) {
            item.put("enclosure", entry.enclosures().stream().map(file -> {
                Map<String, Object> enclosure = new LinkedHashMap<>();
                enclosure.put("href", file.url());
                enclosure.put("type", file.type());
                file.length().ifPresent(length -> enclosure.put("length", String.valueOf(length)));
                return enclosure;
            }).toList());
        }
        return item;
    }
}
