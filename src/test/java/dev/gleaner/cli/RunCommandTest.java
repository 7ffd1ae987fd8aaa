package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBadConfigurationExitsTwoNamesTheProblemAndChangesNothing() {
        Workspace workspace = new Workspace(dir);
        workspace.write("gleaner.yml", "subscriptions:\n  a:\n    b:\n      c: {url: feed.xml, interval: soon}\n");

        Workspace.Result result = workspace.run("run");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("gleaner.yml:4: subscriptions.a.b.c.interval: expected a duration");
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("gleaner.db")).doesNotExist();
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        Workspace workspace = new Workspace(dir);
        workspace.config("a:\n  b:\n    c: feed.xml\n");

        assertThat(workspace.run("run", "--no-such-option").exitCode()).isEqualTo(2);
    }

    @Test
    void onlyWithAPathThatMatchesNothingExitsTwoNamingIt() {
        Workspace workspace = new Workspace(dir);
        workspace.config("社交媒体:\n  知乎:\n    知乎热榜: feed.xml\n");

        Workspace.Result result = workspace.run("run", "--only", "社交媒体/微博");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--only 社交媒体/微博: no subscription of").contains("top levels are 社交媒体");
        assertThat(dir.resolve("gleaner.db")).doesNotExist();
    }

    @Test
    void aNewFeedSaysHowManyItemsItsBacklogHeldBack() {
        Workspace workspace = new Workspace(dir);
        dev.gleaner.testing.RssDocument feed = dev.gleaner.testing.RssDocument.channel("热榜", "https://example.org/");
        for (int i = 25; i >= 1; i--) {
            feed.item("第 " + i + " 条", "<p>" + i + "</p>", String.format("Sat, %02d May 2022 06:05:19 GMT", i),
                    "https://example.org/" + i);
        }
        workspace.write("feed.xml", feed.xml());
        workspace.config("a:\n  b:\n    c: feed.xml\n");

        Workspace.Result result = workspace.run("run", "--no-build");

        assertThat(result.out()).contains("held back      5 (a new feed publishes its newest 20: backlog)")
                .contains("posts written  20");
    }

    @Test
    void theSiteUrlWarningIsSaidOncePerRun() {
        Workspace workspace = new Workspace(dir);
        workspace.write("feed.xml", dev.gleaner.testing.RssDocument.channel("c", "https://example.org/")
                .item("一", "<p>一</p>", "Sat, 21 May 2022 06:05:19 GMT", "https://example.org/1").xml());
        workspace.config("a:\n  b:\n    c: feed.xml\n");

        Workspace.Result result = workspace.run("run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().lines().filter(line -> line.contains("site.url is not set"))).hasSize(1);
    }
}
