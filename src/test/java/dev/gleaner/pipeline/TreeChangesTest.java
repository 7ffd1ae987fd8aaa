package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.store.Store;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A category tree that changes: subscriptions that move, leave, come back, and items that are corrected. */
class TreeChangesTest {
    private static final String TREE = """
            新媒体:
              36kr:
                快讯: feeds/36kr.xml
            社交媒体:
              知乎:
                知乎热榜: feeds/hot.xml
            """;
    private static final String RENAMED = """
            新闻媒体:
              36氪:
                快讯: feeds/36kr.xml
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
        workspace.write("feeds/36kr.xml", feed("36氪", "https://36kr.com/newsflashes/", 3, "快讯"));
        workspace.write("feeds/hot.xml", feed("知乎热榜", "https://www.zhihu.com/question/", 2, "问题"));
        workspace.config(TREE);
    }

    private static String feed(String title, String link, int items, String word) {
        RssDocument feed = RssDocument.channel(title, link);
        for (int i = items; i >= 1; i--) {
            feed.item(word + " " + i, "<p>" + word + "正文 " + i + "</p>",
                    String.format("Sat, %02d May 2022 06:05:19 GMT", i), link + i);
        }
        return feed.xml();
    }

    private Workspace.Result run(String... args) {
        Workspace.Result result = workspace.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    private List<String> posts() throws IOException {
        try (Stream<Path> files = Files.walk(workspace.posts())) {
            return files.filter(Files::isRegularFile).map(file -> workspace.posts().relativize(file).toString())
                    .sorted().toList();
        }
    }

    private Path site(String relative) {
        return dir.resolve("site/public").resolve(relative);
    }

    @Nested
    class WhenASubscriptionMoves {
        @Test
        void itsPostsMoveWithTheirCategoriesRewrittenAndNothingIsPublishedTwice() throws Exception {
            run("run");
            String before = Files.readString(workspace.posts().resolve("新媒体/36kr/快讯/快讯 1.md"));
            workspace.config(RENAMED);

            Workspace.Result moved = run("run", "--all");

            assertThat(moved.out()).contains("moved 新媒体/36kr/快讯 -> 新闻媒体/36氪/快讯 (3 posts)")
                    .contains("posts written  0").contains("posts moved    3");
            assertThat(posts()).containsExactly("新闻媒体/36氪/快讯/快讯 1.md", "新闻媒体/36氪/快讯/快讯 2.md",
                    "新闻媒体/36氪/快讯/快讯 3.md", "社交媒体/知乎/知乎热榜/问题 1.md", "社交媒体/知乎/知乎热榜/问题 2.md");
            assertThat(workspace.posts().resolve("新媒体")).doesNotExist();
            String after = Files.readString(workspace.posts().resolve("新闻媒体/36氪/快讯/快讯 1.md"));
            assertThat(after).isEqualTo(before.replace(" - 新媒体\n - 36kr\n", " - 新闻媒体\n - 36氪\n")
                    .replace("author: 36kr\n", "author: 36氪\n"));
        }

        @Test
        void itsPagesMoveOnTheSiteAndTheOldOnesGo() throws Exception {
            run("run");
            assertThat(site("c/新媒体/36kr/快讯/index.html")).isRegularFile();
            workspace.config(RENAMED);

            run("run");

            assertThat(site("c/新闻媒体/36氪/快讯/index.html")).isRegularFile();
            assertThat(site("c/新媒体")).doesNotExist();
            assertThat(Files.readString(site("c/新闻媒体/36氪/快讯/index.html"))).contains("快讯 3");
        }

        @Test
        void gitSeesRenamesNotCopies() throws Exception {
            assumeTrue(workspace.git("--version").exitCode() == 0, "skipped: no git on this machine");
            run("run");
            workspace.git("init", "-q");
            workspace.git("add", "-A", "site/source/_posts");
            workspace.git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "posts");
            workspace.config(RENAMED);

            run("run");

            workspace.git("add", "-A", "site/source/_posts");
            List<String> status = workspace.git("diff", "--cached", "-M", "--name-status").out().lines().toList();
            assertThat(status).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("R"));
        }

        @Test
        void aMoveInterruptedBeforeItsFilesFollowedIsFinishedByTheNextRun() throws Exception {
            run("run");
            Path config = workspace.config(RENAMED);
            // The store records the move first; a run killed then leaves every file where it was.
            try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"))) {
                store.subscriptions().reconcileAll(new ConfigLoader().load(config).subscriptions(), Instant.now());
            }
            assertThat(posts()).filteredOn(path -> path.startsWith("新媒体/36kr/快讯/")).hasSize(3);

            Workspace.Result next = run("run");

            assertThat(posts()).filteredOn(path -> path.startsWith("新闻媒体/36氪/快讯/")).hasSize(3);
            assertThat(posts()).hasSize(5);
            assertThat(next.out()).contains("posts written  0");
        }
    }

    @Nested
    class WhenASubscriptionIsRemoved {
        @Test
        void itIsRetiredWithItsPostsAndPagesKept() throws Exception {
            run("run");
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n");

            Workspace.Result retired = run("run");

            assertThat(retired.out()).contains("retired 新媒体/36kr/快讯: no longer in the configuration; its 3 posts"
                    + " stay until gleaner prune 新媒体/36kr/快讯");
            assertThat(posts()).hasSize(5);
            assertThat(site("c/新媒体/36kr/快讯/index.html")).isRegularFile();
            String status = run("status").out();
            assertThat(status).containsPattern("新媒体/36kr/快讯 \\(retired\\) +3 ");
            JsonNode row = jsonRow(run("status", "--json").out(), "新媒体/36kr/快讯");
            assertThat(row.get("retired").asBoolean()).isTrue();
            assertThat(row.get("posts").asInt()).isEqualTo(3);
        }

        @Test
        void pruneRemovesItsPostsPagesAndRowsAndSaysWhat() throws Exception {
            run("run");
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n");
            run("run");

            Workspace.Result pruned = run("prune", "新媒体");

            assertThat(pruned.out()).contains("pruned 新媒体/36kr/快讯: 3 posts, 3 items");
            assertThat(posts()).containsExactly("社交媒体/知乎/知乎热榜/问题 1.md", "社交媒体/知乎/知乎热榜/问题 2.md");
            assertThat(workspace.posts().resolve("新媒体")).doesNotExist();
            assertThat(site("c/新媒体")).doesNotExist();
            assertThat(run("status").out()).doesNotContain("新媒体");
            assertThat(Files.readString(site("index.html"))).doesNotContain("快讯 1");
        }

        @Test
        void pruneRefusesASubscriptionTheConfigurationStillDeclares() {
            run("run");

            Workspace.Result refused = workspace.run("prune", "社交媒体/知乎");

            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("no retired subscription is at or below it")
                    .contains("社交媒体/知乎/知乎热榜 still in");
        }

        @Test
        void aRetiredSubscriptionDeclaredAgainComesBackWithItsPosts() throws Exception {
            run("run");
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n");
            run("run");
            workspace.config(TREE);

            Workspace.Result back = run("run", "--all");

            assertThat(back.out()).contains("restored 新媒体/36kr/快讯").contains("posts written  0");
            assertThat(posts()).hasSize(5);
        }
    }

    @Nested
    class WhenAFeedCorrectsAnItem {
        private static final String CORRECTED = "<p>快讯正文 1（更正）</p>";

        private void correctFirstItem() {
            workspace.write("feeds/36kr.xml", feed("36氪", "https://36kr.com/newsflashes/", 3, "快讯")
                    .replace("<p>快讯正文 1</p>", CORRECTED));
        }

        @Test
        void byDefaultTheFirstVersionStaysInThePostAndOnTheSite() throws Exception {
            run("run");
            Map<String, Workspace.FileState> before = Workspace.snapshot(dir.resolve("site"));
            correctFirstItem();

            Workspace.Result again = run("run", "--all");

            assertThat(Workspace.snapshot(dir.resolve("site"))).isEqualTo(before);
            assertThat(again.out()).doesNotContain("items updated");
        }

        @Test
        void withUpdateTheCorrectionIsWrittenToThePostAndTheSite() throws Exception {
            workspace.config(TREE.replace("快讯: feeds/36kr.xml", "快讯: {url: feeds/36kr.xml, update: true}"));
            run("run");
            List<String> names = posts();
            correctFirstItem();

            Workspace.Result again = run("run", "--all");

            assertThat(again.out()).contains("items updated  1").contains("posts written  1");
            assertThat(posts()).isEqualTo(names);
            assertThat(Files.readString(workspace.posts().resolve("新媒体/36kr/快讯/快讯 1.md"))).contains(CORRECTED);
            try (Stream<Path> pages = Files.walk(site("item"))) {
                assertThat(pages.filter(Files::isRegularFile).filter(page -> read(page).contains("（更正）")).count())
                        .isEqualTo(1);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode jsonRow(String lines, String path) throws IOException {
        for (String line : lines.lines().toList()) {
            JsonNode row = new ObjectMapper().readTree(line);
            if (row.get("path").asText().equals(path)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + path + " in " + lines);
    }
}
