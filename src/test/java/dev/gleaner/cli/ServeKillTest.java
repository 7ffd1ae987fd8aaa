package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.ServeProcess;
import dev.gleaner.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gleaner serve} killed with SIGKILL at random moments while it polls feeds that keep growing, and
 * started again: in the end every item of every feed is stored once and has exactly one post.
 */
class ServeKillTest {
    private static final int FEEDS = 4;
    private static final int KILLS = 6;
    private static final int FIRST_ITEMS = 30;
    private static final int MORE_ITEMS = 12;

    @TempDir
    Path dir;

    final MockWebServer server = new MockWebServer();
    final AtomicInteger stage = new AtomicInteger();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void killedWhilePollingAndStartedAgainItLosesNothingAndWritesNothingTwice() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                int feed = Integer.parseInt(path.replaceAll("\\D", ""));
                return new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .body(document(feed, items(stage.get()))).build();
            }
        });
        server.start();
        Workspace workspace = new Workspace(dir);
        StringBuilder tree = new StringBuilder("新闻:\n");
        for (int feed = 0; feed < FEEDS; feed++) {
            tree.append("  站").append(feed).append(":\n    快讯: {url: \"").append(server.url("/feed" + feed + ".xml"))
                    .append("\", interval: 1s}\n");
        }
        workspace.loopbackConfig(Duration.ofSeconds(5), tree.toString());
        Path config = dir.resolve("gleaner.yml");
        Files.writeString(config, Files.readString(config).replace("subscriptions:",
                "backlog: 1000\nschedule: {min_interval: 1s}\nsubscriptions:"));

        long seed = Long.getLong("gleaner.crashSeed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        for (int kill = 0; kill < KILLS; kill++) {
            stage.set(kill);
            try (ServeProcess serve = ServeProcess.start(dir)) {
                // From just after it listens (the first pass under way) to a few passes in.
                Thread.sleep(100 + random.nextLong(2500));
                assertThat(serve.isAlive()).as("serve runs until killed (seed " + seed + ")").isTrue();
                serve.kill();
            }
        }

        stage.set(KILLS);
        int expected = FEEDS * items(KILLS);
        try (ServeProcess serve = ServeProcess.start(dir)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (written() < expected && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(serve.terminate(30)).isTrue();
        }

        Map<String, Integer> statuses = statuses();
        assertThat(statuses).as("seed " + seed).isEqualTo(Map.of("written", expected));
        assertThat(posts(".md")).as("one post per item, seed " + seed).hasSize(expected);
        assertThat(posts(".gleaner-tmp")).as("no file left half-written, seed " + seed).isEmpty();
        assertThat(workspace.run("run", "--all", "--no-build").out()).contains("posts written  0");
    }

    private static int items(int stage) {
        return FIRST_ITEMS + MORE_ITEMS * stage;
    }

    private static String document(int feed, int items) {
        RssDocument document = RssDocument.channel("站 " + feed, "https://example.org/" + feed + "/");
        for (int i = items; i >= 1; i--) {
            document.item("站 " + feed + " 快讯 " + i, "<p>" + "正文。".repeat(200) + i + "</p>",
                    String.format("Sat, %02d May 2022 %02d:%02d:00 GMT", 1 + i % 28, i / 60 % 24, i % 60),
                    "https://example.org/" + feed + "/" + i, "feed-" + feed + "-item-" + i);
        }
        // RSSHub's <ttl> of 5 minutes would rightly hold the next fetch back past the test.
        return document.xml().replace("<ttl>5</ttl>", "");
    }

    private List<Path> posts(String suffix) throws Exception {
        Path posts = dir.resolve("site/source/_posts");
        if (!Files.isDirectory(posts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(posts)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private int written() throws Exception {
        return statuses().getOrDefault("written", 0);
    }

    private Map<String, Integer> statuses() throws Exception {
        Map<String, Integer> statuses = new HashMap<>();
        if (!Files.exists(dir.resolve("gleaner.db"))) {
            return statuses;
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gleaner.db"));
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT status, count(*) FROM entry GROUP BY status")) {
            while (rows.next()) {
                statuses.put(rows.getString(1), rows.getInt(2));
            }
        }
        return statuses;
    }
}
