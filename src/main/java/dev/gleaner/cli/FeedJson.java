package dev.gleaner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Writes a parsed feed as the JSON document of {@code parse --json} (see parse-json.md). */
final class FeedJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedJson() {
    }

    /** The feed as one compact JSON document. */
    static String of(Feed feed) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", feed.format().code());
        document.put("bozo", feed.bozo());
        document.put("feed", info(feed.info()));
        List<Object> entries = new ArrayList<>();
        for (Entry entry : feed.entries()) {
            entries.add(entry(entry));
        }
        document.put("entries", entries);
        return write(document);
    }

    /** The line printed for a document that could not be parsed at all. */
    static String error(String message) {
        return write(Map.of("error", message));
    }

    private static Map<String, Object> info(FeedInfo info) {
        Map<String, @Nullable Object> feed = new LinkedHashMap<>();
        feed.put("title", orNull(info.title()));
        feed.put("link", orNull(info.link()));
        feed.put("subtitle", orNull(info.subtitle()));
        feed.put("language", orNull(info.language()));
        feed.put("updated", instant(info.updated()));
        feed.put("author", orNull(info.author()));
        feed.put("image", orNull(info.image()));
        feed.put("generator", orNull(info.generator()));
        feed.put("rights", orNull(info.rights()));
        return feed;
    }

    private static Map<String, Object> entry(Entry entry) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("id", orNull(entry.guid()));
        json.put("title", orNull(entry.title()));
        json.put("link", orNull(entry.link()));
        json.put("author", orNull(entry.author()));
        json.put("published", instant(entry.published()));
        json.put("updated", instant(entry.updated()));
        json.put("summary", orNull(entry.summary()));
        json.put("content", orNull(entry.content()));
        json.put("categories", entry.categories());
        List<Object> enclosures = new ArrayList<>();
        for (Enclosure enclosure : entry.enclosures()) {
            Map<String, @Nullable Object> item = new LinkedHashMap<>();
            item.put("url", enclosure.url());
            item.put("type", orNull(enclosure.type()));
            item.put("length", enclosure.length().isPresent() ? enclosure.length().getAsLong() : null);
            enclosures.add(item);
        }
        json.put("enclosures", enclosures);
        return json;
    }

    private static @Nullable String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String instant(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    private static String write(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed feed is always writable as JSON", e);
        }
    }
}
