package dev.gleaner.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The reader's numbers in the {@code reader_category} table. */
final class JdbcReaderStore implements ReaderStore {
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
}
