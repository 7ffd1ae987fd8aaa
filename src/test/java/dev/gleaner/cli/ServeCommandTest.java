package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.ServeProcess;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gleaner serve} as a user runs it: its own JVM, a feed server on loopback, SIGTERM to stop. */
class ServeCommandTest {
    @TempDir
    Path dir;

    final MockWebServer feeds = new MockWebServer();
    final AtomicReference<String> feed = new AtomicReference<>(document(2));
    Workspace workspace;
    ServeProcess serve;

    @BeforeEach
    void setUp() throws IOException {
        feeds.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .body(feed.get()).build();
            }
        });
        feeds.start();
        workspace = new Workspace(dir);
        workspace.loopbackConfig(Duration.ofSeconds(5), "社交媒体:\n  知乎:\n    热榜: {url: \"" + feeds.url("/hot.xml")
                + "\", interval: 3s}\n");
        Path config = dir.resolve("gleaner.yml");
        Files.writeString(config, Files.readString(config).replace("subscriptions:",
                "schedule: {min_interval: 1s}\nsubscriptions:"));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (serve != null) {
            serve.close();
        }
        feeds.close();
    }

    private static String document(int items) {
        RssDocument document = RssDocument.channel("知乎热榜", "https://www.zhihu.com/hot");
        for (int i = 1; i <= items; i++) {
            document.item("问题 " + i, "<p>回答 " + i + "</p>", "Sat, 21 May 2022 0" + i + ":00:00 GMT",
                    "https://www.zhihu.com/question/" + i, "q" + i);
        }
        // RSSHub's <ttl> of 5 minutes would rightly hold the next fetch back past the test.
        return document.xml().replace("<ttl>5</ttl>", "");
    }

    @Test
    void pollsPublishesAsItGoesServesTheSiteAndStopsCleanlyOnSigterm() throws Exception {
        serve = ServeProcess.start(dir);

        await("the first pass writes both posts", () -> workspace.postNames("社交媒体/知乎/热榜").size() == 2);
        await("the site is built", () -> Files.isRegularFile(dir.resolve("site/public/index.html")));
        HttpResponse<String> home = serve.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("问题 1");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        feed.set(document(3));
        await("a later pass, when the feed is due again, writes the new post",
                () -> workspace.postNames("社交媒体/知乎/热榜").size() == 3);
        await("the site shows it after the builds settle", () -> serve.get("/").body().contains("问题 3"));

        HttpResponse<String> health = serve.get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(health.body()).contains("\"status\":\"ok\"").containsPattern("\"last_pass\":\"20\\d\\d-");
        String metrics = serve.get("/metrics").body();
        assertThat(metrics).containsPattern("(?m)^gleaner_feeds_fetched_total [2-9]")
                .containsPattern("(?m)^gleaner_items_published_total 3\\.0$")
                .containsPattern("(?m)^gleaner_fetch_seconds_count [2-9]")
                .containsPattern("(?m)^gleaner_build_seconds_count [1-9]")
                .contains("gleaner_queue_length");

        feed.set(document(4));
        Workspace.Result beside = workspace.run("run", "--all");
        assertThat(beside.exitCode()).as("run beside serve on the same store: " + beside).isZero();
        await("serve sees the post run wrote, and writes no second one",
                () -> serve.get("/").body().contains("问题 4"));
        assertThat(workspace.postNames("社交媒体/知乎/热榜")).hasSize(4);

        assertThat(serve.terminate(30)).as("SIGTERM ends it").isTrue();
        assertThat(statuses()).containsExactly("written", "written", "written", "written");
        assertThat(workspace.run("run", "--all").out()).contains("posts written  0");
        assertThat(workspace.postNames("社交媒体/知乎/热榜")).hasSize(4);
    }

    @Test
    void anAddressInUseIsRefusedWithTheAddressAndTheReason() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Workspace.Result result = workspace.run("serve", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).contains("cannot serve on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Workspace.Result result = workspace.run("serve", "--port", "70000");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--port 70000");
    }

    /** What the store holds of the subscriptions, for a failure's message. */
    private String subscriptions() throws Exception {
        StringBuilder said = new StringBuilder();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gleaner.db"));
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM subscription")) {
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    said.append(rows.getMetaData().getColumnName(i)).append('=').append(rows.getString(i)).append(' ');
                }
                said.append('\n');
            }
        }
        return said.toString();
    }

    private List<String> statuses() throws Exception {
        List<String> statuses = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gleaner.db"));
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT status FROM entry ORDER BY entry_key")) {
            while (rows.next()) {
                statuses.add(rows.getString(1));
            }
        }
        return statuses;
    }

    private void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            if (!serve.isAlive()) {
                throw new AssertionError("serve ended while waiting until " + what);
            }
            if (check.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 40 s: " + what + "\n" + subscriptions());
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
