package dev.gleaner.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The store: subscriptions and entries over one database, its schema brought up to date on open.
 *
 * <pre>{@code Store store = Store.open("jdbc:sqlite:gleaner.db");}</pre>
 *
 * <p>Close it to release its connections; the JVM's exit does too.
 */
public final class Store implements AutoCloseable {
    private static final List<Dialect> DIALECTS = List.of(new SqliteDialect());

    private final SubscriptionStore subscriptions;
    private final EntryStore entries;
    private final SiteStore site;
    private final AccountStore account;
    private final ReaderStore reader;
    private final HikariDataSource pool;
    private final boolean created;

    private Store(SubscriptionStore subscriptions, EntryStore entries, SiteStore site, AccountStore account,
            ReaderStore reader, HikariDataSource pool, boolean created) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.site = Objects.requireNonNull(site, "site");
        this.account = Objects.requireNonNull(account, "account");
        this.reader = Objects.requireNonNull(reader, "reader");
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

    /** The account {@code gleaner serve} signs in. */
    public AccountStore account() {
        return account;
    }

    /** What the reader APIs keep beside the archive. */
    public ReaderStore reader() {
        return reader;
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * How many rows the stores of this process have read so far: the cost that a build with nothing
     * new must keep bounded whatever the size of the archive.
     */
    public static long rowsRead() {
        return Jdbc.rowsRead();
    }

    /**
     * Opens the database at {@code jdbcUrl} and migrates its schema; the URL's scheme chooses the dialect.
     *
     * @throws StoreException when the database cannot be opened or migrated
     */
    public static Store open(String jdbcUrl) {
        Dialect dialect = dialect(jdbcUrl);
        boolean created = !dialect.exists(jdbcUrl);
        HikariDataSource dataSource;
        try {
            dataSource = dialect.connect(jdbcUrl);
        } catch (RuntimeException e) {
            throw new StoreException("open " + jdbcUrl, e);
        }
        try {
            migrate(dialect, dataSource);
        } catch (StoreException e) {
            dataSource.close();
            throw e;
        }
        Jdbc jdbc = new Jdbc(dataSource);
        return new Store(new JdbcSubscriptionStore(jdbc), new JdbcEntryStore(jdbc), new JdbcSiteStore(jdbc),
                new JdbcAccountStore(jdbc), new JdbcReaderStore(jdbc), dataSource, created);
    }

    /**
     * The store at {@code jdbcUrl} if it has been made, for commands that only read and must not leave a
     * database behind where there was none.
     *
     * @throws StoreException when it exists but cannot be opened or migrated
     */
    public static Optional<Store> openIfExists(String jdbcUrl) {
        return dialect(jdbcUrl).exists(jdbcUrl) ? Optional.of(open(jdbcUrl)) : Optional.empty();
    }

    private static Dialect dialect(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return DIALECTS.stream().filter(dialect -> dialect.opens(jdbcUrl)).findFirst()
                .orElseThrow(() -> new StoreException("open " + jdbcUrl,
                        new IllegalArgumentException("only jdbc:sqlite: stores are supported so far")));
    }

    private static void migrate(Dialect dialect, DataSource dataSource) {
        if (dialect.upToDate(dataSource)) {
            // Flyway costs about half a second to start; a command that runs every few minutes skips it
            // when the schema already has the newest migration.
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(dialect.migrations())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("migrate the store's schema", e);
        }
    }
}
