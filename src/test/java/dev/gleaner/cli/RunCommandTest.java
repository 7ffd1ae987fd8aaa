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
}
