package dev.gleaner.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's lists and counts are read from the index of what they filter and sort by: read from the
 * table, every list would carry every published body through SQLite.
 */
class ReaderQueriesTest {
    @TempDir
    Path dir;

    @Test
    void listsCountsAndUnreadPerFeedReadTheIndexAlone() {
        String url = "jdbc:sqlite:" + dir.resolve("gleaner.db");
        Store.open(url).close();
        try (HikariDataSource pool = new SqliteDialect().connect(url)) {
            Jdbc jdbc = new Jdbc(pool);
            for (String sql : List.of(
                    "SELECT count(*)" + JdbcReaderStore.FROM + " AND r.is_read = 0",
                    "SELECT r.id" + JdbcReaderStore.FROM + " AND e.subscription_id IN (1, 2) ORDER BY "
                            + EntryQuery.Order.PUBLISHED.column + " DESC LIMIT 50",
                    "SELECT e.subscription_id, r.is_read, count(*)" + JdbcReaderStore.FROM
                            + " GROUP BY e.subscription_id, r.is_read")) {
                assertThat(plan(jdbc, sql)).as(sql)
                        .anyMatch(step -> step.contains("USING COVERING INDEX entry_reader"))
                        .noneMatch(step -> step.contains("entry_by_status"));
            }
        }
    }

    private static List<String> plan(Jdbc jdbc, String sql) {
        return jdbc.query("explain", "EXPLAIN QUERY PLAN " + sql, row -> row.getString("detail"));
    }
}
