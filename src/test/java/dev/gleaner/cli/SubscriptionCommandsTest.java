package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following feeds from the command line: add, list, move and remove, over a real store and loopback HTTP. */
class SubscriptionCommandsTest {
    private static final String NEWS = RssDocument.channel("开源中国资讯", "https://www.oschina.net/news")
            .item("资讯 一", "<p>一</p>", "Sat, 21 May 2022 06:05:19 GMT", "https://www.oschina.net/news/1")
            .item("资讯 二", "<p>二</p>", "Sat, 21 May 2022 07:05:19 GMT", "https://www.oschina.net/news/2").xml();
    private static final String BLOG = RssDocument.channel("博客", "https://blog.example/")
            .item("文章", "<p>文</p>", "Sat, 21 May 2022 06:05:19 GMT", "https://blog.example/1").xml();
    private static final String PAGE_WITH_TWO = """
            <!doctype html><html><head><title>开源中国</title>
            <link rel="alternate" type="application/rss+xml" title="资讯" href="/news.xml">
            <link rel="alternate" type="application/atom+xml" title="博客" href="/blog.xml">
            </head><body>首页</body></html>""";
    private static final String PAGE_WITH_ONE = """
            <!doctype html><html><head><title>博客</title>
            <link rel="alternate" type="application/rss+xml" href="../blog.xml"></head><body>x</body></html>""";
    private static final String PAGE_WITH_NONE = "<!doctype html><html><head><title>无</title></head><body>x</body></html>";
    private static final String DECLARED = """
            编程:
              开源中国:
                资讯: %s
            """;

    @TempDir
    Path dir;

    final MockWebServer server = new MockWebServer();
    Workspace workspace;

    @BeforeEach
    void setUp() throws IOException {
        Map<String, String> pages = Map.of("/news.xml", NEWS, "/blog.xml", BLOG, "/", PAGE_WITH_TWO,
                "/plain/", PAGE_WITH_NONE, "/blog/", PAGE_WITH_ONE);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = pages.get(request.getUrl().encodedPath());
                return body == null ? new MockResponse.Builder().code(404).build()
                        : new MockResponse.Builder().body(body).build();
            }
        });
        server.start();
        workspace = new Workspace(dir);
        workspace.loopbackConfig(Duration.ofSeconds(5), "{}");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private Workspace.Result gleaner(String... args) {
        return workspace.run(args);
    }

    private List<String> posts(String folder) {
        return workspace.postNames(folder);
    }

    @Nested
    class Adding {
        @Test
        void aFeedUrlIsFollowedFetchedAndPublishedAtOnce() throws IOException {
            Workspace.Result added = gleaner("add", url("/news.xml"), "--to", "编程/开源中国/资讯", "--interval", "1h");

            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(added.out()).contains("added 编程/开源中国/资讯 <- " + url("/news.xml") + ": 2 items, 2 posts written")
                    .contains("site: ");
            assertThat(posts("编程/开源中国/资讯")).containsExactly("资讯 一.md", "资讯 二.md");
            assertThat(gleaner("list").out()).contains("资讯  " + url("/news.xml")).contains("2 items  (added)");
        }

        @Test
        void aPageWithOneFeedFollowsItAndSaysWhereItWasFound() {
            Workspace.Result added = gleaner("add", url("/blog/"), "--to", "博客/例子/文章", "--no-build");

            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(added.out()).contains("found " + url("/blog.xml") + "  博客  (linked by the page)")
                    .contains("added 博客/例子/文章 <- " + url("/blog.xml") + ": 1 items, 1 posts written");
            assertThat(posts("博客/例子/文章")).containsExactly("文章.md");
        }

        @Test
        void aPageWithSeveralFeedsListsThemAndPickChoosesOne() throws IOException {
            Workspace.Result asked = gleaner("add", url("/"), "--to", "博客/例子/文章", "--no-build");

            assertThat(asked.exitCode()).isEqualTo(2);
            assertThat(asked.out()).contains("found 2 feeds at " + url("/"))
                    .contains("1. " + url("/news.xml") + "  开源中国资讯  (linked by the page)")
                    .contains("2. " + url("/blog.xml") + "  博客  (linked by the page)");
            assertThat(asked.err()).contains("choose one with --pick N");
            assertThat(gleaner("list").out()).doesNotContain("博客");

            Workspace.Result picked = gleaner("add", url("/"), "--to", "博客/例子/文章", "--pick", "2", "--no-build");

            assertThat(picked.exitCode()).as(picked.err()).isZero();
            assertThat(posts("博客/例子/文章")).containsExactly("文章.md");
            assertThat(gleaner("list", "--json").out()).contains(url("/blog.xml")).doesNotContain(url("/news.xml"));
        }

        @Test
        void aPageThatLeadsToNoFeedIsRefusedWithTheReasonAndNothingChanges() {
            Workspace.Result refused = gleaner("add", url("/plain/"), "--to", "博客/例子/文章");

            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("no feed found at " + url("/plain/"));
            assertThat(gleaner("list").out()).doesNotContain("文章");
            assertThat(workspace.posts()).doesNotExist();
        }

        @Test
        void aUrlOrAPathAlreadyFollowedIsRefusedAndNothingChanges() throws IOException {
            workspace.loopbackConfig(Duration.ofSeconds(5), DECLARED.formatted(url("/news.xml")));

            Workspace.Result sameUrl = gleaner("add", url("/news.xml"), "--to", "编程/别处/资讯");
            Workspace.Result samePath = gleaner("add", url("/blog.xml"), "--to", "编程/开源中国/资讯");

            assertThat(sameUrl.exitCode()).isEqualTo(2);
            assertThat(sameUrl.err()).contains("is already followed, as 编程/开源中国/资讯");
            assertThat(samePath.exitCode()).isEqualTo(2);
            assertThat(samePath.err()).contains("编程/开源中国/资讯 is already followed");
            assertThat(gleaner("list").out()).doesNotContain("别处").doesNotContain(url("/blog.xml"));
            assertThat(posts("编程")).isEmpty();
        }

        @Test
        void theAddressGuardHoldsAsForFetching() throws IOException {
            workspace.config("{}");

            Workspace.Result refused = gleaner("add", url("/news.xml"), "--to", "编程/开源中国/资讯");

            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("no feed found at " + url("/news.xml")).containsIgnoringCase("loopback");
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void badOptionsAreRefusedBeforeAnythingIsFetched() {
            assertThat(gleaner("add", url("/news.xml"), "--to", "编程/开源中国/资讯", "--interval", "soon").exitCode())
                    .isEqualTo(2);
            assertThat(gleaner("add", url("/news.xml"), "--to", "/").exitCode()).isEqualTo(2);
            assertThat(gleaner("add", url("/news.xml"), "--to", "编程/开源中国/资讯", "--limit", "0").exitCode())
                    .isEqualTo(2);
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Nested
    class MovingAndRemoving {
        @BeforeEach
        void addTwo() {
            assertThat(gleaner("add", url("/news.xml"), "--to", "编程/开源中国/资讯", "--no-build").exitCode()).isZero();
            assertThat(gleaner("add", url("/blog.xml"), "--to", "编程/开源中国/博客", "--no-build").exitCode()).isZero();
        }

        @Test
        void aSiteRenamedTakesItsFeedsAndPostsAlongAndNothingIsWrittenTwice() throws IOException {
            Workspace.Result moved = gleaner("move", "编程/开源中国", "编程/OSC");

            assertThat(moved.exitCode()).as(moved.err()).isZero();
            assertThat(moved.out()).contains("moved 编程/开源中国/资讯 -> 编程/OSC/资讯").contains("posts moved: 3");
            assertThat(posts("编程/开源中国")).isEmpty();
            assertThat(posts("编程/OSC/资讯")).containsExactly("资讯 一.md", "资讯 二.md");
            assertThat(Files.readString(workspace.posts().resolve("编程/OSC/资讯/资讯 一.md")))
                    .contains("- OSC");

            Workspace.Result again = gleaner("run", "--all", "--no-build");

            assertThat(again.out()).containsPattern("posts written +0\\n");
            assertThat(posts("编程/OSC/资讯")).hasSize(2);
        }

        @Test
        void itsPagesMoveOnTheSiteAndGitSeesThePostsRenamed() {
            assumeTrue(workspace.git("--version").exitCode() == 0, "skipped: no git on this machine");
            assertThat(gleaner("build").exitCode()).isZero();
            Path site = workspace.root().resolve("site/public");
            assertThat(site.resolve("c/编程/开源中国/资讯/index.html")).exists();
            workspace.git("init", "-q");
            workspace.git("add", "-A", "site/source/_posts");
            workspace.git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "posts");

            assertThat(gleaner("move", "编程/开源中国/资讯", "编程/开源中国/新闻").exitCode()).isZero();

            assertThat(site.resolve("c/编程/开源中国/新闻/index.html")).exists();
            assertThat(site.resolve("c/编程/开源中国/资讯")).doesNotExist();
            workspace.git("add", "-A", "site/source/_posts");
            assertThat(workspace.git("diff", "--cached", "-M", "--name-status").out().lines().toList())
                    .hasSize(2).allSatisfy(line -> assertThat(line).startsWith("R"));
        }

        @Test
        void aRemovedFeedIsNoLongerFetchedAndItsPostsStayUntilPruned() throws IOException {
            Workspace.Result removed = gleaner("remove", "编程/开源中国/博客");

            assertThat(removed.exitCode()).as(removed.err()).isZero();
            assertThat(removed.out()).contains("removed 编程/开源中国/博客 (" + url("/blog.xml") + ")");
            assertThat(gleaner("list").out()).doesNotContain("博客").contains("资讯");
            int before = server.getRequestCount();
            gleaner("run", "--all", "--no-build");
            assertThat(server.getRequestCount() - before).isEqualTo(1);
            assertThat(posts("编程/开源中国/博客")).containsExactly("文章.md");
        }

        @Test
        void aPathNothingIsFollowedAtIsRefused() {
            assertThat(gleaner("remove", "编程/无").exitCode()).isEqualTo(2);
            assertThat(gleaner("move", "编程/无", "编程/有").exitCode()).isEqualTo(2);
        }
    }
}
