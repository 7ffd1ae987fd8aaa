package dev.gleaner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

/** The little JDBC plumbing the stores share: statements with parameters, rows and transactions. */
final class Jdbc {
    /** Rows read by every store of this process; see {@link Store#rowsRead()}. */
    private static final LongAdder ROWS_READ = new LongAdder();
    /** The transaction {@link #inTransaction} opened on this thread, if any. */
    private static final ThreadLocal<@Nullable Bound> BOUND = new ThreadLocal<>();

    private final HikariDataSource dataSource;

    Jdbc(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work done on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> List<T> query(String operation, String sql, RowMapper<T> mapper, @Nullable Object... params) {
        return withConnection(operation, connection -> query(connection, sql, mapper, params));
    }

    int update(String operation, String sql, @Nullable Object... params) {
        return withConnection(operation, connection -> update(connection, sql, params));
    }

    /**
     * Runs {@code work} in one transaction, with every call this thread makes through this {@code Jdbc}
     * meanwhile joining it: one commit for many small writes.
     */
    <T> T together(String operation, Supplier<T> work) {
        return inTransaction(operation, connection -> work.get());
    }

    /**
     * Runs {@code work} on one connection in one transaction, its statements prepared once; a
     * transaction opened inside it, or any call this thread makes through this {@code Jdbc}
     * meanwhile, joins it.
     */
    <T> T inTransaction(String operation, Work<T> work) {
        Bound outer = BOUND.get();
        if (outer != null && outer.owner == this) {
            return withConnection(operation, work);
        }
        return withConnection(operation, connection -> {
            Bound bound = new Bound(this, connection);
            BOUND.set(bound);
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                    // SQLite ends a transaction by itself on some failures (a full disk, a failed commit);
                    // the driver still believes one is open and would run the next caller's "transaction"
                    // statement by statement, each committed alone. The connection is not reused.
                    dataSource.evictConnection(connection);
                }
                throw e;
            } finally {
                BOUND.set(outer);
                bound.close();
            }
        });
    }

    <T> T withConnection(String operation, Work<T> work) {
        Bound bound = BOUND.get();
        if (bound != null && bound.owner == this) {
            try {
                return work.run(bound.connection);
            } catch (SQLException e) {
                throw new StoreException(operation, e);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, @Nullable Object... params)
            throws SQLException {
        PreparedStatement statement = prepare(connection, sql, params);
        try (ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                ROWS_READ.increment();
                result.add(mapper.map(rows));
            }
            return result;
        } finally {
            release(connection, statement);
        }
    }

    static long rowsRead() {
        return ROWS_READ.sum();
    }

    static int update(Connection connection, String sql, @Nullable Object... params) throws SQLException {
        PreparedStatement statement = prepare(connection, sql, params);
        try {
            return statement.executeUpdate();
        } finally {
            release(connection, statement);
        }
    }

    /** A statement for {@code sql} with {@code params} set: inside a transaction, the one already prepared. */
    private static PreparedStatement prepare(Connection connection, String sql, @Nullable Object... params)
            throws SQLException {
        Bound bound = BOUND.get();
        PreparedStatement statement = bound != null && bound.connection == connection
                ? bound.statement(sql) : connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setLong(i + 1, instant.toEpochMilli());
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private static void release(Connection connection, PreparedStatement statement) throws SQLException {
        Bound bound = BOUND.get();
        if (bound == null || bound.connection != connection) {
            statement.close();
        }
    }

    /** The connection a transaction holds for this thread, with the statements prepared on it. */
    private static final class Bound {
        final Jdbc owner;
        final Connection connection;
        // Preparing is most of the cost of a small statement on a table with triggers and indexes.
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        Bound(Jdbc owner, Connection connection) {
            this.owner = owner;
            this.connection = connection;
        }

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        void close() throws SQLException {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
        }
    }

    /** The instant in a column of epoch milliseconds, if not null. */
    static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    /** The number in column {@code column} (counted from 1), if not null. */
    static Optional<Long> optionalLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static @Nullable Long millis(Optional<Instant> instant) {
        return instant.map(Instant::toEpochMilli).orElse(null);
    }
}
