package dev.gleaner.publish.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search index the page script reads: shards of a fixed number of items counted from the
 * oldest, so a new item changes only the newest shard, and a small table of shards. A row is
 * {@code [key, title, source, date, excerpt]}.
 */
final class SearchIndex {
    static final int ITEMS_PER_SHARD = 1000;
    static final String TABLE = "search/index.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchIndex() {
    }

    /**
     * One shard.
     *
     * @param file its file
     * @param fingerprint what it is made from
     * @param count its rows
     */
    record Shard(String file, String fingerprint, int count) {
    }

    static String file(int number) {
        return "search/" + number + ".json";
    }

    /** A shard's text. */
    static String json(List<List<String>> rows) {
        return text(rows);
    }

    /** The table of shards; each address carries its shard's fingerprint, so browsers never keep a stale one. */
    static byte[] table(List<Shard> shards, SiteLayout layout) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("items", layout.href("item/"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Shard shard : shards) {
            // Ordered maps only: Map.of's order changes from one JVM to the next, and so would the bytes.
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", layout.href(shard.file()) + "?v=" + shard.fingerprint().substring(0, 12));
            entry.put("count", shard.count());
            list.add(entry);
        }
        table.put("shards", list);
        return text(table).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the search index: " + e.getMessage(), e);
        }
    }
}
