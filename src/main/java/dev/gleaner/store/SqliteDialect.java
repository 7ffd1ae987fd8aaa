package dev.gleaner.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The store in a SQLite file: {@code jdbc:sqlite:gleaner.db}. */
final class SqliteDialect implements Dialect {
    /** The version of the newest migration in {@code db/migration/sqlite}. */
    static final int SCHEMA_VERSION = 17;
    private static final String PREFIX = "jdbc:sqlite:";

    @Override
    public boolean opens(String jdbcUrl) {
        return jdbcUrl.startsWith(PREFIX);
    }

    /** Whether the file has been made; an in-memory database never has. */
    @Override
    public boolean exists(String jdbcUrl) {
        return file(jdbcUrl).map(file -> {
            try {
                return Files.size(file) > 0;
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    /** The file of a {@code jdbc:sqlite:} URL, when it names one (not {@code :memory:}). */
    private static Optional<Path> file(String jdbcUrl) {
        String location = jdbcUrl.substring(PREFIX.length());
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        int query = location.indexOf('?');
        if (query >= 0) {
            location = location.substring(0, query);
        }
        if (location.isEmpty() || location.startsWith(":")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(location));
    }

    @Override
    public HikariDataSource connect(String jdbcUrl) {
        SqliteLibrary.useCachedCopy();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(15_000);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(jdbcUrl);
        // Opening a SQLite connection costs milliseconds (file, WAL, pragmas); a pass records
        // thousands of fetches, so connections are kept. SQLite has one writer anyway: a few suffice.
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        pool.setPoolName("gleaner-store");
        return new HikariDataSource(pool);
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public boolean upToDate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet table = statement.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
                if (!table.next()) {
                    return false;
                }
            }
            try (ResultSet rows = statement.executeQuery("""
                    SELECT COUNT(*), SUM(CASE WHEN success = 1 THEN 0 ELSE 1 END),
                           MAX(CAST(version AS INTEGER))
                    FROM flyway_schema_history WHERE version IS NOT NULL""")) {
                return rows.next() && rows.getInt(1) == SCHEMA_VERSION && rows.getInt(2) == 0
                        && rows.getInt(3) == SCHEMA_VERSION;
            }
        } catch (SQLException e) {
            // Flyway will look properly, and report what is wrong.
            return false;
        }
    }
}
