package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person sees when they ask for help or give a command what it cannot use. */
class UsageTest {
    private static final List<String> COMMANDS = List.of("run", "build", "preview", "status", "adopt", "prune",
            "parse");

    @TempDir
    Path dir;

    private static Workspace.Result gleaner(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Workspace.Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Workspace.Result help = gleaner("help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains(COMMANDS).contains("help").contains("Examples:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "build", "preview", "status", "adopt", "prune", "parse"})
    void everyCommandsHelpShowsAnExample(String command) {
        Workspace.Result help = gleaner("help", command);

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: gleaner " + command).contains("Examples:")
                .containsPattern("\n  gleaner " + command + "\\b");
        assertThat(gleaner(command, "--help").out()).isEqualTo(help.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "parse"})
    void quietIsNotOfferedWhereThereIsNothingToQuiet(String command) {
        assertThat(gleaner("help", command).out()).doesNotContain("--quiet");
        assertThat(gleaner("help", "run").out()).contains("--quiet");
    }

    @Test
    void statusOnANewConfigurationMakesNoStore() {
        Workspace workspace = new Workspace(dir);
        workspace.config("a:\n  b:\n    c: feed.xml\n");

        Workspace.Result status = workspace.run("status");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("a/b/c").contains("never");
        assertThat(dir.resolve("gleaner.db")).doesNotExist();
    }

    @Test
    void previewOfASiteNeverBuiltSaysToBuildIt() {
        Workspace workspace = new Workspace(dir);
        workspace.config("a:\n  b:\n    c: feed.xml\n");

        Workspace.Result preview = workspace.run("preview", "--port", "0");

        assertThat(preview.exitCode()).isEqualTo(1);
        assertThat(preview.err()).contains("holds no built site yet; run gleaner build");
    }

    @Test
    void aStoreThatIsNotSupportedIsAConfigurationError() {
        Workspace workspace = new Workspace(dir);
        workspace.write("gleaner.yml", "storage: jdbc:postgresql://db/gleaner\nsubscriptions:\n  a:\n    b:\n"
                + "      c: feed.xml\n");

        Workspace.Result run = workspace.run("run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gleaner.yml:1: storage: expected a SQLite store");
    }

    @Test
    void aBadAllowEntryNamesItsLine() {
        Workspace workspace = new Workspace(dir);
        workspace.write("gleaner.yml", "fetch:\n  allow:\n    - localhost\n    - http://nas.lan/\nsubscriptions:\n"
                + "  a:\n    b:\n      c: feed.xml\n");

        Workspace.Result run = workspace.run("run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gleaner.yml:4: fetch.allow: 'http://nas.lan/' is not a host name");
    }
}
