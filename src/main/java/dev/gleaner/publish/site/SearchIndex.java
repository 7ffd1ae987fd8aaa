package dev.gleaner.publish.site;

import dev.gleaner.content.ContentHash;
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

    private final SiteContext site;
    private final PageOutput out;

    SearchIndex(SiteContext site, PageOutput out) {
        this.site = site;
        this.out = out;
    }

    /** The number of shards of {@code items} items. */
    static int shards(int items) {
        return (items + ITEMS_PER_SHARD - 1) / ITEMS_PER_SHARD;
    }

    /** The shard that holds the item at {@code fromOldest} counted from the oldest. */
    static int shardOf(int fromOldest) {
        return fromOldest / ITEMS_PER_SHARD;
    }

    /** The number of items in shard {@code shard} of {@code items} items. */
    static int count(int shard, int items) {
        return Math.min(ITEMS_PER_SHARD, items - shard * ITEMS_PER_SHARD);
    }

    static String file(int shard) {
        return "search/" + shard + ".json";
    }

    /** Writes shard {@code shard}, which holds {@code oldestFirst}, and returns the fingerprint of its bytes. */
    String shard(int shard, List<SiteItem> oldestFirst) {
        List<List<String>> rows = new ArrayList<>(oldestFirst.size());
        for (SiteItem item : oldestFirst) {
            rows.add(List.of(item.key(), item.title(), SiteText.source(item.path()), site.day(item.date()),
                    item.memo().excerpt()));
        }
        byte[] bytes = SiteText.utf8(SiteJson.compact(rows));
        out.emitBytes(file(shard), bytes);
        return ContentHash.of(bytes);
    }

    /**
     * Writes the table of {@code items} items' shards; each address carries its shard's fingerprint, so
     * browsers never keep a stale one.
     *
     * @param fingerprints the fingerprint of each shard, by shard
     */
    void table(int items, List<String> fingerprints) {
        SiteLayout layout = site.layout();
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("items", layout.href("item/"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (int shard = 0; shard < fingerprints.size(); shard++) {
            // Ordered maps only: Map.of's order changes from one JVM to the next, and so would the bytes.
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", layout.href(file(shard)) + "?v=" + fingerprints.get(shard).substring(0, 12));
            entry.put("count", count(shard, items));
            list.add(entry);
        }
        table.put("shards", list);
        out.emitBytes(TABLE, SiteText.utf8(SiteJson.compact(table)));
    }
}
