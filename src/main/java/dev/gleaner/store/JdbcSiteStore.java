package dev.gleaner.store;

import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.function.BiConsumer;

/**
 * The site's view of the {@code entry} table, what changed since a build in {@code site_change},
 * and what a build left in {@code site_item} and {@code site_page}.
 */
final class JdbcSiteStore implements SiteStore {
    // SQLite allows 32,766 parameters; batches stay far below and keep statements short.
    private static final int KEYS_PER_QUERY = 500;

    private final Jdbc jdbc;

    JdbcSiteStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SiteOutline outline() {
        Map<Long, String> paths = new HashMap<>();
        jdbc.query("read the subscriptions' paths", "SELECT id, path FROM subscription", row -> {
            paths.put(row.getLong(1), row.getString(2));
            return null;
        });
        int size = jdbc.query("count the site's entries", "SELECT COUNT(*) FROM entry WHERE status = 'written'",
                row -> row.getInt(1)).get(0);
        // Read into arrays as large as the count; an entry written meanwhile waits for the next build.
        // Named, the index gives the order without a sort; without statistics SQLite would pick entry_by_status.
        String[] keys = new String[size];
        long[] subscriptions = new long[size];
        long[] orders = new long[size];
        int[] read = {0};
        jdbc.query("outline the site's entries", """
                SELECT entry_key, subscription_id, site_order FROM entry INDEXED BY entry_on_site
                WHERE status = 'written' ORDER BY site_order DESC, entry_key
                """, row -> {
                    int index = read[0];
                    if (index < size) {
                        keys[index] = row.getString(1);
                        subscriptions[index] = row.getLong(2);
                        orders[index] = row.getLong(3);
                        read[0] = index + 1;
                    }
                    return null;
                });
        int count = read[0];
        return new SiteOutline(Arrays.copyOf(keys, count), Arrays.copyOf(subscriptions, count),
                Arrays.copyOf(orders, count), paths);
    }

    @Override
    public List<String> pathsShown() {
        return jdbc.query("read the paths the site shows", """
                SELECT s.path FROM subscription s
                WHERE EXISTS (SELECT 1 FROM entry e WHERE e.subscription_id = s.id AND e.status = 'written')
                """, row -> row.getString(1));
    }

    @Override
    public Map<EntryKey, SiteEntry> entries(Collection<EntryKey> keys) {
        Map<EntryKey, SiteEntry> entries = new HashMap<>(keys.size() * 2);
        // The unary + keeps SQLite on the key's index: for hundreds of keys it would rather scan
        // every written entry by entry_by_status, which costs a quarter of a second at 100,000.
        inBatches(keys, (marks, params) -> jdbc.query("read entries for the site", """
                SELECT e.entry_key, s.path, s.url, e.title, e.link, e.author,
                       COALESCE(e.published_at, e.updated_at) AS date_at, e.first_seen_at
                FROM entry e JOIN subscription s ON s.id = e.subscription_id
                WHERE e.entry_key IN (""" + marks + ") AND +e.status = 'written'", row -> {
                    EntryKey key = new EntryKey(row.getString(1));
                    entries.put(key, new SiteEntry(
                            key,
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            Jdbc.instant(row, "date_at"),
                            Instant.ofEpochMilli(row.getLong(8))));
                    return null;
                }, params));
        return entries;
    }

    @Override
    public Map<EntryKey, ItemMemo> memos(Collection<EntryKey> keys) {
        Map<EntryKey, ItemMemo> memos = new HashMap<>(keys.size() * 2);
        inBatches(keys, (marks, params) -> jdbc.query("read the site's item memos",
                "SELECT entry_key, excerpt, cover FROM site_item WHERE entry_key IN (" + marks + ")", row -> {
                    memos.put(new EntryKey(row.getString(1)), new ItemMemo(row.getString(2), row.getString(3)));
                    return null;
                }, params));
        return memos;
    }

    /** A query over many keys, asked a batch at a time. */
    @FunctionalInterface
    private interface KeyQuery {
        void ask(String marks, Object[] params);
    }

    private static void inBatches(Collection<EntryKey> keys, KeyQuery query) {
        List<EntryKey> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            List<EntryKey> batch = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
            query.ask(String.join(",", Collections.nCopies(batch.size(), "?")),
                    batch.stream().map(EntryKey::value).toArray());
        }
    }

    @Override
    public Map<EntryKey, SiteBody> bodies(Collection<EntryKey> keys) {
        Map<EntryKey, SiteBody> bodies = new HashMap<>(keys.size() * 2);
        inBatches(keys, (marks, params) -> jdbc.query("read entry bodies", """
                    SELECT entry_key, guid, link, title, author, published_at, updated_at,
                           CASE WHEN body_html IS NULL THEN summary ELSE '' END,
                           CASE WHEN body_html IS NULL THEN content ELSE '' END,
                           categories, body_html
                    FROM entry WHERE entry_key IN (""" + marks + ")", row -> {
                        bodies.put(new EntryKey(row.getString(1)), new SiteBody(new Entry(
                                row.getString(2),
                                row.getString(3),
                                row.getString(4),
                                row.getString(5),
                                Jdbc.instant(row, "published_at"),
                                Jdbc.instant(row, "updated_at"),
                                row.getString(8),
                                row.getString(9),
                                StoredJson.strings(row.getString(10)),
                                List.of()), java.util.Optional.ofNullable(row.getString(11))));
                        return null;
                    }, params));
        return bodies;
    }

    @Override
    public SiteChanges changes(int most) {
        return jdbc.inTransaction("read what changed on the site", connection -> {
            long upTo = Jdbc.query(connection, "SELECT COALESCE(MAX(seq), 0) FROM site_change",
                    row -> row.getLong(1)).get(0);
            boolean everything = !Jdbc.query(connection, """
                    SELECT 1 FROM site_change WHERE seq <= ? AND entry_key IS NULL LIMIT 1""",
                    row -> true, upTo).isEmpty()
                    || Jdbc.query(connection, "SELECT COUNT(*) FROM site_change WHERE seq <= ?",
                            row -> row.getLong(1), upTo).get(0) > most;
            if (everything) {
                return new SiteChanges(upTo, true, List.of());
            }
            // The first row of an entry holds where the last build listed it; later rows add nothing.
            Map<EntryKey, SiteChanges.Change> changes = new LinkedHashMap<>();
            Jdbc.query(connection, """
                    SELECT entry_key, old_subscription_id, old_order FROM site_change WHERE seq <= ? ORDER BY seq
                    """, row -> {
                        EntryKey key = new EntryKey(row.getString(1));
                        changes.putIfAbsent(key, new SiteChanges.Change(key, Jdbc.optionalLong(row, 2),
                                Jdbc.optionalLong(row, 3)));
                        return null;
                    }, upTo);
            return new SiteChanges(upTo, false, List.copyOf(changes.values()));
        });
    }

    @Override
    public void files(String prefix, BiConsumer<String, String> file) {
        // A range of the primary key, not LIKE: paths hold % and _ freely.
        jdbc.query("read the files of the last build", """
                SELECT path, fingerprint FROM site_page WHERE path >= ? AND (? = '' OR path < ?)
                """, row -> {
                    file.accept(row.getString(1), row.getString(2));
                    return null;
                }, prefix, prefix, prefix + Character.MAX_VALUE);
    }

    @Override
    public void remember(Map<EntryKey, ItemMemo> memos) {
        if (memos.isEmpty()) {
            return;
        }
        jdbc.inTransaction("remember the site's item memos", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO site_item (entry_key, fingerprint, excerpt, cover)
                    SELECT ?, '', ?, ? WHERE EXISTS (SELECT 1 FROM entry WHERE entry_key = ?)
                    ON CONFLICT (entry_key) DO UPDATE SET excerpt = excluded.excerpt, cover = excluded.cover
                    """)) {
                for (Map.Entry<EntryKey, ItemMemo> item : memos.entrySet()) {
                    upsert.setString(1, item.getKey().value());
                    upsert.setString(2, item.getValue().excerpt());
                    upsert.setString(3, item.getValue().cover());
                    upsert.setString(4, item.getKey().value());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public SiteState state() {
        return jdbc.query("read the site's state", """
                SELECT changes, built_key, built_items, built_files, built_folders, built_witness FROM site_state
                """, row -> {
                    String key = row.getString(2);
                    String folders = row.getString(5);
                    return new SiteState(row.getLong(1), key == null ? Optional.empty()
                            : Optional.of(new SiteState.Built(key, row.getInt(3), row.getInt(4),
                                    folders.isEmpty() ? List.of() : List.of(folders.split("\n")), row.getString(6))));
                }).get(0);
    }

    @Override
    public void record(Iterable<String> made, Map<String, String> fingerprints, Collection<String> removed,
            SiteState.Built built, long changesSeen) {
        jdbc.inTransaction("record the site build", connection -> {
            Jdbc.update(connection, """
                    UPDATE site_state SET built_key = ?, built_items = ?, built_files = ?, built_folders = ?,
                        built_witness = ?
                    """, built.key(), built.items(), built.files(), String.join("\n", built.folders()),
                    built.witness());
            Jdbc.update(connection, "DELETE FROM site_change WHERE seq <= ?", changesSeen);
            delete(connection, removed);
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO site_page (path, fingerprint) VALUES (?, ?)
                    ON CONFLICT (path) DO UPDATE SET fingerprint = excluded.fingerprint
                    WHERE fingerprint IS NOT excluded.fingerprint
                    """)) {
                int batched = 0;
                for (String path : made) {
                    upsert.setString(1, path);
                    upsert.setString(2, fingerprints.getOrDefault(path, ""));
                    upsert.addBatch();
                    if (++batched % 10_000 == 0) {
                        upsert.executeBatch();
                    }
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    private static void delete(Connection connection, Collection<String> removedPages) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM site_page WHERE path = ?")) {
            for (String path : removedPages) {
                delete.setString(1, path);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

}
