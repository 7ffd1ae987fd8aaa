package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.RealRsshub;
import dev.gleaner.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code gleaner add} against a real RSSHub on loopback, with an access key: routes and the pages they serve. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddCommandLiveTest {
    private static final String KEY = "gleaner-add-key";

    private RealRsshub rsshub;

    @TempDir
    Path dir;

    Workspace workspace;

    @BeforeAll
    void start() throws Exception {
        rsshub = RealRsshub.start(Map.of("ACCESS_KEY", KEY));
    }

    @AfterAll
    void stop() throws Exception {
        if (rsshub != null) {
            rsshub.close();
        }
    }

    @BeforeEach
    void configure() {
        workspace = new Workspace(dir);
        workspace.write("gleaner.yml", """
                site: {title: 测试, output: site, url: "http://127.0.0.1:4000/"}
                storage: jdbc:sqlite:gleaner.db
                fetch: {allow: [127.0.0.1]}
                rsshub: [{url: "%s", key: %s}]
                """.formatted(rsshub.url(), KEY));
    }

    @Test
    void aRouteIsCheckedFetchedAndPublishedAtOnce() {
        Workspace.Result added = workspace.run("add", "rsshub://test/1", "--to", "测试/RSSHub/一", "--no-build");

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).containsPattern("added 测试/RSSHub/一 <- rsshub://test/1: \\d+ items, \\d+ posts written");
        assertThat(workspace.posts().resolve("测试/RSSHub/一")).isDirectory();
        assertThat(workspace.run("list").out()).contains("一  rsshub://test/1  ok");
    }

    @Test
    void aRouteNoInstanceServesIsRefusedAndNothingChanges() {
        Workspace.Result refused = workspace.run("add", "rsshub://test/error", "--to", "测试/RSSHub/错");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("no feed found at rsshub://test/error").doesNotContain(KEY);
        assertThat(workspace.run("list").out()).doesNotContain("错");
    }

    /**
     * 知乎热榜's page: RSSHub Radar has no rule for it, the zhihu namespace (site www.zhihu.com) has the
     * route of its path. Whether the route then answers depends on the instance reaching zhihu.com, which
     * a machine without internet cannot: either it is followed, or it is refused with nothing changed.
     */
    @Test
    void theHotListsPageFindsItsRoute() {
        Workspace.Result result = workspace.run("add", "https://www.zhihu.com/hot", "--to", "社交媒体/知乎/知乎热榜",
                "--no-build");

        assertThat(result.out()).contains("found rsshub://zhihu/hot  知乎热榜  (RSSHub route of the page's path, 知乎)");
        if (result.exitCode() == 0) {
            assertThat(workspace.run("list").out()).contains("知乎热榜  rsshub://zhihu/hot");
        } else {
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("no feed found at rsshub://zhihu/hot");
            assertThat(workspace.run("list").out()).doesNotContain("知乎热榜");
            assertThat(Files.exists(workspace.posts().resolve("社交媒体"))).isFalse();
        }
    }
}
