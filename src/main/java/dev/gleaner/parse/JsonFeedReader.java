package dev.gleaner.parse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedFormat;
import dev.gleaner.model.FeedInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
final class JsonFeedReader {
    private static final int MAX_PROBLEMS = 20;

    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build());

    Feed read(String source, String content, DecodedText decoded) throws FeedParseException {
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new FeedParseException(source, "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new FeedParseException(source, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!root.isObject()) {
            throw new FeedParseException(source, "JSON, but not a JSON Feed (not an object)");
        }
        String version = text(root, "version");
        if (!isJsonFeed(root)) {
            // RSSHub's ?format=rss3, an API's answer, a configuration file: none is an empty feed.
            throw new FeedParseException(source, "JSON, but not a JSON Feed: none of its keys is one of JSON Feed's"
                    + keysOf(root));
        }
        // A feed that forgot its version is read as the version of the day rather than lost.
        FeedFormat format = version.endsWith("/1") ? FeedFormat.JSON10 : FeedFormat.JSON11;
        String base = Urls.firstAbsolute(text(root, "home_page_url"), source);
        List<String> problems = new ArrayList<>(decoded.problems());
        List<Entry> entries = new ArrayList<>();
        JsonNode items = root.path("items");
        int index = 0;
        for (JsonNode item : items) {
            index++;
            if (!item.isObject()) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add("item " + index + " skipped: not an object");
                }
                continue;
            }
            entries.add(entry(item, base, problems));
        }
        FeedInfo info = new FeedInfo(text(root, "title"), Urls.resolve(source, text(root, "home_page_url")),
                text(root, "description"), text(root, "language"), Optional.empty(), author(root),
                Urls.resolve(base, text(root, "icon").isEmpty() ? text(root, "favicon") : text(root, "icon")), "", "",
                Optional.empty());
        return new Feed(format, info, entries, decoded.bozo(), problems);
    }

    /**
     * Whether {@code root} has a key of JSON Feed's top level: a feed that forgot its version, or
     * even its items, is still read, but an object that shares nothing with the format is no feed.
     */
    private static boolean isJsonFeed(JsonNode root) {
        if (root.path("items").isArray() || text(root, "version").contains("jsonfeed.org/version/")) {
            return true;
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // "items" that is no list says nothing: APIs use the word for counts and maps too.
            if (TOP_LEVEL_KEYS.contains(name) && !name.equals("items")) {
                return true;
            }
        }
        return false;
    }

    /** The top-level keys of JSON Feed 1.0 and 1.1. */
    private static final java.util.Set<String> TOP_LEVEL_KEYS = java.util.Set.of("version", "title", "home_page_url",
            "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "author", "authors",
            "language", "expired", "hubs", "items");

    /** The document's first keys, to show what it is instead. */
    private static String keysOf(JsonNode root) {
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (keys.size() < 5) {
                keys.add('"' + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + '"');
            }
        });
        return keys.isEmpty() ? " (an empty object)" : " (its keys: " + String.join(", ", keys)
                + (root.size() > keys.size() ? ", …" : "") + ")";
    }

    private static Entry entry(JsonNode item, String base, List<String> problems) {
        String html = raw(item, "content_html");
        String plain = text(item, "content_text");
        String content = !html.isBlank() ? html : plain.isEmpty() ? "" : XmlText.escapeHtml(plain);
        List<String> categories = new ArrayList<>();
        for (JsonNode tag : item.path("tags")) {
            if (tag.isTextual() && !tag.asText().isBlank()) {
                categories.add(tag.asText().strip());
            }
        }
        List<Enclosure> enclosures = new ArrayList<>();
        for (JsonNode attachment : item.path("attachments")) {
            String url = text(attachment, "url");
            if (!url.isEmpty()) {
                JsonNode size = attachment.path("size_in_bytes");
                enclosures.add(new Enclosure(Urls.resolve(base, url), text(attachment, "mime_type"),
                        size.canConvertToLong() ? OptionalLong.of(size.asLong()) : OptionalLong.empty()));
            }
        }
        return new Entry(
                idOf(item),
                Urls.resolve(base, text(item, "url")),
                text(item, "title"),
                author(item),
                date(item, "date_published", problems),
                date(item, "date_modified", problems),
                text(item, "summary").isEmpty() ? "" : XmlText.escapeHtml(text(item, "summary")),
                content,
                categories,
                enclosures);
    }

    private static String idOf(JsonNode item) {
        JsonNode id = item.get("id");
        return id == null || id.isNull() || id.isContainerNode() ? "" : id.asText().strip();
    }

    private static String author(JsonNode item) {
        for (JsonNode author : item.path("authors")) {
            String name = text(author, "name");
            if (!name.isEmpty()) {
                return name;
            }
        }
        return text(item.path("author"), "name");
    }

    private static Optional<Instant> date(JsonNode item, String field, List<String> problems) {
        String value = text(item, field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> instant = FeedDates.parse(value);
        if (instant.isEmpty() && problems.size() < MAX_PROBLEMS) {
            problems.add("unreadable date '" + value + "' in " + field);
        }
        return instant;
    }

    /**
     * A field's text as the feed gives it, white space kept: HTML bodies are reproduced byte for byte.
     * JSON's \\u escapes can name half a surrogate pair, which is dropped.
     */
    private static String raw(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? "" : XmlText.withoutLoneSurrogates(value.asText());
    }

    private static String text(JsonNode node, String field) {
        return raw(node, field).strip();
    }
}
