package dev.gleaner.store;

import dev.gleaner.content.PlainText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reader's numbers and states in the {@code reader_category} and {@code reader_entry} tables. */
final class JdbcReaderStore implements ReaderStore {
    private static final String PUBLISHED = "COALESCE(e.published_at, e.updated_at, e.first_seen_at)";
    /** The body as the entry's post holds it, else as its feed gave it. */
    private static final String BODY = "CASE WHEN e.body_html IS NOT NULL THEN e.body_html"
            + " WHEN e.content <> '' THEN e.content ELSE e.summary END";
    private static final String COLUMNS = "r.id, e.subscription_id, e.title, e.link, e.author, " + PUBLISHED
            + " AS published, e.first_seen_at, r.changed_at, " + BODY + " AS body, e.content_hash, r.is_read, r.is_starred, e.enclosures";
    /** Published entries, through the index that holds what lists filter and sort by (V17). */
    static final String FROM = " FROM reader_entry r JOIN entry e INDEXED BY entry_reader"
            + " ON e.entry_key = r.entry_key WHERE e.status = 'written'";

    private final Jdbc jdbc;

    JdbcReaderStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> categoryIds(Collection<String> paths) {
        return jdbc.inTransaction("number the categories", connection -> {
            Map<String, Long> ids = new HashMap<>();
            for (String path : paths) {
                Jdbc.update(connection, "INSERT INTO reader_category (path) VALUES (?) ON CONFLICT (path) DO NOTHING",
                        path);
                Jdbc.query(connection, "SELECT id FROM reader_category WHERE path = ?",
                        row -> ids.put(path, row.getLong(1)), path);
            }
            return ids;
        });
    }

    @Override
    public EntryQuery.Page entries(EntryQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        List<Object> paged = new ArrayList<>(params);
        String page = page(query, paged);
        // The page's numbers first, from the index alone; then only its own rows, bodies and all: sorting
        // whole rows would carry every body through the sort.
        return jdbc.together("list entries", () -> {
            long total = jdbc.query("count entries", "SELECT count(*)" + FROM + where, row -> row.getLong(1),
                    params.toArray()).get(0);
            List<Long> ids = jdbc.query("list entries", "SELECT r.id" + FROM + where + page, row -> row.getLong(1),
                    paged.toArray());
            return new EntryQuery.Page(total, entries(ids));
        });
    }

    @Override
    public List<Long> ids(EntryQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        return jdbc.query("list entry numbers", "SELECT r.id" + FROM + where + page(query, params),
                row -> row.getLong(1), params.toArray());
    }

    @Override
    public Neighbours neighbours(EntryQuery query, long id) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        String column = query.order().column;
        return jdbc.together("find the neighbours of entry " + id, () -> {
            List<Object> key = jdbc.query("read entry " + id, "SELECT " + column + ", r.id" + FROM + " AND r.id = ?",
                    row -> row.getObject(1), id);
            if (key.isEmpty()) {
                return new Neighbours(Optional.empty(), Optional.empty());
            }
            Object value = key.get(0);
            return new Neighbours(neighbour(where, params, column, value, id, !query.ascending()),
                    neighbour(where, params, column, value, id, query.ascending()));
        });
    }

    /** The entry next to {@code (value, id)} in the list {@code where} gives: above it when {@code upward}, else below. */
    private Optional<Long> neighbour(String where, List<Object> conditions, String column, Object value, long id,
            boolean upward) {
        String beyond = upward ? " > " : " < ";
        String direction = upward ? " ASC" : " DESC";
        List<Object> params = new ArrayList<>(conditions);
        params.addAll(List.of(value, value, id));
        return jdbc.query("find a neighbour", "SELECT r.id" + FROM + where + " AND (" + column + beyond + "? OR ("
                + column + " = ? AND r.id" + beyond + "?)) ORDER BY " + column + direction + ", r.id" + direction
                + " LIMIT 1", row -> row.getLong(1), params.toArray()).stream().findFirst();
    }

    @Override
    public List<Long> markRead(EntryQuery query, Instant at) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        return jdbc.inTransaction("mark a list read", connection -> {
            List<Long> ids = Jdbc.query(connection, "SELECT r.id" + FROM + where + " AND r.is_read = 0",
                    row -> row.getLong(1), params.toArray());
            for (long id : ids) {
                Jdbc.update(connection, "UPDATE reader_entry SET is_read = 1, changed_at = ? WHERE id = ?", at, id);
            }
            return ids;
        });
    }

    @Override
    public int indexForSearch(int most) {
        // Read first, then write in a transaction of its own: a transaction that read before it writes
        // fails (SQLITE_BUSY_SNAPSHOT) when a pass commits in between, where one that starts by writing waits.
        List<String[]> rows = jdbc.query("read entries to index for search", "SELECT r.id, e.title, " + BODY + " AS body"
                + FROM + " AND r.id > (SELECT COALESCE(max(rowid), 0) FROM reader_search) ORDER BY r.id LIMIT ?",
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3)}, most);
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.inTransaction("index entries for search", connection -> {
            for (String[] row : rows) {
                Jdbc.update(connection, "INSERT INTO reader_search (rowid, title, body) VALUES (?, ?, ?)",
                        Long.parseLong(row[0]), row[1], PlainText.of(row[2]));
            }
            return rows.size();
        });
    }

    /** The conditions of {@code query}, each starting with AND, its parameters added to {@code params}. */
    private static String where(EntryQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder();
        query.read().ifPresent(read -> condition(where, params, "r.is_read = ?", read ? 1 : 0));
        query.starred().ifPresent(starred -> condition(where, params, "r.is_starred = ?", starred ? 1 : 0));
        query.feeds().ifPresent(feeds -> {
            // None of no subscription: a condition the index answers, as INDEXED BY finds no plan for a constant false.
            where.append(feeds.isEmpty() ? " AND e.subscription_id IS NULL"
                    : " AND e.subscription_id IN (" + marks(feeds.size()) + ")");
            params.addAll(feeds);
        });
        query.beforeId().ifPresent(id -> condition(where, params, "r.id < ?", id));
        query.afterId().ifPresent(id -> condition(where, params, "r.id > ?", id));
        query.publishedBefore().ifPresent(at -> condition(where, params, PUBLISHED + " < ?", at.toEpochMilli()));
        query.publishedAfter().ifPresent(at -> condition(where, params, PUBLISHED + " > ?", at.toEpochMilli()));
        query.seenBefore().ifPresent(at -> condition(where, params, "e.first_seen_at < ?", at.toEpochMilli()));
        query.seenAfter().ifPresent(at -> condition(where, params, "e.first_seen_at > ?", at.toEpochMilli()));
        query.search().ifPresent(text -> search(text, where, params));
        return where.toString();
    }

    /**
     * Each word of {@code text} in the entry's title or body, case aside: through the trigram index for
     * words of three characters or more, by LIKE over the indexed text for shorter ones (two Chinese
     * characters are a common word). Entries the server has not indexed yet are not found.
     */
    private static void search(String text, StringBuilder where, List<Object> params) {
        List<String> words = List.of(text.strip().split("\\s+"));
        StringBuilder match = new StringBuilder();
        for (String word : words) {
            if (word.codePointCount(0, word.length()) >= 3) {
                match.append(match.isEmpty() ? "" : " AND ").append('"').append(word.replace("\"", "\"\"")).append('"');
            } else if (!word.isEmpty()) {
                String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                where.append(" AND r.id IN (SELECT rowid FROM reader_search WHERE title LIKE ? ESCAPE '\\'"
                        + " OR body LIKE ? ESCAPE '\\')");
                params.add(like);
                params.add(like);
            }
        }
        if (!match.isEmpty()) {
            where.append(" AND r.id IN (SELECT rowid FROM reader_search WHERE reader_search MATCH ?)");
            params.add(match.toString());
        }
    }

    /** The ORDER BY, LIMIT and OFFSET of {@code query}, their parameters added to {@code params}. */
    private static String page(EntryQuery query, List<Object> params) {
        String direction = query.ascending() ? " ASC" : " DESC";
        params.add(query.limit());
        params.add(query.offset());
        return " ORDER BY " + query.order().column + direction + ", r.id" + direction + " LIMIT ? OFFSET ?";
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void condition(StringBuilder where, List<Object> params, String condition, Object param) {
        where.append(" AND ").append(condition);
        params.add(param);
    }


    @Override
    public Optional<ReaderEntry> entry(long id) {
        return jdbc.query("read entry " + id, "SELECT " + COLUMNS + FROM + " AND r.id = ?", JdbcReaderStore::entry, id)
                .stream().findFirst();
    }

    @Override
    public List<ReaderEntry> entries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ReaderEntry> found = new HashMap<>();
        jdbc.query("read entries", "SELECT " + COLUMNS + FROM + " AND r.id IN (" + marks(ids.size()) + ")",
                JdbcReaderStore::entry, ids.toArray()).forEach(entry -> found.put(entry.id(), entry));
        List<ReaderEntry> entries = new ArrayList<>();
        for (long id : new LinkedHashSet<>(ids)) {
            Optional.ofNullable(found.get(id)).ifPresent(entries::add);
        }
        return entries;
    }

    @Override
    public int markRead(Collection<Long> ids, boolean read, Instant at) {
        return jdbc.inTransaction("mark entries " + (read ? "read" : "unread"), connection -> {
            int found = 0;
            for (long id : ids) {
                found += Jdbc.query(connection, "SELECT 1 FROM reader_entry WHERE id = ?", row -> 1, id).size();
                Jdbc.update(connection, "UPDATE reader_entry SET is_read = ?, changed_at = ? WHERE id = ? AND is_read <> ?",
                        read ? 1 : 0, at, id, read ? 1 : 0);
            }
            return found;
        });
    }

    @Override
    public int markAllRead(Optional<Collection<Long>> feeds, Instant at) {
        return markAllRead(feeds, Optional.empty(), at);
    }

    @Override
    public int markAllRead(Optional<Collection<Long>> feeds, Instant seenUpTo, Instant at) {
        return markAllRead(feeds, Optional.of(seenUpTo), at);
    }

    private int markAllRead(Optional<Collection<Long>> feeds, Optional<Instant> seenUpTo, Instant at) {
        if (feeds.isPresent() && feeds.get().isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>(List.of(at));
        List<String> conditions = new ArrayList<>();
        feeds.ifPresent(ids -> {
            conditions.add("subscription_id IN (" + marks(ids.size()) + ")");
            params.addAll(ids);
        });
        seenUpTo.ifPresent(upTo -> {
            conditions.add("first_seen_at <= ?");
            params.add(upTo.toEpochMilli());
        });
        return jdbc.update("mark entries read", "UPDATE reader_entry SET is_read = 1, changed_at = ? WHERE is_read = 0"
                + (conditions.isEmpty() ? "" : " AND entry_key IN (SELECT entry_key FROM entry WHERE "
                        + String.join(" AND ", conditions) + ")"), params.toArray());
    }

    @Override
    public boolean toggleStar(long id, Instant at) {
        return jdbc.update("star entry " + id,
                "UPDATE reader_entry SET is_starred = 1 - is_starred, changed_at = ? WHERE id = ?", at, id) == 1;
    }

    @Override
    public int markStarred(Collection<Long> ids, boolean starred, Instant at) {
        return jdbc.inTransaction((starred ? "star" : "unstar") + " entries", connection -> {
            int found = 0;
            for (long id : ids) {
                found += Jdbc.query(connection, "SELECT 1 FROM reader_entry WHERE id = ?", row -> 1, id).size();
                Jdbc.update(connection, "UPDATE reader_entry SET is_starred = ?, changed_at = ? WHERE id = ?"
                        + " AND is_starred <> ?", starred ? 1 : 0, at, id, starred ? 1 : 0);
            }
            return found;
        });
    }

    @Override
    public Map<Long, Instant> newestUnread() {
        Map<Long, Instant> newest = new HashMap<>();
        jdbc.query("find the newest unread entries", "SELECT e.subscription_id, max(e.first_seen_at)" + FROM
                + " AND r.is_read = 0 GROUP BY e.subscription_id",
                row -> newest.put(row.getLong(1), Instant.ofEpochMilli(row.getLong(2))));
        return newest;
    }

    @Override
    public Map<Long, long[]> counts() {
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.query("count entries per feed", "SELECT e.subscription_id, r.is_read, count(*)" + FROM
                + " GROUP BY e.subscription_id, r.is_read", row -> counts.computeIfAbsent(row.getLong(1),
                        feed -> new long[2])[row.getInt(2)] = row.getLong(3));
        return counts;
    }

    private static ReaderEntry entry(ResultSet row) throws SQLException {
        return new ReaderEntry(row.getLong("id"), row.getLong("subscription_id"), row.getString("title"),
                row.getString("link"), row.getString("author"), Instant.ofEpochMilli(row.getLong("published")),
                Instant.ofEpochMilli(row.getLong("first_seen_at")), Instant.ofEpochMilli(row.getLong("changed_at")),
                row.getString("body"), row.getString("content_hash"), row.getInt("is_read") == 1,
                row.getInt("is_starred") == 1, JdbcEntryStore.enclosures(row.getString("enclosures")));
    }
}
