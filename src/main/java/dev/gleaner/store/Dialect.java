package dev.gleaner.store;

import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;

/**
 * What one kind of database needs of the store: its connections, its migrations, and how to tell that
 * the schema is current or that the database exists at all. SQL the stores share is written so that
 * each dialect runs it as it is.
 */
interface Dialect {

    /** Whether this dialect opens {@code jdbcUrl}. */
    boolean opens(String jdbcUrl);

    /** Whether the database at {@code jdbcUrl} has been made. */
    boolean exists(String jdbcUrl);

    /** A pool of connections to {@code jdbcUrl}, set up as this dialect wants. */
    HikariDataSource connect(String jdbcUrl);

    /** Where its migrations are, as a Flyway location. */
    String migrations();

    /** Whether the newest migration is recorded as applied, so that Flyway has nothing to do. */
    boolean upToDate(DataSource dataSource);
}
