package dev.gleaner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcTest {
    @TempDir
    Path dir;

    private HikariDataSource pool;
    private Jdbc jdbc;

    @BeforeEach
    void open() {
        pool = new SqliteDialect().connect("jdbc:sqlite:" + dir.resolve("jdbc.db"));
        jdbc = new Jdbc(pool);
        jdbc.update("make the table", "CREATE TABLE item (name TEXT NOT NULL UNIQUE)");
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aFailedTransactionLeavesNothingOfItself() {
        assertThatThrownBy(() -> jdbc.inTransaction("add two", connection -> {
            Jdbc.update(connection, "INSERT INTO item (name) VALUES (?)", "first");
            return Jdbc.update(connection, "INSERT INTO item (name) VALUES (?)", "first");
        })).isInstanceOf(StoreException.class).hasMessageStartingWith("add two");

        assertThat(names()).isEmpty();
    }

    @Test
    void aTransactionSQLiteEndedByItselfDoesNotLeaveTheNextOneCommittingStatementByStatement() {
        // A full disk or a failed commit ends SQLite's transaction without the driver knowing; ending it
        // here by hand makes the same state.
        assertThatThrownBy(() -> jdbc.inTransaction("fail", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK");
            }
            throw new SQLException("database or disk is full");
        })).isInstanceOf(StoreException.class).hasMessageContaining("database or disk is full");

        assertThatThrownBy(() -> jdbc.inTransaction("add two", connection -> {
            Jdbc.update(connection, "INSERT INTO item (name) VALUES (?)", "second");
            return Jdbc.update(connection, "INSERT INTO item (name) VALUES (?)", "second");
        })).isInstanceOf(StoreException.class).hasMessageStartingWith("add two");

        assertThat(names()).isEmpty();
        jdbc.inTransaction("add one", connection -> Jdbc.update(connection, "INSERT INTO item (name) VALUES (?)", "third"));
        assertThat(names()).containsExactly("third");
    }

    @Test
    void callsInsideATransactionJoinIt() {
        assertThatThrownBy(() -> jdbc.together("add and fail", () -> {
            jdbc.update("add", "INSERT INTO item (name) VALUES (?)", "joined");
            assertThat(jdbc.query("count", "SELECT count(*) FROM item", row -> row.getInt(1))).containsExactly(1);
            throw new IllegalStateException("stop");
        })).hasMessage("stop");

        assertThat(names()).isEmpty();
    }

    private List<String> names() {
        return jdbc.query("names", "SELECT name FROM item ORDER BY name", row -> row.getString(1));
    }
}
