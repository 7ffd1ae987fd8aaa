package dev.gleaner.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.config.Subscription;
import dev.gleaner.pipeline.ProgressListener;
import dev.gleaner.pipeline.RunOptions;
import dev.gleaner.store.Account;
import dev.gleaner.store.SubscriptionState;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's feeds page over real HTTP: adding by a web page's feeds, removing, OPML in and out. */
class ReaderFeedsTest {
    @TempDir
    Path dir;

    final MockWebServer site = new MockWebServer();
    final AtomicInteger wakes = new AtomicInteger();
    final Map<String, Integer> fetched = new ConcurrentHashMap<>();
    Gleaner gleaner;
    WebServer server;
    ReaderBrowser browser;
    String token;

    @BeforeEach
    void start() throws Exception {
        site.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                fetched.merge(path, 1, Integer::sum);
                if (path.equals("/blog/")) {
                    return new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8").body("""
                            <!DOCTYPE html><html><head><title>一个博客</title>
                            <link rel="alternate" type="application/rss+xml" title="文章" href="/blog/posts.xml">
                            <link rel="alternate" type="application/atom+xml" title="评论" href="/blog/comments.xml">
                            </head><body><p>你好</p></body></html>""").build();
                }
                if (path.endsWith(".xml")) {
                    RssDocument feed = RssDocument.channel("博客" + path, "https://example.org" + path);
                    feed.item("第一篇", "<p>正文</p>", "Sat, 21 May 2022 01:00:00 GMT", "https://example.org/1", "1");
                    return new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                            .body(feed.xml()).build();
                }
                return new MockResponse.Builder().code(404).body("no such page").build();
            }
        });
        site.start();
        new Workspace(dir).loopbackConfig(Duration.ofSeconds(5), "{}");
        gleaner = new Gleaner(new ConfigLoader().load(dir.resolve("gleaner.yml")), InstantSource.system());
        gleaner.store().account().set(new Account("admin", Passwords.hash("correct horse"), Instant.now()));
        server = WebServer.start("127.0.0.1", 0, gleaner, new ServerMetrics(InstantSource.system()),
                wakes::incrementAndGet);
        browser = new ReaderBrowser(server.port());
        token = browser.signIn("correct horse");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        gleaner.close();
        site.close();
    }

    @Test
    void aWebPageWithTwoFeedsAsksWhichThenFollowsThePickedOneDueAtOnce() throws Exception {
        String page = site.url("/blog/").toString();
        HttpResponse<String> asked = browser.post("/app/feeds/add", Map.of("csrf", token, "url", page,
                "to", "博客/一个博客/文章"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("有 2 个源").contains("value=\"" + site.url("/blog/posts.xml") + "\"")
                .contains("博客/blog/comments.xml");
        assertThat(gleaner.store().subscriptions().followed()).isEmpty();

        HttpResponse<String> added = browser.post("/app/feeds/add", Map.of("csrf", token, "url", page,
                "to", "博客/一个博客/文章", "pick", site.url("/blog/posts.xml").toString(), "interval", "2h"));
        assertThat(added.statusCode()).isEqualTo(303);
        SubscriptionState followed = gleaner.store().subscriptions().followed().get(0);
        assertThat(followed.path()).isEqualTo("博客/一个博客/文章");
        assertThat(followed.url().text()).isEqualTo(site.url("/blog/posts.xml").toString());
        assertThat(followed.subscription().interval()).isEqualTo(Duration.ofHours(2));
        assertThat(followed.subscription().author()).isEqualTo("一个博客");
        assertThat(followed.health().nextDue().orElse(Instant.EPOCH)).isBeforeOrEqualTo(Instant.now());
        assertThat(wakes.get()).isEqualTo(1);
        assertThat(browser.get("/app/feeds").body()).contains("博客/一个博客/文章");

        HttpResponse<String> again = browser.post("/app/feeds/add", Map.of("csrf", token,
                "url", site.url("/blog/posts.xml").toString(), "to", "博客/别处/文章"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already followed");
    }

    private List<String> posts(String path) throws Exception {
        Path folder = gleaner.config().site().postsDir().resolve(path);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** How many times the local server was asked for {@code path} so far. */
    private int asked(String path) {
        return fetched.getOrDefault(path, 0);
    }

    @Test
    void aPausedFeedIsNotFetchedUntilResumedAndAnAddedOneIsEditedAndMoved() throws Exception {
        String url = site.url("/blog/posts.xml").toString();
        browser.post("/app/feeds/add", Map.of("csrf", token, "url", url, "to", "博客/一个博客/文章"));
        long id = gleaner.store().subscriptions().followed().get(0).id();

        assertThat(browser.post("/app/feeds/pause", Map.of("csrf", token, "id", Long.toString(id), "paused", "true"))
                .statusCode()).isEqualTo(303);
        assertThat(gleaner.store().subscriptions().followed().get(0).paused()).isTrue();
        assertThat(browser.get("/app/feeds").body()).contains("（已暂停）").contains("恢复");
        int before = asked("/blog/posts.xml");
        gleaner.pass().run(new RunOptions(List.of(), true), ProgressListener.NONE);
        assertThat(asked("/blog/posts.xml")).as("a paused feed, even with --all").isEqualTo(before);

        browser.post("/app/feeds/pause", Map.of("csrf", token, "id", Long.toString(id), "paused", "false"));
        assertThat(gleaner.store().subscriptions().followed().get(0).paused()).isFalse();
        gleaner.pass().run(RunOptions.due(), ProgressListener.NONE);
        assertThat(asked("/blog/posts.xml")).as("resumed, it is due at once").isEqualTo(before + 1);

        assertThat(browser.post("/app/feeds/edit", Map.of("csrf", token, "id", Long.toString(id), "interval", "2h",
                "limit", "5", "author", "某人", "update", "true")).statusCode()).isEqualTo(303);
        Subscription edited = gleaner.store().subscriptions().followed().get(0).subscription();
        assertThat(edited.interval()).isEqualTo(Duration.ofHours(2));
        assertThat(edited.limit()).hasValue(5);
        assertThat(edited.author()).isEqualTo("某人");
        assertThat(edited.update()).isTrue();
        assertThat(browser.post("/app/feeds/edit", Map.of("csrf", token, "id", Long.toString(id), "interval", "soon"))
                .statusCode()).isEqualTo(400);

        // Moved, the store has the new path at once, and the next pass moves its post.
        List<String> written = posts("博客/一个博客/文章");
        assertThat(written).hasSize(1);
        assertThat(browser.post("/app/feeds/move", Map.of("csrf", token, "path", "博客/一个博客/文章",
                "to", "博客/天气/文章")).statusCode()).isEqualTo(303);
        assertThat(gleaner.store().subscriptions().followed().get(0).path()).isEqualTo("博客/天气/文章");
        gleaner.pass().run(RunOptions.due(), ProgressListener.NONE);
        assertThat(posts("博客/天气/文章")).isEqualTo(written);
        assertThat(posts("博客/一个博客/文章")).isEmpty();
        assertThat(gleaner.store().subscriptions().followed().get(0).subscription().interval())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theServersOwnFilesAndPagesWithoutFeedsAreRefusedWithTheReason() throws Exception {
        for (String url : new String[] {"file:///etc/passwd", "/etc/passwd", "ftp://example.org/feed"}) {
            HttpResponse<String> refused = browser.post("/app/feeds/add", Map.of("csrf", token, "url", url,
                    "to", "a/b/c"));
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(refused.body()).as(url).contains("只接受");
        }
        HttpResponse<String> none = browser.post("/app/feeds/add", Map.of("csrf", token,
                "url", site.url("/nothing").toString(), "to", "a/b/c"));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains(site.url("/nothing").toString());
        assertThat(browser.post("/app/feeds/add", Map.of("url", site.url("/blog/posts.xml").toString(),
                "to", "a/b/c")).statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(gleaner.store().subscriptions().followed()).isEmpty();
    }

    @Test
    void anUploadedOpmlFileIsImportedExportedAndRemovedFrom() throws Exception {
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>订阅</title></head><body>
                  <outline text="编程"><outline text="博客">
                    <outline type="rss" text="文章" xmlUrl="%s"/>
                    <outline type="rss" text="评论" xmlUrl="%s"/>
                  </outline></outline>
                </body></opml>""".formatted(site.url("/blog/posts.xml"), site.url("/blog/comments.xml"));
        HttpResponse<String> imported = browser.upload("/app/feeds/import", Map.of("csrf", token), "opml",
                "subscriptions.opml", opml.getBytes(UTF_8));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
        assertThat(gleaner.store().subscriptions().followed()).extracting(SubscriptionState::path)
                .containsExactlyInAnyOrder("编程/博客/文章", "编程/博客/评论");
        String location = imported.headers().firstValue("Location").orElseThrow();
        assertThat(browser.get(location).body()).contains("导入了 2 个订阅");

        assertThat(browser.get("/app/feeds/export.opml").body()).contains("xmlUrl=\"" + site.url("/blog/posts.xml"));
        assertThat(browser.get("/app/feeds/export.yml").body()).contains("编程:").contains("评论:");

        HttpResponse<String> removed = browser.post("/app/feeds/remove", Map.of("csrf", token, "path", "编程/博客/评论"));
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(gleaner.store().subscriptions().followed()).extracting(SubscriptionState::path)
                .containsExactly("编程/博客/文章");

        HttpResponse<String> broken = browser.upload("/app/feeds/import", Map.of("csrf", token), "opml", "broken.opml",
                "<opml><body><outline".getBytes(UTF_8));
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("broken.opml");
    }
}
