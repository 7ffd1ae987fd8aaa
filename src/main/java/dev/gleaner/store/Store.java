package dev.gleaner.store;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store: subscriptions and entries over one database, its schema brought up to date on open.
 *
 * <pre>{@code Store store = Store.open("jdbc:sqlite:gleaner.db");}</pre>
 *
 * @param subscriptions subscriptions with their validators and health
 * @param entries entries seen and published
 */
public record Store(SubscriptionStore subscriptions, EntryStore entries) {

    public Store {
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(entries, "entries");
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
        DataSource dataSource = sqlite(jdbcUrl);
        migrate(dataSource, "classpath:db/migration/sqlite");
        Jdbc jdbc = new Jdbc(dataSource);
        return new Store(new JdbcSubscriptionStore(jdbc), new JdbcEntryStore(jdbc));
    }

    private static DataSource sqlite(String jdbcUrl) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(15_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(jdbcUrl);
        return dataSource;
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
