package dev.gleaner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The site's view of the {@code entry} table, and its memo in {@code site_item} and {@code site_page}. */
final class JdbcSiteStore implements SiteStore {
    // SQLite allows 32,766 parameters; batches stay far below and keep statements short.
    private static final int KEYS_PER_QUERY = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;

    JdbcSiteStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SiteEntry> entries() {
        return jdbc.query("list entries for the site", """
                SELECT e.entry_key, s.path, s.url, e.title, e.link, e.author,
                       COALESCE(e.published_at, e.updated_at) AS date_at, e.first_seen_at,
                       e.content_hash
                FROM entry e JOIN subscription s ON s.id = e.subscription_id
                WHERE e.status = 'written'
                """, row -> new SiteEntry(
                        new EntryKey(row.getString(1)),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        Jdbc.instant(row, "date_at"),
                        Instant.ofEpochMilli(row.getLong(8)),
                        row.getString(9)));
    }

    @Override
    public Map<EntryKey, SiteBody> bodies(Collection<EntryKey> keys) {
        Map<EntryKey, SiteBody> bodies = new HashMap<>(keys.size() * 2);
        List<EntryKey> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            List<EntryKey> batch = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
            String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
            Object[] params = batch.stream().map(EntryKey::value).toArray();
            jdbc.query("read entry bodies", """
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
                                categories(row.getString(10)),
                                List.of()), java.util.Optional.ofNullable(row.getString(11))));
                        return null;
                    }, params);
        }
        return bodies;
    }

    @Override
    public SiteMemo memo() {
        Map<String, SiteMemo.ItemMemo> items = new HashMap<>();
        jdbc.query("read the site's item memo", "SELECT entry_key, fingerprint, excerpt, cover FROM site_item", row -> {
            items.put(row.getString(1), new SiteMemo.ItemMemo(row.getString(2), row.getString(3), row.getString(4)));
            return null;
        });
        Map<String, String> pages = new HashMap<>();
        jdbc.query("read the site's page memo", "SELECT path, fingerprint FROM site_page", row -> {
            pages.put(row.getString(1), row.getString(2));
            return null;
        });
        return new SiteMemo(items, pages);
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
    public void record(Map<String, SiteMemo.ItemMemo> items, Map<String, String> pages, Set<String> removedPages,
            SiteState.Built built) {
        jdbc.inTransaction("record the site build", connection -> {
            Jdbc.update(connection, """
                    UPDATE site_state SET built_key = ?, built_items = ?, built_files = ?, built_folders = ?,
                        built_witness = ?
                    """, built.key(), built.items(), built.files(), String.join("\n", built.folders()),
                    built.witness());
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO site_item (entry_key, fingerprint, excerpt, cover)
                    SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM entry WHERE entry_key = ?)
                    ON CONFLICT (entry_key) DO UPDATE
                    SET fingerprint = excluded.fingerprint, excerpt = excluded.excerpt, cover = excluded.cover
                    """)) {
                for (Map.Entry<String, SiteMemo.ItemMemo> item : items.entrySet()) {
                    upsert.setString(1, item.getKey());
                    upsert.setString(2, item.getValue().fingerprint());
                    upsert.setString(3, item.getValue().excerpt());
                    upsert.setString(4, item.getValue().cover());
                    upsert.setString(5, item.getKey());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO site_page (path, fingerprint) VALUES (?, ?)
                    ON CONFLICT (path) DO UPDATE SET fingerprint = excluded.fingerprint
                    """)) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    upsert.setString(1, page.getKey());
                    upsert.setString(2, page.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            delete(connection, removedPages);
            return null;
        });
    }

    private static void delete(Connection connection, Set<String> removedPages) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM site_page WHERE path = ?")) {
            for (String path : removedPages) {
                delete.setString(1, path);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private static List<String> categories(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON cannot be read: " + json, e);
        }
    }
}
