package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {
    @TempDir
    Path dir;

    Workspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir);
    }

    private static String hotlist(int items) {
        RssDocument feed = RssDocument.channel("知乎热榜", "https://www.zhihu.com/billboard");
        for (int i = items; i >= 1; i--) {
            feed.item("问题 " + i + "：为什么？", "<p data-pid=\"p" + i + "\">回答 " + i + "</p>",
                    String.format("Sat, %02d May 2022 06:05:19 GMT", i), "https://www.zhihu.com/question/" + i);
        }
        return feed.xml();
    }

    private long posts() throws Exception {
        try (Stream<Path> files = Files.walk(workspace.posts())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Nested
    class OnAFirstRun {
        @Test
        void writesOnePostPerItemUnderTheCategoryPath() throws Exception {
            workspace.write("feeds/hot.xml", hotlist(3));
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n");

            Workspace.Result result = workspace.run("run");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(workspace.posts().resolve("社交媒体/知乎/知乎热榜/问题 2：为什么？.md")).isRegularFile();
            assertThat(posts()).isEqualTo(3);
            assertThat(result.out()).contains("fetched        1").contains("posts written  3")
                    .contains("items seen     3 (3 new)");
        }

        @Test
        void publishesOnlyTheNewestBacklogItemsOfANewSubscription() throws Exception {
            workspace.write("feeds/hot.xml", hotlist(30));
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n");
            Files.writeString(dir.resolve("gleaner.yml"),
                    Files.readString(dir.resolve("gleaner.yml")).replace("subscriptions:", "backlog: 5\nsubscriptions:"));

            workspace.run("run");

            assertThat(posts()).isEqualTo(5);
            assertThat(workspace.posts().resolve("社交媒体/知乎/知乎热榜/问题 30：为什么？.md")).isRegularFile();
            assertThat(workspace.posts().resolve("社交媒体/知乎/知乎热榜/问题 25：为什么？.md")).doesNotExist();
        }

        @Test
        void takesOnlyLimitItemsOfEachFetch() throws Exception {
            workspace.write("feeds/hot.xml", hotlist(10));
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: {url: feeds/hot.xml, limit: 4}\n");

            workspace.run("run");

            assertThat(posts()).isEqualTo(4);
        }
    }

    @Nested
    class OnASecondRun {
        @Test
        void overUnchangedFeedsWritesNoFileAndLeavesTheTreeIdentical() throws Exception {
            workspace.write("feeds/hot.xml", hotlist(5));
            workspace.write("feeds/other.xml", hotlist(2).replace("知乎热榜", "日报"));
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n    知乎日报: feeds/other.xml\n");
            workspace.run("run");
            Map<String, Workspace.FileState> before = Workspace.snapshot(workspace.posts());

            Workspace.Result second = workspace.run("run", "--all");

            assertThat(second.out()).contains("posts written  0").contains("not modified   2");
            assertThat(Workspace.snapshot(workspace.posts())).isEqualTo(before);
        }

        @Test
        void whenTheFeedChangedButItsItemsDidNotWritesNothing() throws Exception {
            workspace.write("feeds/hot.xml", hotlist(5));
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n");
            workspace.run("run");
            Map<String, Workspace.FileState> before = Workspace.snapshot(workspace.posts());
            workspace.write("feeds/hot.xml", hotlist(5).replace("<ttl>5</ttl>", "<ttl>10</ttl>"));

            Workspace.Result second = workspace.run("run", "--all");

            assertThat(second.out()).contains("fetched        1").contains("posts written  0");
            assertThat(Workspace.snapshot(workspace.posts())).isEqualTo(before);
        }

        @Test
        void writesOnlyTheItemsThatAreNew() throws Exception {
            workspace.write("feeds/hot.xml", hotlist(3));
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n");
            workspace.run("run");
            workspace.write("feeds/hot.xml", hotlist(5));

            Workspace.Result second = workspace.run("run", "--all");

            assertThat(second.out()).contains("items seen     5 (2 new)").contains("posts written  2");
            assertThat(posts()).isEqualTo(5);
        }

        @Test
        void publishesAnEntryThatAnInterruptedRunRecordedButDidNotWrite() throws Exception {
            workspace.write("feeds/hot.xml", hotlist(2));
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n");
            workspace.run("run");
            Path post = workspace.posts().resolve("社交媒体/知乎/知乎热榜/问题 1：为什么？.md");
            String written = Files.readString(post);
            Files.delete(post);
            Store store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"));
            // As if the run had been killed between reserving the path and writing the file.
            try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gleaner.db"));
                    var statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE entry SET status = 'pending', written_at = NULL WHERE title LIKE '问题 1%'");
            }
            assertThat(store.entries().pending()).hasSize(1);

            Workspace.Result again = workspace.run("run");

            assertThat(again.out()).contains("posts written  1");
            assertThat(Files.readString(post)).isEqualTo(written);
            assertThat(posts()).isEqualTo(2);
            assertThat(store.entries().pending()).isEmpty();
        }
    }

    @Nested
    class WhenNothingIsDue {
        @Test
        void aSecondRunSoonAfterFetchesNothingAndSaysSo() throws Exception {
            workspace.write("feeds/hot.xml", hotlist(2));
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n    知乎日报: {url: feeds/hot.xml, interval: 1h}\n");
            workspace.run("run");
            Map<String, Workspace.FileState> before = Workspace.snapshot(workspace.posts());

            Workspace.Result second = workspace.run("run");

            assertThat(second.out()).contains("not due        2").contains("fetched        0")
                    .contains("not modified   0");
            assertThat(Workspace.snapshot(workspace.posts())).isEqualTo(before);
        }
    }

    @Nested
    class WithStrict {
        @Test
        void exitsOneWhenAFeedFailedAndZeroWithout() {
            workspace.write("feeds/hot.xml", hotlist(1));
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n    知乎日报: feeds/missing.xml\n");

            assertThat(workspace.run("run").exitCode()).isZero();
            assertThat(workspace.run("run", "--all", "--strict").exitCode()).isEqualTo(1);
        }
    }

    @Nested
    class WithOnly {
        @Test
        void fetchesOnlyTheNamedSubtree() throws Exception {
            workspace.write("feeds/hot.xml", hotlist(2));
            workspace.write("feeds/other.xml", hotlist(3));
            workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feeds/hot.xml\n编程:\n  掘金:\n    前端: feeds/other.xml\n");

            Workspace.Result result = workspace.run("run", "--only", "社交媒体/知乎");

            assertThat(result.out()).startsWith("1 feeds");
            assertThat(workspace.posts().resolve("社交媒体")).isDirectory();
            assertThat(workspace.posts().resolve("编程")).doesNotExist();
            try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"))) {
                assertThat(store.subscriptions().all())
                        .filteredOn(state -> state.health().lastAttempt().isPresent())
                        .extracting(SubscriptionState::path).containsExactly("社交媒体/知乎/知乎热榜");
            }
        }
    }

    @Nested
    class WithItemsThatOnlyTheirBodyTellsApart {
        @Test
        void eachIsItsOwnPostAndTheRunSaysSo() throws Exception {
            workspace.write("feeds/bare.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>无名</title><link>https://example.org/</link>
                    <item><description>第一条</description></item>
                    <item><description>第二条</description></item>
                    <item><description>第二条</description></item>
                    </channel></rss>
                    """);
            workspace.config("a:\n  b:\n    c: feeds/bare.xml\n");

            Workspace.Result result = workspace.run("run");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(posts()).isEqualTo(2);
            assertThat(result.err()).contains("a/b/c: 2 items have no guid, link, title or date: each is told apart"
                    + " by its body").contains("a/b/c: 1 item repeats an item above it exactly (its guid or link,"
                    + " title and body), and is left out");
        }
    }
}
