package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds that fail over real HTTP on loopback: each fails alone, says why, and the others go on. */
class RunFailuresTest {
    private static final String FEED = RssDocument.channel("掘金", "https://juejin.cn/frontend")
            .item("Vue 3 响应式原理", "<p>正文</p>", "Tue, 20 Jul 2021 03:53:41 GMT", "https://juejin.cn/post/1")
            .item("CSS 容器查询", "<p>正文</p>", "Mon, 19 Jul 2021 03:53:41 GMT", "https://juejin.cn/post/2")
            .xml();

    @TempDir
    Path dir;

    MockWebServer server = new MockWebServer();
    Workspace workspace;

    @BeforeEach
    void setUp() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String etag = "\"v1\"";
                return switch (request.getUrl().encodedPath()) {
                    case "/ok.xml" -> etag.equals(request.getHeaders().get("If-None-Match"))
                            ? new MockResponse.Builder().code(304).build()
                            : new MockResponse.Builder().setHeader("ETag", etag)
                                    .setHeader("Content-Type", "application/rss+xml; charset=utf-8").body(FEED).build();
                    case "/slow.xml" -> new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body(FEED).build();
                    case "/broken.xml" -> new MockResponse.Builder().body("this is\nnot a feed").build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        server.start();
        workspace = new Workspace(dir);
        workspace.config("""
                编程:
                  掘金:
                    前端: %s
                    超时: %s
                    丢失: %s
                    坏的: %s
                    无主: http://no-such-host.invalid/feed.xml
                """.formatted(server.url("/ok.xml"), server.url("/slow.xml"), server.url("/missing.xml"),
                server.url("/broken.xml")));
        workspace.write("gleaner.yml", java.nio.file.Files.readString(dir.resolve("gleaner.yml"))
                .replace("subscriptions:", "fetch: {timeout: 1s, allow: [localhost, 127.0.0.1]}\nsubscriptions:"));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void eachBrokenFeedFailsAloneWithItsReasonInTheSummaryAndTheStore() {
        Workspace.Result result = workspace.run("run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("fetched        1").contains("failed         4").contains("posts written  2");
        assertThat(result.out())
                .contains("编程/掘金/超时: timed out after 1 s")
                .contains("编程/掘金/丢失: HTTP 404 Not Found")
                .contains("编程/掘金/坏的: not well-formed XML at line 1")
                .contains("编程/掘金/无主: unknown host no-such-host.invalid");
        assertThat(result.err().lines().filter(line -> line.startsWith("gleaner: 编程/掘金/")).count()).isEqualTo(4);
        assertThat(workspace.posts().resolve("编程/掘金/前端/Vue 3 响应式原理.md")).isRegularFile();

        Map<String, SubscriptionState> states = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"))
                .subscriptions().all().stream().collect(Collectors.toMap(SubscriptionState::path, Function.identity()));
        assertThat(states.get("编程/掘金/前端").health().lastError()).isEmpty();
        assertThat(states.get("编程/掘金/前端").validators().etag()).contains("\"v1\"");
        assertThat(states.get("编程/掘金/丢失").health().lastError()).isEqualTo("HTTP 404 Not Found");
        assertThat(states.get("编程/掘金/丢失").health().consecutiveFailures()).isEqualTo(1);
        assertThat(states.get("编程/掘金/超时").health().lastError()).startsWith("timed out");
        assertThat(states.get("编程/掘金/坏的").health().lastError()).startsWith("not well-formed XML");
        assertThat(states.get("编程/掘金/无主").health().lastError()).startsWith("unknown host");
    }

    @Test
    void aSecondRunIsAnsweredNotModifiedAndCountsFailuresAgain() {
        workspace.run("run");

        Workspace.Result second = workspace.run("run", "--all");

        assertThat(second.out()).contains("not modified   1").contains("posts written  0");
        SubscriptionState missing = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"))
                .subscriptions().find("编程/掘金/丢失").orElseThrow();
        assertThat(missing.health().consecutiveFailures()).isEqualTo(2);
    }
}
