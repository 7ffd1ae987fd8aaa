package dev.gleaner.store;

import java.util.Objects;
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
    private final SubscriptionStore subscriptions;
    private final EntryStore entries;
    private final SiteStore site;
    private final HikariDataSource pool;

    private Store(SubscriptionStore subscriptions, EntryStore entries, SiteStore site, HikariDataSource pool) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.site = Objects.requireNonNull(site, "site");
        this.pool = pool;
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
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new StoreException("open " + jdbcUrl,
                    new IllegalArgumentException("only jdbc:sqlite: stores are supported so far"));
        }
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
        return new Store(new JdbcSubscriptionStore(jdbc), new JdbcEntryStore(jdbc), new JdbcSiteStore(jdbc), dataSource);
    }

    private static HikariDataSource sqlite(String jdbcUrl) {
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
}
