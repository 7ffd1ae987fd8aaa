package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An existing RSSHub-to-Hexo blog moved onto Gleaner: its posts adopted, none written a second time. */
class PostAdoptionTest {
    /** A post as the reference format writes it. */
    private static final String REFERENCE = """

            ---
            title: '为什么鸿蒙应用无法在 Android 运行？'
            categories:\s
             - 社交媒体
             - 知乎
             - 知乎热榜
            headimg: 'https://picsum.photos/400/300?random=1234'
            author: 知乎
            comments: false
            date: Sat, 21 May 2022 06:05:19 GMT
            thumbnail: 'https://picsum.photos/400/300?random=1234'
            ---

            <div>  \s
            <p>鸿蒙的回答</p> \s
            </div>
                        """;
    /** The original generator's date (its run time, Hexo's form) and a title it quoted as invalid YAML. */
    private static final String OLD_INVALID_YAML = """

            ---
            title: "Vue_ Uncaught TypeError_ 'component' of "undefined""
            categories:\s
             - 编程
             - 掘金
             - 分类
            headimg: 'https://picsum.photos/400/300?random=77'
            author: 掘金
            comments: false
            date: 2022-03-29 07:10:09
            thumbnail: 'https://picsum.photos/400/300?random=77'
            ---

            <div>  \s
            <p>报错了 <script>alert(1)</script></p> \s
            </div>
                        """;
    /** {@code Invalid Date}, as the original copied a pubDate JavaScript could not read. */
    private static final String INVALID_DATE = """

            ---
            title: '10余省水泥价格上涨'
            categories:\s
             - 编程
             - 掘金
             - 分类
            headimg: 'https://picsum.photos/400/300?random=5'
            author: 掘金
            comments: false
            date: Invalid Date
            thumbnail: 'https://picsum.photos/400/300?random=5'
            ---

            <div>  \s
            水泥 \s
            </div>
                        """;
    private static final String UNCLAIMED = REFERENCE.replace(" - 知乎热榜", " - 知乎日报");

    @TempDir
    Path dir;

    Workspace workspace;
    Map<String, Workspace.FileState> before;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir);
        workspace.config("""
                社交媒体:
                  知乎:
                    知乎热榜: feeds/hot.xml
                编程:
                  掘金:
                    分类: feeds/juejin.xml
                """);
        workspace.write("site/source/_posts/社交媒体/知乎/知乎热榜/为什么鸿蒙应用无法在 Android 运行？.md", REFERENCE);
        workspace.write("site/source/_posts/编程/掘金/分类/Vue_ Uncaught TypeError_ 'component' of undefined.md",
                OLD_INVALID_YAML);
        workspace.write("site/source/_posts/编程/掘金/分类/10余省水泥价格上涨.md", INVALID_DATE);
        workspace.write("site/source/_posts/社交媒体/知乎/知乎日报/为什么鸿蒙应用无法在 Android 运行？.md", UNCLAIMED);
        workspace.write("site/source/_posts/about.md", "# About\n\nNot a post of this format.\n");
        workspace.write("feeds/hot.xml", RssDocument.channel("知乎热榜", "https://www.zhihu.com/billboard")
                .item("新问题", "<p>新</p>", "Sun, 22 May 2022 06:05:19 GMT", "https://www.zhihu.com/question/2")
                .item("为什么鸿蒙应用无法在 Android 运行？", "<p>鸿蒙的回答，改过</p>", "Sat, 21 May 2022 06:05:19 GMT",
                        "https://www.zhihu.com/question/1")
                .xml());
        workspace.write("feeds/juejin.xml", RssDocument.channel("掘金", "https://juejin.cn/")
                .item("Vue: Uncaught TypeError: 'component' of \"undefined\"", "<p>报错了</p>", null,
                        "https://juejin.cn/post/1")
                .item("10余省水泥价格上涨", "水泥", "Tue, 29 Mar 2022 07:10:09 GMT", "https://juejin.cn/post/2")
                .xml());
        before = Workspace.snapshot(workspace.posts());
    }

    private Workspace.Result run(String... args) {
        Workspace.Result result = workspace.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    @Test
    void adoptRecordsThePostsItsSubscriptionsClaimAndListsTheRest() {
        Workspace.Result adopted = run("adopt");

        assertThat(adopted.out()).contains("adopted 3 posts").contains("  2     编程/掘金/分类")
                .contains("  1     社交媒体/知乎/知乎热榜")
                .contains("1 posts no subscription claims, left alone:\n  社交媒体/知乎/知乎日报/为什么鸿蒙应用无法在 Android 运行？.md");
        assertThat(adopted.err()).contains("left alone: about.md: no front matter with a title");
        assertThat(Workspace.snapshot(workspace.posts())).isEqualTo(before);
    }

    @Test
    void aDirThatIsNotTheConfiguredSiteIsRefusedNamingBoth() {
        Workspace.Result refused = workspace.run("adopt", dir.resolve("elsewhere").toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("elsewhere").contains("site.output");
    }

    @Nested
    class ThenARun {
        @Test
        void writesOnlyTheNewItemAndLeavesEveryAdoptedPostAsItWas() {
            run("adopt");

            Workspace.Result result = run("run");

            assertThat(result.out()).contains("posts written  1").contains("posts kept     3");
            Map<String, Workspace.FileState> after = Workspace.snapshot(workspace.posts());
            assertThat(after).hasSize(before.size() + 1).containsAllEntriesOf(before)
                    .containsKey("社交媒体/知乎/知乎热榜/新问题.md");
            assertThat(run("run", "--all").out()).contains("posts written  0");
        }

        @Test
        void theSiteShowsTheAdoptedPostsSanitized() throws Exception {
            run("adopt");
            run("run");

            String home = Files.readString(dir.resolve("site/public/index.html"));
            assertThat(home).contains("为什么鸿蒙应用无法在 Android 运行？").contains("10余省水泥价格上涨");
            try (var pages = Files.list(dir.resolve("site/public/item"))) {
                assertThat(pages.map(PostAdoptionTest::read)).noneMatch(page -> page.contains("alert(1)"))
                        .anyMatch(page -> page.contains("报错了"));
            }
        }

        @Test
        void aStoreMadeAnewAdoptsThePostsByItself() {
            Workspace.Result result = run("run");

            assertThat(result.out()).contains("adopted 3 posts already in").contains("posts written  1");
            assertThat(Workspace.snapshot(workspace.posts())).containsAllEntriesOf(before).hasSize(before.size() + 1);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
