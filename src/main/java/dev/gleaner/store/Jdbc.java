package dev.gleaner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The little JDBC plumbing the stores share: statements with parameters, rows and transactions. */
final class Jdbc {
    /** Rows read by every store of this process; see {@link Store#rowsRead()}. */
    private static final LongAdder ROWS_READ = new LongAdder();

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
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

    <T> T inTransaction(String operation, Work<T> work) {
        return withConnection(operation, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                // SQLite rolls back by itself on some failures (a full disk); a second rollback would
                // throw "no transaction is active" and hide the cause.
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        });
    }

    <T> T withConnection(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, @Nullable Object... params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                ROWS_READ.increment();
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    static long rowsRead() {
        return ROWS_READ.sum();
    }

    static int update(Connection connection, String sql, @Nullable Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, @Nullable Object... params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
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
