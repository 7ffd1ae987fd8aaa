package dev.gleaner.publish.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.content.ContentHash;
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

    /** One shard's file and its bytes. */
    record Shard(String file, byte[] bytes, int count) {
    }

    /** The shards of {@code oldestFirst}. */
    static List<Shard> shards(List<List<String>> oldestFirst) {
        List<Shard> shards = new ArrayList<>();
        for (int from = 0, n = 0; from < oldestFirst.size(); from += ITEMS_PER_SHARD, n++) {
            List<List<String>> rows = oldestFirst.subList(from, Math.min(oldestFirst.size(), from + ITEMS_PER_SHARD));
            shards.add(new Shard("search/" + n + ".json", json(rows), rows.size()));
        }
        return shards;
    }

    /** The table of shards; each address carries its shard's hash, so browsers never keep a stale one. */
    static byte[] table(List<Shard> shards, SiteLayout layout) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("items", layout.href("item/"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Shard shard : shards) {
            // Ordered maps only: Map.of's order changes from one JVM to the next, and so would the bytes.
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", layout.href(shard.file()) + "?v=" + ContentHash.of(shard.bytes()).substring(0, 12));
            entry.put("count", shard.count());
            list.add(entry);
        }
        table.put("shards", list);
        return json(table);
    }

    private static byte[] json(Object value) {
        try {
            return (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the search index: " + e.getMessage(), e);
        }
    }
}
