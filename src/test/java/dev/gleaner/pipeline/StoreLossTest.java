package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Trees;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The posts are the memory of last resort: a store lost (a CI runner that keeps only the repository)
 * or restored from an older copy never makes a run write a second post or change a byte of one.
 */
class StoreLossTest {
    private static final String CONFIG = """
            新媒体:
              36kr:
                快讯: feeds/newsflashes.xml
            社交媒体:
              知乎:
                知乎热榜: feeds/hot.xml
            """;

    @TempDir
    Path dir;

    Workspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir);
        workspace.config(CONFIG);
        workspace.write("feeds/hot.xml", hotlist(4));
        workspace.write("feeds/newsflashes.xml", newsflashes(false));
    }

    /** A hot list: dated items, two of which share a title. */
    private static String hotlist(int items) {
        RssDocument feed = RssDocument.channel("知乎热榜", "https://www.zhihu.com/billboard");
        for (int i = items; i >= 1; i--) {
            String title = i <= 2 ? "同一个问题？" : "问题 " + i + "：为什么？";
            feed.item(title, "<p>回答 " + i + "</p>", String.format("Sat, %02d May 2022 06:05:19 GMT", i),
                    "https://www.zhihu.com/question/" + i);
        }
        return feed.xml();
    }

    /**
     * News flashes as 36kr's RSSHub route gives them: most without a date (a post then carries the time it
     * was first seen), two undated ones with one title, one with neither guid nor link.
     */
    private static String newsflashes(boolean later) {
        RssDocument feed = RssDocument.channel("36氪 - 快讯", "https://36kr.com/newsflashes");
        if (later) {
            feed.item("后来的快讯", "<p>后来</p>", null, "https://36kr.com/newsflashes/9");
        }
        feed.item("多家银行下调大额存单利率", "<p>利率</p>", null, "https://36kr.com/newsflashes/1");
        feed.item("午间快讯", "<p>午间一</p>", null, "https://36kr.com/newsflashes/2");
        feed.item("午间快讯", "<p>午间二</p>", null, "https://36kr.com/newsflashes/3");
        feed.item("没有链接的快讯", "<p>无链接</p>", null, null, null);
        feed.item("有日期的快讯", "<p>有日期</p>", "Sun, 01 May 2022 08:00:00 GMT", "https://36kr.com/newsflashes/5");
        return feed.xml();
    }

    private Workspace.Result run(String... args) {
        Workspace.Result result = workspace.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    private void deleteStore() throws IOException {
        for (String name : new String[] {"gleaner.db", "gleaner.db-wal", "gleaner.db-shm"}) {
            Files.deleteIfExists(dir.resolve(name));
        }
    }


    /** Undated posts carry the second they were first seen: a later run would write another date. */
    private static void aSecondPasses() throws InterruptedException {
        Thread.sleep(1_100);
    }

    @Nested
    class WhenTheStoreIsDeleted {
        @Test
        void aRunWritesNoSecondPostAndChangesNoByteOfOne() throws Exception {
            run("run");
            Map<String, Workspace.FileState> posts = Workspace.snapshot(workspace.posts());
            assertThat(posts).hasSize(9).containsKey("新媒体/36kr/快讯/多家银行下调大额存单利率.md");
            deleteStore();
            aSecondPasses();

            Workspace.Result again = run("run");

            assertThat(Workspace.snapshot(workspace.posts())).as("bytes and modification times")
                    .isEqualTo(posts);
            assertThat(again.out()).contains("adopted 9 posts already in").contains("posts written  0")
                    .contains("posts kept     9");
        }

        @Test
        void theSiteShowsWhatThePostsSay() throws Exception {
            run("run");
            Map<String, String> site = Trees.contents(dir.resolve("site/public"));
            deleteStore();
            aSecondPasses();

            run("run");

            Map<String, String> after = Trees.contents(dir.resolve("site/public"));
            assertThat(after.keySet()).isEqualTo(site.keySet());
            site.forEach((file, text) -> assertThat(after.get(file)).as(file).isEqualTo(text));
        }

        @Test
        void laterRunsPublishOnlyWhatIsNew() throws Exception {
            run("run");
            deleteStore();
            run("run");
            workspace.write("feeds/newsflashes.xml", newsflashes(true));

            Workspace.Result later = run("run", "--all");

            assertThat(later.out()).contains("posts written  1");
            assertThat(workspace.posts().resolve("新媒体/36kr/快讯/后来的快讯.md")).isRegularFile();
            try (Stream<Path> files = Files.walk(workspace.posts())) {
                assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(10);
            }
        }
    }

    @Nested
    class WhenAnOlderStoreIsRestored {
        @Test
        void thePostsItDoesNotKnowAreKeptNotDoubled() throws Exception {
            run("run");
            Path older = dir.resolve("older.db");
            Files.copy(dir.resolve("gleaner.db"), older);
            workspace.write("feeds/newsflashes.xml", newsflashes(true));
            aSecondPasses();
            run("run", "--all");
            Map<String, Workspace.FileState> posts = Workspace.snapshot(workspace.posts());
            assertThat(posts).containsKey("新媒体/36kr/快讯/后来的快讯.md");
            deleteStore();
            Files.copy(older, dir.resolve("gleaner.db"), StandardCopyOption.REPLACE_EXISTING);
            aSecondPasses();

            Workspace.Result again = run("run", "--all");

            assertThat(Workspace.snapshot(workspace.posts())).isEqualTo(posts);
            assertThat(again.out()).contains("posts written  0").contains("posts kept     1");
        }
    }
}
