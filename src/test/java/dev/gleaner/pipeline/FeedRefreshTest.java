package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.ConfigException;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.store.SubscriptionState;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One subscription refreshed as a unit: its posts are out as soon as its own fetch is done. */
class FeedRefreshTest {
    private static final String QUICK = RssDocument.channel("快", "https://quick.example/")
            .item("快讯 一", "<p>一</p>", "Sat, 21 May 2022 06:05:19 GMT", "https://quick.example/1")
            .item("快讯 二", "<p>二</p>", "Sat, 21 May 2022 07:05:19 GMT", "https://quick.example/2").xml();
    private static final String SLOW = RssDocument.channel("慢", "https://slow.example/")
            .item("长文", "<p>长</p>", "Sat, 21 May 2022 06:05:19 GMT", "https://slow.example/1").xml();

    @TempDir
    Path dir;

    final MockWebServer server = new MockWebServer();
    /** Holds the slow feed's answer back until the test lets it go: a hang a real server is not made to do. */
    final CountDownLatch slowMayAnswer = new CountDownLatch(1);
    Workspace workspace;

    @BeforeEach
    void setUp() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getUrl().encodedPath();
                if (path.equals("/slow.xml")) {
                    slowMayAnswer.await(10, TimeUnit.SECONDS);
                    return new MockResponse.Builder().body(SLOW).build();
                }
                return new MockResponse.Builder().setHeader("ETag", "\"q1\"")
                        .code(request.getHeaders().get("If-None-Match") != null ? 304 : 200)
                        .body(request.getHeaders().get("If-None-Match") != null ? "" : QUICK).build();
            }
        });
        server.start();
        workspace = new Workspace(dir);
        workspace.loopbackConfig(Duration.ofSeconds(20), """
                新闻:
                  快站:
                    快讯: %s
                  慢站:
                    长文: %s
                """.formatted(server.url("/quick.xml"), server.url("/slow.xml")));
    }

    @AfterEach
    void tearDown() {
        slowMayAnswer.countDown();
        server.close();
    }

    private Gleaner gleaner() throws ConfigException {
        return new Gleaner(new ConfigLoader().load(dir.resolve("gleaner.yml")), InstantSource.system());
    }

    private List<String> posts(String folder) {
        return workspace.postNames(folder);
    }

    @Test
    void aPassPublishesAFeedWhileASlowerOneIsStillBeingFetched() throws ConfigException {
        List<List<String>> quickPostsWhenDone = new ArrayList<>();
        List<List<String>> slowPostsWhenDone = new ArrayList<>();
        try (Gleaner gleaner = gleaner()) {
            RunSummary summary = gleaner.pass().run(RunOptions.due(), (done, total) -> {
                quickPostsWhenDone.add(posts("新闻/快站/快讯"));
                slowPostsWhenDone.add(posts("新闻/慢站/长文"));
                slowMayAnswer.countDown();
            });

            assertThat(summary.posts().written()).isEqualTo(3);
        }
        assertThat(quickPostsWhenDone.get(0)).hasSize(2);
        assertThat(slowPostsWhenDone.get(0)).isEmpty();
        assertThat(slowPostsWhenDone.get(1)).hasSize(1);
    }

    @Test
    void oneSubscriptionRefreshedOnItsOwnIsRecordedAndPublishedAndTheOthersAreLeftAlone() throws ConfigException {
        slowMayAnswer.countDown();
        try (Gleaner gleaner = gleaner()) {
            SubscriptionState quick = gleaner.reconcile().states().stream()
                    .filter(state -> state.path().equals("新闻/快站/快讯")).findFirst().orElseThrow();

            FeedOutcome first = gleaner.refresh().refresh(quick);

            assertThat(first.fetch()).isEqualTo(FeedOutcome.Fetch.NEW_BODY);
            assertThat(first.recorded().added()).isEqualTo(2);
            assertThat(first.posts().written()).isEqualTo(2);
            assertThat(posts("新闻/快站/快讯")).hasSize(2);
            assertThat(posts("新闻/慢站/长文")).isEmpty();
            SubscriptionState after = gleaner.store().subscriptions().find(quick.path()).orElseThrow();
            assertThat(after.health().nextDue()).isPresent();

            FeedOutcome second = gleaner.refresh().refresh(after);

            assertThat(second.fetch()).isEqualTo(FeedOutcome.Fetch.NOT_MODIFIED);
            assertThat(second.posts().written()).isZero();
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
