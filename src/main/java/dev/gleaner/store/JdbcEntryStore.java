package dev.gleaner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Entries in the {@code entry} table. */
final class JdbcEntryStore implements EntryStore {
    private static final String COLUMNS = """
            e.entry_key, s.path, e.guid, e.link, e.title, e.author, e.published_at, e.updated_at, e.summary,
            e.content, e.categories, e.enclosures, e.first_seen_at, e.post_path""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;

    JdbcEntryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RecordedFetch onFetched(long subscriptionId, Instant at, FetchMemo memo, Instant nextDue,
            List<SeenEntry> entries, int backlog) {
        return jdbc.inTransaction("record fetched feed", connection -> {
            JdbcSubscriptionStore.onSuccess(connection, subscriptionId, at, memo, nextDue);
            boolean firstEntries = Jdbc.query(connection, "SELECT 1 FROM entry WHERE subscription_id = ? LIMIT 1",
                    row -> 1, subscriptionId).isEmpty();
            Map<String, String> known = knownHashes(connection, subscriptionId, entries);
            int added = 0;
            int pending = 0;
            int skipped = 0;
            for (SeenEntry seen : entries) {
                String key = seen.key().value();
                if (known.containsKey(key)) {
                    refresh(connection, seen, at, !known.get(key).equals(seen.contentHash()));
                    continue;
                }
                boolean publish = !firstEntries || pending < backlog;
                insert(connection, subscriptionId, seen, at, publish ? "pending" : "skipped");
                known.put(key, seen.contentHash());
                added++;
                if (publish) {
                    pending++;
                } else {
                    skipped++;
                }
            }
            return new RecordedFetch(entries.size(), added, pending, skipped);
        });
    }

    private static Map<String, String> knownHashes(Connection connection, long subscriptionId, List<SeenEntry> entries)
            throws SQLException {
        Map<String, String> known = new HashMap<>();
        for (SeenEntry seen : entries) {
            List<String> hash = Jdbc.query(connection, "SELECT content_hash FROM entry WHERE entry_key = ?",
                    row -> row.getString(1), seen.key().value());
            if (!hash.isEmpty()) {
                known.put(seen.key().value(), hash.get(0));
            }
        }
        return known;
    }

    private static void refresh(Connection connection, SeenEntry seen, Instant at, boolean changed) throws SQLException {
        if (!changed) {
            Jdbc.update(connection, "UPDATE entry SET last_seen_at = ? WHERE entry_key = ?", at, seen.key().value());
            return;
        }
        Entry entry = seen.entry();
        Jdbc.update(connection, """
                UPDATE entry
                SET last_seen_at = ?, link = ?, title = ?, author = ?, published_at = ?, updated_at = ?, summary = ?,
                    content = ?, categories = ?, enclosures = ?, content_hash = ?, body_html = NULL
                WHERE entry_key = ?
                """, at, entry.link(), entry.title(), entry.author(), Jdbc.millis(entry.published()),
                Jdbc.millis(entry.updated()), entry.summary(), entry.content(), json(entry.categories()),
                json(enclosureRows(entry.enclosures())), seen.contentHash(), seen.key().value());
    }

    private static void insert(Connection connection, long subscriptionId, SeenEntry seen, Instant at, String status)
            throws SQLException {
        Entry entry = seen.entry();
        Jdbc.update(connection, """
                INSERT INTO entry (entry_key, subscription_id, guid, link, title, author, published_at, updated_at,
                    summary, content, categories, enclosures, content_hash, first_seen_at, last_seen_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, seen.key().value(), subscriptionId, entry.guid(), entry.link(), entry.title(), entry.author(),
                Jdbc.millis(entry.published()), Jdbc.millis(entry.updated()), entry.summary(), entry.content(),
                json(entry.categories()), json(enclosureRows(entry.enclosures())), seen.contentHash(), at, at,
                status);
    }

    @Override
    public List<StoredEntry> pending() {
        return jdbc.query("list entries to publish", "SELECT " + COLUMNS + """
                 FROM entry e JOIN subscription s ON s.id = e.subscription_id
                WHERE e.status = 'pending'
                ORDER BY e.first_seen_at, e.published_at, e.entry_key
                """, JdbcEntryStore::stored);
    }

    @Override
    public boolean reservePath(EntryKey key, String postPath) {
        return jdbc.withConnection("reserve post path " + postPath, connection -> {
            List<String> owner = Jdbc.query(connection, "SELECT entry_key FROM entry WHERE post_path = ?",
                    row -> row.getString(1), postPath);
            if (!owner.isEmpty()) {
                return owner.get(0).equals(key.value());
            }
            return Jdbc.update(connection, "UPDATE entry SET post_path = ? WHERE entry_key = ?", postPath,
                    key.value()) == 1;
        });
    }

    @Override
    public Optional<EntryKey> pathOwner(String postPath) {
        return jdbc.query("find owner of " + postPath, "SELECT entry_key FROM entry WHERE post_path = ?",
                row -> new EntryKey(row.getString(1)), postPath).stream().findFirst();
    }

    @Override
    public void onWritten(EntryKey key, Instant at, String bodyHtml) {
        jdbc.update("record written post",
                "UPDATE entry SET status = 'written', written_at = ?, body_html = ? WHERE entry_key = ?",
                at, bodyHtml, key.value());
    }

    @Override
    public List<StoredEntry> ofSubscription(long subscriptionId) {
        return jdbc.query("list entries of subscription", "SELECT " + COLUMNS + """
                 FROM entry e JOIN subscription s ON s.id = e.subscription_id
                WHERE e.subscription_id = ?
                ORDER BY e.first_seen_at DESC, e.published_at DESC, e.entry_key
                """, JdbcEntryStore::stored, subscriptionId);
    }

    private static StoredEntry stored(ResultSet row) throws SQLException {
        Entry entry = new Entry(
                row.getString("guid"),
                row.getString("link"),
                row.getString("title"),
                row.getString("author"),
                Jdbc.instant(row, "published_at"),
                Jdbc.instant(row, "updated_at"),
                row.getString("summary"),
                row.getString("content"),
                readList(row.getString("categories"), new TypeReference<List<String>>() { }),
                enclosures(row.getString("enclosures")));
        return new StoredEntry(
                new EntryKey(row.getString("entry_key")),
                row.getString("path"),
                entry,
                Instant.ofEpochMilli(row.getLong("first_seen_at")),
                Optional.ofNullable(row.getString("post_path")));
    }

    private static List<Map<String, Object>> enclosureRows(List<Enclosure> enclosures) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Enclosure enclosure : enclosures) {
            Map<String, Object> row = new HashMap<>();
            row.put("url", enclosure.url());
            row.put("type", enclosure.type());
            enclosure.length().ifPresent(length -> row.put("length", length));
            rows.add(row);
        }
        return rows;
    }

    private static List<Enclosure> enclosures(String json) throws SQLException {
        List<Enclosure> enclosures = new ArrayList<>();
        for (Map<String, Object> row : readList(json, new TypeReference<List<Map<String, Object>>>() { })) {
            Object length = row.get("length");
            enclosures.add(new Enclosure(String.valueOf(row.get("url")), String.valueOf(row.getOrDefault("type", "")),
                    length instanceof Number number ? OptionalLong.of(number.longValue()) : OptionalLong.empty()));
        }
        return enclosures;
    }

    private static String json(Object value) throws SQLException {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> List<T> readList(String json, TypeReference<List<T>> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON cannot be read: " + json, e);
        }
    }
}
