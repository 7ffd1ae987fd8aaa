package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items of one feed that share a guid, as RSSHub's do when its guid defaults to a shared link: each
 * is its own post, and keeps it however the feed orders them and whoever joins or leaves.
 */
class SharedGuidTest {
    private static final String SHARED = "https://s.weibo.com/top/summary";

    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void config() {
        workspace = new Workspace(dir);
        workspace.config("社交媒体:\n  微博:\n    热搜: feeds/hot.xml\n");
    }

    private void serve(List<String[]> items) {
        RssDocument feed = RssDocument.channel("微博热搜", "https://s.weibo.com/");
        for (String[] item : items) {
            feed = feed.item(item[0], item[1], null, SHARED, item.length > 2 ? item[2] : SHARED);
        }
        workspace.write("feeds/hot.xml", feed.xml());
    }

    private static List<String[]> hotList() {
        List<String[]> items = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            items.add(new String[] {"热搜第" + i + "条", "<p>正文 " + i + "</p>"});
        }
        items.add(new String[] {"同名", "<p>甲</p>"});
        items.add(new String[] {"同名", "<p>乙</p>"});
        items.add(new String[] {"独立的一条", "<p>独立</p>", "https://example.org/alone"});
        return items;
    }

    @Test
    void aFeedServedInShuffledOrderGivesTheSamePostsAndSite() {
        List<String[]> items = hotList();
        serve(items);
        assertThat(workspace.run("run", "--all").exitCode()).isZero();
        Map<String, Workspace.FileState> posts = Workspace.snapshot(workspace.posts());
        Map<String, Workspace.FileState> site = Workspace.snapshot(dir.resolve("site/public"));
        assertThat(posts).hasSize(15);

        Random random = new Random(7);
        for (int pass = 0; pass < 5; pass++) {
            Collections.shuffle(items, random);
            serve(items);
            Workspace.Result run = workspace.run("run", "--all");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("posts written  0");
            assertThat(Workspace.snapshot(workspace.posts())).as("posts after shuffle %d", pass).isEqualTo(posts);
            assertThat(Workspace.snapshot(dir.resolve("site/public"))).as("site after shuffle %d", pass)
                    .isEqualTo(site);
        }
    }

    @Test
    void anItemAloneWithItsGuidKeepsItsPostWhenOthersJoinAndLeave() {
        serve(List.<String[]>of(new String[] {"第一条", "<p>一</p>"}));
        workspace.run("run", "--all");
        Map<String, Workspace.FileState> first = Workspace.snapshot(workspace.posts());
        assertThat(first).hasSize(1);

        serve(List.of(new String[] {"第二条", "<p>二</p>"}, new String[] {"第一条", "<p>一</p>"}));
        Workspace.Result joined = workspace.run("run", "--all");
        Map<String, Workspace.FileState> both = Workspace.snapshot(workspace.posts());

        assertThat(joined.out()).contains("posts written  1");
        assertThat(both).hasSize(2).containsAllEntriesOf(first);

        serve(List.<String[]>of(new String[] {"第二条", "<p>二</p>"}));
        Workspace.Result left = workspace.run("run", "--all");

        assertThat(left.out()).contains("posts written  0");
        assertThat(Workspace.snapshot(workspace.posts())).isEqualTo(both);
    }

    @Test
    void anExactRepeatIsLeftOutWithAWarning() {
        serve(List.of(new String[] {"同一条", "<p>同</p>"}, new String[] {"同一条", "<p>同</p>"}));

        Workspace.Result run = workspace.run("run", "--all");

        assertThat(Workspace.snapshot(workspace.posts())).hasSize(1);
        assertThat(run.out() + run.err()).contains("1 item repeats an item above it exactly");
    }
}
