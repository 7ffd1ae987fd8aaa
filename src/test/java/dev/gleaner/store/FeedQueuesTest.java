package dev.gleaner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass reads, of each feed it fetched, the entries waiting to be published and its adopted posts; if
 * SQLite found them among all the feed's entries, every pass would cost what the archive holds.
 */
class FeedQueuesTest {
    @TempDir
    Path dir;

    @Test
    void eachFeedsQueuesAreReadFromIndexesThatHoldOnlyThem() {
        String url = "jdbc:sqlite:" + dir.resolve("gleaner.db");
        Store.open(url).close();
        try (HikariDataSource pool = new SqliteDialect().connect(url)) {
            Jdbc jdbc = new Jdbc(pool);

            assertThat(plan(jdbc, JdbcEntryStore.PENDING_OF_SUBSCRIPTION))
                    .anyMatch(step -> step.contains("USING INDEX entry_pending"))
                    .noneMatch(step -> step.contains("entry_by_subscription") || step.startsWith("SCAN e"));
            assertThat(plan(jdbc, JdbcEntryStore.ADOPTED_OF_SUBSCRIPTION))
                    .anyMatch(step -> step.contains("USING INDEX entry_adopted"))
                    .noneMatch(step -> step.contains("entry_by_subscription") || step.startsWith("SCAN e"));
        }
    }

    private static List<String> plan(Jdbc jdbc, String sql) {
        return jdbc.query("explain", "EXPLAIN QUERY PLAN " + sql, row -> row.getString("detail"), 1L);
    }
}
