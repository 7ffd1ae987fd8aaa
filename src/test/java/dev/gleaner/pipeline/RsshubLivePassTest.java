package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.testing.RealRsshub;
import dev.gleaner.testing.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Whole passes over a real RSSHub on loopback, with an access code: the posts of its test routes,
 * a second pass that costs one 304 a feed, items that share a guid, and the route check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RsshubLivePassTest {
    private static final String KEY = "gleaner-pass-key";
    private static final List<String> ROUTES = List.of("1", "complicated", "multimedia", "long", "sort", "mess");

    private Path dir;
    private RealRsshub rsshub;

    @BeforeAll
    void start(@TempDir Path classFolder) throws Exception {
        dir = classFolder;
        rsshub = RealRsshub.start(Map.of("ACCESS_KEY", KEY));
    }

    /** A workspace of its own for a test, subscribed to the test routes through an access code. */
    private Workspace workspace(String name) {
        Workspace workspace = new Workspace(dir.resolve(name));
        StringBuilder leaves = new StringBuilder();
        for (String route : ROUTES) {
            leaves.append("      ").append(route).append(": rsshub://test/").append(route).append('\n');
        }
        leaves.append("      过滤: {url: rsshub://test/1, limit: 3, filterout: Title2}\n");
        workspace.write("gleaner.yml", """
                site: {title: 测试, output: site, url: "http://127.0.0.1:4000/"}
                storage: jdbc:sqlite:gleaner.db
                fetch: {allow: [127.0.0.1]}
                rsshub: [{url: "%s", key: %s, code: true}]
                subscriptions:
                  测试:
                    RSSHub:
                %s""".formatted(rsshub.url(), KEY, leaves));
        return workspace;
    }

    @AfterAll
    void stop() throws Exception {
        if (rsshub != null) {
            rsshub.close();
        }
    }

    @Test
    void aSecondPassCostsOne304AFeedAndWritesNothing() throws Exception {
        Workspace workspace = workspace("twice");
        Workspace.Result first = workspace.run("run", "--all", "--no-build");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("failed         0");
        Map<String, Workspace.FileState> posts = Workspace.snapshot(workspace.posts());

        Workspace.Result second = workspace.run("run", "--all", "--no-build");

        int feeds = ROUTES.size() + 1;
        assertThat(second.out()).contains("not modified   " + feeds + "\n").contains("posts written  0");
        assertThat(Workspace.snapshot(workspace.posts())).isEqualTo(posts);
        List<JsonNode> rows = workspace.run("status", "--json").out().lines().map(RsshubLivePassTest::json).toList();
        assertThat(rows).hasSize(feeds).allSatisfy(row -> {
            assertThat(row.get("notModified").asInt()).as(row.get("path").asText()).isEqualTo(1);
            assertThat(row.get("fetches").asInt()).isEqualTo(2);
        });
    }

    @Test
    void everyPostHasFrontMatterThatReadsBackAndSharedGuidsAreTheirOwnPosts() throws Exception {
        Workspace workspace = workspace("posts");
        workspace.run("run", "--no-build");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(workspace.posts())) {
            files = walk.filter(file -> file.toString().endsWith(".md")).toList();
        }
        Load yaml = new Load(LoadSettings.builder().build());
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String front = text.substring(4, text.indexOf("\n---\n", 4));
            assertThat(yaml.loadFromString(front)).as(file.toString()).isInstanceOf(Map.class);
        }
        // test/complicated lists several items under one guid, each with its own body: one post each.
        try (Stream<Path> complicated = Files.list(workspace.posts().resolve("测试/RSSHub/complicated"))) {
            assertThat(complicated.count()).isGreaterThan(1);
        }
        try (Stream<Path> filtered = Files.list(workspace.posts().resolve("测试/RSSHub/过滤"))) {
            assertThat(filtered.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly("Title1.md", "Title3.md", "Title4.md");
        }
    }

    @Test
    void theCheckFindsWhereTheHotListWent() {
        Workspace check = new Workspace(dir.resolve("check"));
        check.write("gleaner.yml", """
                storage: jdbc:sqlite:gleaner.db
                fetch: {allow: [127.0.0.1]}
                rsshub: [{url: "%s", key: %s}]
                subscriptions:
                  社交媒体:
                    知乎:
                      知乎热榜: rsshub://zhihu/hotlist
                      热榜: rsshub://zhihu/hot
                """.formatted(rsshub.url(), KEY));

        Workspace.Result result = check.run("check");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("社交媒体/知乎/知乎热榜: rsshub://zhihu/hotlist is not a route of "
                + rsshub.url() + "; nearest: zhihu/hot").contains("check: 1 of 2 rsshub:// routes served");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
