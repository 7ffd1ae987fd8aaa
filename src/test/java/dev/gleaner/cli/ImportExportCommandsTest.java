package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OPML in and out through the commands, over a real store: what other readers export, and Gleaner's own. */
class ImportExportCommandsTest {
    /** Miniflux: one level of categories, title and text, htmlUrl. */
    private static final String MINIFLUX = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>Miniflux</title><dateCreated>Mon, 07 Dec 2026 08:00:00 UTC</dateCreated></head>
              <body>
                <outline text="编程">
                  <outline title="开源中国" text="开源中国" xmlUrl="https://www.oschina.net/news/rss" htmlUrl="https://www.oschina.net/"></outline>
                  <outline title="Go Blog" text="Go Blog" xmlUrl="https://go.dev/blog/feed.atom" htmlUrl="https://go.dev/blog"></outline>
                </outline>
                <outline text="新闻">
                  <outline title="36氪" text="36氪" xmlUrl="https://36kr.com/feed" htmlUrl="https://36kr.com/"></outline>
                </outline>
              </body>
            </opml>
            """;
    /** NetNewsWire: nested folders, OPML 1.1, text only. */
    private static final String NETNEWSWIRE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.1">
              <head><title>mySubscriptions.opml</title></head>
              <body>
                <outline text="技术">
                  <outline text="前端">
                    <outline text="掘金" type="rss" version="RSS" xmlUrl="https://juejin.cn/rss" htmlUrl="https://juejin.cn/"/>
                  </outline>
                  <outline text="Daring Fireball" type="rss" xmlUrl="https://daringfireball.net/feeds/main"/>
                </outline>
              </body>
            </opml>
            """;
    /** Feeds straight under the body, as a blogroll often is. */
    private static final String FLAT = """
            <opml version="2.0"><head><title>blogroll</title></head><body>
              <outline type="rss" text="阮一峰的网络日志" xmlUrl="https://www.ruanyifeng.com/blog/atom.xml"/>
              <outline type="rss" text="酷壳" xmlUrl="https://coolshell.cn/feed"/>
            </body></opml>
            """;

    @TempDir
    Path dir;

    Workspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir.resolve("one"));
        workspace.config("{}");
    }

    private Workspace.Result ok(Workspace where, String... args) {
        Workspace.Result result = where.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    /** Each feed followed as path and URL, in the order list gives them. */
    private static List<String> tree(Workspace where) throws IOException {
        List<String> feeds = new ArrayList<>();
        for (String line : where.run("list", "--json").out().split("\n")) {
            if (!line.isBlank()) {
                JsonNode feed = new ObjectMapper().readTree(line);
                feeds.add(feed.get("path").asText() + " " + feed.get("url").asText());
            }
        }
        return feeds;
    }

    @Nested
    class Importing {
        @Test
        void foldersBecomeTheCategoryTreeAndTitlesTheNames() throws IOException {
            Path file = workspace.write("miniflux.opml", MINIFLUX);

            Workspace.Result imported = ok(workspace, "import", file.toString());

            assertThat(imported.out()).contains("imported 3 feeds from " + file);
            assertThat(tree(workspace)).containsExactly(
                    "编程/开源中国 https://www.oschina.net/news/rss",
                    "编程/Go Blog https://go.dev/blog/feed.atom",
                    "新闻/36氪 https://36kr.com/feed");
        }

        @Test
        void nestedFoldersAtAnyDepthAndAFlatListUnderTheCategoryGiven() throws IOException {
            ok(workspace, "import", workspace.write("nnw.opml", NETNEWSWIRE).toString());
            ok(workspace, "import", workspace.write("flat.opml", FLAT).toString(), "--to", "博客/朋友");

            assertThat(tree(workspace)).containsExactly(
                    "技术/前端/掘金 https://juejin.cn/rss",
                    "技术/Daring Fireball https://daringfireball.net/feeds/main",
                    "博客/朋友/阮一峰的网络日志 https://www.ruanyifeng.com/blog/atom.xml",
                    "博客/朋友/酷壳 https://coolshell.cn/feed");
        }

        @Test
        void aFeedAlreadyFollowedStopsTheWholeImportUnlessSkipped() throws IOException {
            Path file = workspace.write("miniflux.opml", MINIFLUX);
            ok(workspace, "import", workspace.write("one.opml", MINIFLUX.replaceAll("(?s)<outline text=\"新闻\">.*?</outline>\\s*", ""))
                    .toString(), "--to", "旧");
            List<String> before = tree(workspace);

            Workspace.Result refused = workspace.run("import", file.toString());

            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("https://www.oschina.net/news/rss is already followed, as 旧/编程/开源中国")
                    .contains("nothing imported");
            assertThat(tree(workspace)).isEqualTo(before);

            Workspace.Result skipping = ok(workspace, "import", file.toString(), "--skip-existing");

            assertThat(skipping.out()).contains("imported 1 feed from").contains("2 already followed, left out");
            assertThat(tree(workspace)).containsAll(before).contains("新闻/36氪 https://36kr.com/feed").hasSize(3);
        }

        @ParameterizedTest
        @ValueSource(strings = {"<html><head><title>x</title></head><body>not a list</body></html>",
            "{\"feeds\": []}", "<opml version=\"2.0\"><head/><body><outline text=\"空\"/></body></opml>", ""})
        void aFileThatIsNoFeedListIsRefusedNamingItAndNothingChanges(String text) {
            Path file = workspace.write("feeds.opml", text);

            Workspace.Result refused = workspace.run("import", file.toString());

            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).startsWith("gleaner: import " + file);
            assertThat(workspace.root().resolve("gleaner.db")).doesNotExist();
        }
    }

    @Nested
    class RoundTrips {
        @ParameterizedTest
        @ValueSource(strings = {"miniflux", "netnewswire", "flat"})
        void exportedOpmlImportedIntoAnEmptyStoreGivesTheSameTree(String shape) throws IOException {
            String opml = switch (shape) {
                case "miniflux" -> MINIFLUX;
                case "netnewswire" -> NETNEWSWIRE;
                default -> FLAT;
            };
            ok(workspace, "import", workspace.write("in.opml", opml).toString(), "--to", "导入");
            String exported = ok(workspace, "export", "--opml").out();
            Workspace other = new Workspace(dir.resolve("two"));
            other.config("{}");

            ok(other, "import", other.write("out.opml", exported).toString());

            assertThat(tree(other)).isEqualTo(tree(workspace)).isNotEmpty();
        }

        @Test
        void exportedYamlReplacesTheConfigurationAndDeclaresTheSameTree() throws Exception {
            workspace.config("""
                    社交媒体:
                      知乎:
                        知乎热榜: {url: rsshub://zhihu/hot, limit: 20}
                    """);
            ok(workspace, "import", workspace.write("in.opml", MINIFLUX).toString());
            List<String> before = tree(workspace);
            Path file = workspace.root().resolve("gleaner.yml");

            ok(workspace, "export", "--yaml", "-o", file.toString());

            assertThat(Files.readString(file)).contains("site:").contains("storage: jdbc:sqlite:gleaner.db");
            assertThat(new ConfigLoader().load(file).subscriptions()).extracting(s -> s.id() + " " + s.url().text())
                    .containsExactlyElementsOf(before);
            Workspace fresh = new Workspace(dir.resolve("three"));
            Files.createDirectories(fresh.root());
            Files.copy(file, fresh.root().resolve("gleaner.yml"));
            assertThat(tree(fresh)).isEqualTo(before);
        }
    }
}
