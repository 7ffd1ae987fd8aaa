package dev.gleaner.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/** Entries in the {@code entry} table. */
final class JdbcEntryStore implements EntryStore {
    private static final String COLUMNS = """
            e.entry_key, s.path, e.guid, e.link, e.title, e.author, e.published_at, e.updated_at, e.summary,
            e.content, e.categories, e.enclosures, e.first_seen_at, e.post_path""";
    /** What a pass reads of each feed it fetched: both read indexes that hold only what they return. */
    static final String PENDING_OF_SUBSCRIPTION = "SELECT " + COLUMNS + """
             FROM entry e JOIN subscription s ON s.id = e.subscription_id
            WHERE e.status = 'pending' AND e.subscription_id = ?
            ORDER BY e.first_seen_at, e.published_at, e.entry_key
            """;
    static final String ADOPTED_OF_SUBSCRIPTION = "SELECT " + COLUMNS + """
             FROM entry e JOIN subscription s ON s.id = e.subscription_id
            WHERE e.subscription_id = ? AND e.adopted = 1
            ORDER BY e.first_seen_at, e.entry_key
            """;

    private final Jdbc jdbc;

    JdbcEntryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RecordedFetch onFetched(long subscriptionId, Instant at, FetchMemo memo, Instant nextDue,
            List<SeenEntry> entries, int backlog, boolean updates) {
        return jdbc.inTransaction("record fetched feed", connection -> {
            JdbcSubscriptionStore.onSuccess(connection, subscriptionId, at, memo, nextDue, false);
            // Adopted posts are not items of the feed: a store made anew beside them still holds back its backlog.
            boolean firstEntries = Jdbc.query(connection,
                    "SELECT 1 FROM entry WHERE subscription_id = ? AND adopted = 0 LIMIT 1", row -> 1,
                    subscriptionId).isEmpty();
            Map<String, Known> known = known(connection, entries);
            int added = 0;
            int pending = 0;
            int skipped = 0;
            int adopted = 0;
            int updated = 0;
            for (SeenEntry seen : entries) {
                String key = seen.key().value();
                Known before = known.get(key);
                if (before != null) {
                    boolean changed = !before.contentHash().equals(seen.contentHash());
                    boolean republish = changed && updates && before.status().equals("written");
                    refresh(connection, seen, at, changed && (republish || before.status().equals("pending")),
                            republish);
                    if (republish) {
                        updated++;
                    }
                    continue;
                }
                known.put(key, new Known(seen.contentHash(), "pending"));
                added++;
                if (seen.adopts().isPresent() && takeOver(connection, subscriptionId, seen, at)) {
                    adopted++;
                    continue;
                }
                boolean publish = !firstEntries || pending < backlog;
                insert(connection, subscriptionId, seen, at, at, publish ? "pending" : "skipped");
                if (publish) {
                    pending++;
                } else {
                    skipped++;
                }
            }
            return new RecordedFetch(entries.size(), added, pending, skipped, adopted, updated);
        });
    }

    /** What the store holds of an entry it knows. */
    private record Known(String contentHash, String status) {
    }

    private static Map<String, Known> known(Connection connection, List<SeenEntry> entries) throws SQLException {
        Map<String, Known> known = new HashMap<>();
        for (SeenEntry seen : entries) {
            Jdbc.query(connection, "SELECT content_hash, status FROM entry WHERE entry_key = ?",
                    row -> known.put(seen.key().value(), new Known(row.getString(1), row.getString(2))),
                    seen.key().value());
        }
        return known;
    }

    /**
     * The entry takes over the adopted post it claims: the post's path, date and body stay as they were
     * written, and the adopted row goes.
     *
     * @return false when the adopted post is no longer there (another entry took it)
     */
    private static boolean takeOver(Connection connection, long subscriptionId, SeenEntry seen, Instant at)
            throws SQLException {
        String adoptedKey = seen.adopts().orElseThrow().value();
        List<Object[]> post = Jdbc.query(connection, """
                SELECT post_path, body_html, first_seen_at, written_at FROM entry
                WHERE entry_key = ? AND subscription_id = ? AND adopted = 1
                """, row -> new Object[] {row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)},
                adoptedKey, subscriptionId);
        if (post.isEmpty()) {
            return false;
        }
        Jdbc.update(connection, "DELETE FROM entry WHERE entry_key = ?", adoptedKey);
        insert(connection, subscriptionId, seen, Instant.ofEpochMilli((Long) post.get(0)[2]), at, "written");
        Jdbc.update(connection, "UPDATE entry SET post_path = ?, body_html = ?, written_at = ? WHERE entry_key = ?",
                post.get(0)[0], post.get(0)[1], post.get(0)[3], seen.key().value());
        return true;
    }

    private static void refresh(Connection connection, SeenEntry seen, Instant at, boolean store, boolean republish)
            throws SQLException {
        if (!store) {
            Jdbc.update(connection, "UPDATE entry SET last_seen_at = ? WHERE entry_key = ?", at, seen.key().value());
            return;
        }
        Entry entry = seen.entry();
        Jdbc.update(connection, """
                UPDATE entry
                SET last_seen_at = ?, link = ?, title = ?, author = ?, published_at = ?, updated_at = ?, summary = ?,
                    content = ?, categories = ?, enclosures = ?, content_hash = ?, body_html = NULL,
                    status = CASE WHEN ? THEN 'pending' ELSE status END
                WHERE entry_key = ?
                """, at, entry.link(), entry.title(), entry.author(), Jdbc.millis(entry.published()),
                Jdbc.millis(entry.updated()), entry.summary(), entry.content(),
                StoredJson.write(entry.categories()), StoredJson.write(enclosureRows(entry.enclosures())),
                seen.contentHash(), republish, seen.key().value());
    }

    private static void insert(Connection connection, long subscriptionId, SeenEntry seen, Instant firstSeen,
            Instant lastSeen, String status) throws SQLException {
        Entry entry = seen.entry();
        Jdbc.update(connection, """
                INSERT INTO entry (entry_key, subscription_id, guid, link, title, author, published_at, updated_at,
                    summary, content, categories, enclosures, content_hash, first_seen_at, last_seen_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, seen.key().value(), subscriptionId, entry.guid(), entry.link(), entry.title(), entry.author(),
                Jdbc.millis(entry.published()), Jdbc.millis(entry.updated()), entry.summary(), entry.content(),
                StoredJson.write(entry.categories()), StoredJson.write(enclosureRows(entry.enclosures())),
                seen.contentHash(), firstSeen, lastSeen, status);
    }

    @Override
    public Map<EntryKey, String> titles(Collection<EntryKey> keys) {
        Map<EntryKey, String> titles = new HashMap<>();
        List<EntryKey> all = List.copyOf(keys);
        // In slices, so that no statement holds more parameters than SQLite allows.
        for (int from = 0; from < all.size(); from += 500) {
            List<EntryKey> slice = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(slice.size(), "?"));
            jdbc.query("read entry titles", "SELECT entry_key, title FROM entry WHERE entry_key IN (" + marks + ")",
                    row -> titles.put(new EntryKey(row.getString(1)), row.getString(2)),
                    slice.stream().map(EntryKey::value).toArray());
        }
        return titles;
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
    public List<StoredEntry> pending(long subscriptionId) {
        return jdbc.query("list entries to publish", PENDING_OF_SUBSCRIPTION, JdbcEntryStore::stored, subscriptionId);
    }

    @Override
    public boolean reservePath(EntryKey key, String postPath) {
        return reserve(key, postPath, "UPDATE entry SET post_path = ? WHERE entry_key = ?", postPath, key.value());
    }

    // SQLite rewrites a row whose size changes, bodies and all, but overwrites in place only the pages that
    // differ of one whose size stays: the body and the time set here leave recording it written one page.
    @Override
    public boolean reservePost(EntryKey key, String postPath, Instant at, String bodyHtml) {
        return reserve(key, postPath, "UPDATE entry SET post_path = ?, written_at = ?, body_html = ? WHERE entry_key = ?",
                postPath, at, bodyHtml, key.value());
    }

    private boolean reserve(EntryKey key, String postPath, String update, Object... params) {
        return jdbc.withConnection("reserve post path " + postPath, connection -> {
            List<String> owner = Jdbc.query(connection, "SELECT entry_key FROM entry WHERE post_path = ?",
                    row -> row.getString(1), postPath);
            if (!owner.isEmpty()) {
                return owner.get(0).equals(key.value());
            }
            return Jdbc.update(connection, update, params) == 1;
        });
    }

    @Override
    public Optional<EntryKey> pathOwner(String postPath) {
        return jdbc.query("find owner of " + postPath, "SELECT entry_key FROM entry WHERE post_path = ?",
                row -> new EntryKey(row.getString(1)), postPath).stream().findFirst();
    }

    @Override
    public Set<String> postPaths() {
        return new HashSet<>(jdbc.query("list post paths", "SELECT post_path FROM entry WHERE post_path IS NOT NULL",
                row -> row.getString(1)));
    }

    @Override
    public boolean onClaimed(EntryKey key, String postPath, Instant at, String bodyHtml, Optional<Instant> firstSeen) {
        return jdbc.inTransaction("record adopted post " + postPath, connection -> {
            List<String> owner = Jdbc.query(connection, "SELECT entry_key FROM entry WHERE post_path = ?",
                    row -> row.getString(1), postPath);
            if (!owner.isEmpty() && !owner.get(0).equals(key.value())) {
                return false;
            }
            return Jdbc.update(connection, """
                    UPDATE entry SET post_path = ?, status = 'written', written_at = ?, body_html = ?,
                        first_seen_at = COALESCE(?, first_seen_at)
                    WHERE entry_key = ?
                    """, postPath, at, bodyHtml, Jdbc.millis(firstSeen), key.value()) == 1;
        });
    }

    @Override
    public int adopt(long subscriptionId, List<AdoptedPost> posts, Instant at) {
        return jdbc.inTransaction("record adopted posts", connection -> {
            int recorded = 0;
            for (AdoptedPost post : posts) {
                boolean held = !Jdbc.query(connection, "SELECT 1 FROM entry WHERE post_path = ? OR entry_key = ?",
                        row -> 1, post.postPath(), post.key().value()).isEmpty();
                if (held) {
                    continue;
                }
                insert(connection, subscriptionId, new SeenEntry(post.key(), post.entry(), ""), post.date(), at,
                        "written");
                Jdbc.update(connection, """
                        UPDATE entry SET adopted = 1, post_path = ?, body_html = ?, written_at = ? WHERE entry_key = ?
                        """, post.postPath(), post.bodyHtml(), at, post.key().value());
                recorded++;
            }
            return recorded;
        });
    }

    @Override
    public List<StoredEntry> adopted(long subscriptionId) {
        return jdbc.query("list adopted posts", ADOPTED_OF_SUBSCRIPTION, JdbcEntryStore::stored, subscriptionId);
    }

    @Override
    public List<MovingPost> moving() {
        return jdbc.query("list moving posts", """
                SELECT e.entry_key, s.path, e.moved_from, e.post_path
                FROM entry e JOIN subscription s ON s.id = e.subscription_id
                WHERE e.moved_from IS NOT NULL
                ORDER BY e.moved_from
                """, row -> new MovingPost(new EntryKey(row.getString("entry_key")), row.getString("path"),
                        row.getString("moved_from"), row.getString("post_path")));
    }

    @Override
    public void onMoved(EntryKey key) {
        jdbc.update("record moved post", "UPDATE entry SET moved_from = NULL WHERE entry_key = ?", key.value());
    }

    @Override
    public <T> T together(String operation, Supplier<T> work) {
        return jdbc.together(operation, work);
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
                StoredJson.strings(row.getString("categories")),
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

    /** The enclosures of an entry's {@code enclosures} column. */
    static List<Enclosure> enclosures(String json) throws SQLException {
        List<Enclosure> enclosures = new ArrayList<>();
        for (Map<String, Object> row : StoredJson.readList(json, new TypeReference<List<Map<String, Object>>>() { })) {
            Object length = row.get("length");
            enclosures.add(new Enclosure(String.valueOf(row.get("url")), String.valueOf(row.getOrDefault("type", "")),
                    length instanceof Number number ? OptionalLong.of(number.longValue()) : OptionalLong.empty()));
        }
        return enclosures;
    }

}
