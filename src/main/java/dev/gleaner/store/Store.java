package dev.gleaner.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store: subscriptions and entries over one database, its schema brought up to date on open.
 *
 * <pre>{@code Store store = Store.open("jdbc:sqlite:gleaner.db");}</pre>
 *
 * <p>Close it to release its connections; the JVM's exit does too.
 */
public final class Store implements AutoCloseable {
    /** The version of the newest migration in {@code db/migration/sqlite}. */
    static final int SCHEMA_VERSION = 6;
    private static final String SQLITE = "jdbc:sqlite:";

    private final SubscriptionStore subscriptions;
    private final EntryStore entries;
    private final SiteStore site;
    private final HikariDataSource pool;
    private final boolean created;

    private Store(SubscriptionStore subscriptions, EntryStore entries, SiteStore site, HikariDataSource pool,
            boolean created) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.site = Objects.requireNonNull(site, "site");
        this.pool = pool;
        this.created = created;
    }

    /** Whether this open made the database: nothing was stored before it. */
    public boolean created() {
        return created;
    }

    /** Subscriptions with what to send back on their next fetch and their health. */
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    /** Entries seen and published. */
    public EntryStore entries() {
        return entries;
    }

    /** What the HTML site is built from, and what its last build left. */
    public SiteStore site() {
        return site;
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * Opens the database at {@code jdbcUrl} and migrates its schema.
     *
     * @throws StoreException when the database cannot be opened or migrated
     */
    public static Store open(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!isSupported(jdbcUrl)) {
            throw new StoreException("open " + jdbcUrl,
                    new IllegalArgumentException("only jdbc:sqlite: stores are supported so far"));
        }
        boolean created = !exists(jdbcUrl);
        HikariDataSource dataSource;
        try {
            dataSource = sqlite(jdbcUrl);
        } catch (RuntimeException e) {
            throw new StoreException("open " + jdbcUrl, e);
        }
        try {
            migrate(dataSource, "classpath:db/migration/sqlite");
        } catch (StoreException e) {
            dataSource.close();
            throw e;
        }
        Jdbc jdbc = new Jdbc(dataSource);
        return new Store(new JdbcSubscriptionStore(jdbc), new JdbcEntryStore(jdbc), new JdbcSiteStore(jdbc), dataSource,
                created);
    }

    /**
     * The store at {@code jdbcUrl} if it has been made, for commands that only read and must not leave a
     * database behind where there was none.
     *
     * @throws StoreException when it exists but cannot be opened or migrated
     */
    public static Optional<Store> openIfExists(String jdbcUrl) {
        return exists(jdbcUrl) ? Optional.of(open(jdbcUrl)) : Optional.empty();
    }

    /** Whether Gleaner can keep its store at {@code jdbcUrl}. */
    private static boolean isSupported(String jdbcUrl) {
        return jdbcUrl.startsWith(SQLITE);
    }

    /** Whether the database at {@code jdbcUrl} has been made; an in-memory one never has. */
    private static boolean exists(String jdbcUrl) {
        return sqliteFile(jdbcUrl).map(file -> {
            try {
                return Files.size(file) > 0;
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    /** The file of a {@code jdbc:sqlite:} URL, when it names one (not {@code :memory:}). */
    private static Optional<Path> sqliteFile(String jdbcUrl) {
        String location = jdbcUrl.substring(SQLITE.length());
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

    private static HikariDataSource sqlite(String jdbcUrl) {
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

    private static void migrate(DataSource dataSource, String location) {
        if (upToDate(dataSource)) {
            // Flyway costs about half a second to start; a command that runs every few minutes skips it
            // when the schema already has the newest migration.
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(location)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("migrate the store's schema", e);
        }
    }

    /** Whether the newest migration is recorded as applied, so Flyway has nothing to do. */
    private static boolean upToDate(DataSource dataSource) {
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
