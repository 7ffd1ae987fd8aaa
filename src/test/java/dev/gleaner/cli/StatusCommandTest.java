package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    @TempDir
    Path dir;

    Workspace workspace;

    @BeforeEach
    void twoFeedsOneBroken() {
        workspace = new Workspace(dir);
        workspace.write("feeds/ok.xml", RssDocument.channel("t", "https://example.org/")
                .item("一", "<p>x</p>", "Sat, 21 May 2022 06:05:19 GMT", "https://example.org/1").xml());
        workspace.config("a:\n  好的:\n    源: feeds/ok.xml\n  坏的:\n    源: feeds/missing.xml\n  新的:\n    源: feeds/ok.xml\n");
        workspace.run("run", "--only", "a/好的", "a/坏的");
    }

    @Test
    void showsEachSubscriptionWithItsHealth() {
        Workspace.Result status = workspace.run("status");

        assertThat(status.exitCode()).isZero();
        List<String> lines = status.out().lines().toList();
        assertThat(lines.get(0)).startsWith("SUBSCRIPTION").contains("LAST SUCCESS", "NEXT DUE", "LAST ERROR");
        assertThat(lines).anyMatch(line -> line.startsWith("a/坏的/源") && line.contains("no such file"));
        assertThat(lines).anyMatch(line -> line.startsWith("a/新的/源") && line.contains("never"));
    }

    @Test
    void listsFeedsFailingForMoreThanADayFirst() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gleaner.db"));
                var statement = connection.prepareStatement("UPDATE subscription SET failing_since = ? WHERE path = ?")) {
            statement.setLong(1, Instant.now().minus(Duration.ofDays(3)).toEpochMilli());
            statement.setString(2, "a/坏的/源");
            statement.executeUpdate();
        }

        List<String> lines = workspace.run("status").out().lines().toList();

        assertThat(lines.get(1)).startsWith("a/坏的/源").contains("for 3d");
    }

    @Test
    void failingOnlyAndJsonForScripts() throws Exception {
        Workspace.Result status = workspace.run("status", "--failing", "--json");

        List<String> lines = status.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode row = new ObjectMapper().readTree(lines.get(0));
        assertThat(row.get("path").asText()).isEqualTo("a/坏的/源");
        assertThat(row.get("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(row.get("lastError").asText()).isEqualTo("no such file");
        assertThat(Instant.parse(row.get("nextDue").asText())).isAfter(Instant.now());
    }

    @Test
    void countsTheFetchesThatTheSourceAnsweredUnchanged() throws Exception {
        workspace.run("run", "--all", "--only", "a/好的");
        workspace.run("run", "--all", "--only", "a/好的");

        JsonNode row = new ObjectMapper().readTree(workspace.run("status", "--json").out().lines()
                .filter(line -> line.contains("a/好的/源")).findFirst().orElseThrow());
        assertThat(row.get("fetches").asInt()).isEqualTo(3);
        assertThat(row.get("notModified").asInt()).isEqualTo(2);
        assertThat(workspace.run("status").out().lines())
                .anyMatch(line -> line.startsWith("a/好的/源") && line.contains(" 2/3 "));
    }

    @Test
    void countsCjkTextAsTwoColumnsSoTheTableLinesUp() {
        assertThat(StatusTable.width("知乎热榜")).isEqualTo(8);
        assertThat(StatusTable.width("a/b")).isEqualTo(3);
        List<String> lines = workspace.run("status").out().lines().toList();
        int column = StatusTable.width(lines.get(0).substring(0, lines.get(0).indexOf("POSTS")));
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> {
            int end = line.indexOf("  ");
            String rest = line.substring(end).stripLeading();
            assertThat(StatusTable.width(line.substring(0, line.length() - rest.length()))).isEqualTo(column);
        });
    }
}
