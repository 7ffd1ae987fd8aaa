package dev.gleaner.publish.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.store.SiteMemo.ItemMemo;
import java.util.ArrayList;
import java.util.Collections;
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

    private final SiteContext site;
    private final PageOutput out;
    private final Map<String, ItemMemo> memos;

    /** @param memos the excerpt of each item, by item key */
    SearchIndex(SiteContext site, PageOutput out, Map<String, ItemMemo> memos) {
        this.site = site;
        this.out = out;
        this.memos = memos;
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

    /** Writes the table of shards now, and returns the rendering of each shard, not run yet. */
    List<LargestFirst.Task> tasks(List<SiteItem> newestFirst) {
        List<SiteItem> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        List<Shard> shards = new ArrayList<>();
        List<LargestFirst.Task> tasks = new ArrayList<>();
        for (int from = 0; from < oldestFirst.size(); from += ITEMS_PER_SHARD) {
            List<SiteItem> items = oldestFirst.subList(from, Math.min(oldestFirst.size(), from + ITEMS_PER_SHARD));
            StringBuilder inputs = new StringBuilder(site.fingerprint());
            for (SiteItem item : items) {
                inputs.append(' ').append(item.pageFingerprint());
            }
            Shard shard = new Shard(file(shards.size()), Fingerprint.of(inputs.toString()), items.size());
            tasks.add(new LargestFirst.Task(items.size(), () -> out.emit(shard.file(), shard.fingerprint(),
                    () -> SiteText.utf8(json(items.stream().map(this::row).toList())))));
            shards.add(shard);
        }
        out.emitBytes(TABLE, table(shards, site.layout()));
        return tasks;
    }

    private List<String> row(SiteItem item) {
        ItemMemo memo = memos.get(item.key());
        return List.of(item.key(), item.title(), SiteText.source(item.path()), site.day(item.date()),
                memo == null ? "" : memo.excerpt());
    }

    private static String file(int number) {
        return "search/" + number + ".json";
    }

    /** A shard's text. */
    private static String json(List<List<String>> rows) {
        return text(rows);
    }

    /** The table of shards; each address carries its shard's fingerprint, so browsers never keep a stale one. */
    private static byte[] table(List<Shard> shards, SiteLayout layout) {
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
        return SiteText.utf8(text(table));
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the search index: " + e.getMessage(), e);
        }
    }
}
