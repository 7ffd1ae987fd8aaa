package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An incremental build renders only what changed and ends exactly where a full build does. */
class IncrementalBuildTest {
    @TempDir
    Path dir;

    @Test
    void afterNewItemsTheTreeEqualsAFullBuild() throws IOException {
        SiteFixture fixture = new SiteFixture(dir).write(0);
        Workspace workspace = fixture.workspace();
        assertThat(workspace.run("run").exitCode()).isZero();
        Map<String, Workspace.FileState> before = Workspace.snapshot(fixture.publicDir());
        ageEveryFile(fixture.publicDir());

        fixture.write(3);
        Workspace.Result incremental = workspace.run("run", "--all");
        assertThat(incremental.exitCode()).as(incremental.err()).isZero();
        Map<String, Workspace.FileState> afterIncremental = Workspace.snapshot(fixture.publicDir());

        deleteTree(fixture.publicDir());
        Workspace.Result full = workspace.run("build", "--full");
        assertThat(full.exitCode()).as(full.err()).isZero();
        Map<String, Workspace.FileState> afterFull = Workspace.snapshot(fixture.publicDir());

        assertThat(contents(afterIncremental)).isEqualTo(contents(afterFull));
        assertThat(afterIncremental.size()).isGreaterThan(before.size());
        // Old items' pages were not rewritten: their modification time is still the aged one.
        long oldItemsKept = before.keySet().stream().filter(file -> file.startsWith("item/"))
                .filter(file -> afterIncremental.get(file).modified().equals(AGED)).count();
        assertThat(oldItemsKept).isEqualTo(before.keySet().stream().filter(file -> file.startsWith("item/")).count());
        // And numbered pages of long lists, which hold old items only, stay as they were.
        assertThat(afterIncremental.get("page/1/index.html").modified()).isEqualTo(AGED);
    }

    @Test
    void aBuildWithNothingNewWritesNoFile() throws IOException {
        SiteFixture fixture = new SiteFixture(dir).write(0);
        Workspace workspace = fixture.workspace();
        assertThat(workspace.run("run").exitCode()).isZero();
        ageEveryFile(fixture.publicDir());
        Map<String, Workspace.FileState> before = Workspace.snapshot(fixture.publicDir());

        Workspace.Result again = workspace.run("build");
        Workspace.Result againAfterRun = workspace.run("run", "--all");

        assertThat(again.out()).contains("(0 written").contains(" 0 removed");
        assertThat(againAfterRun.out()).contains("(0 written");
        assertThat(Workspace.snapshot(fixture.publicDir())).isEqualTo(before);
    }

    @Test
    void aFullBuildOverAnUpToDateSiteWritesNoFileEither() throws IOException {
        SiteFixture fixture = new SiteFixture(dir).write(0);
        Workspace workspace = fixture.workspace();
        assertThat(workspace.run("run").exitCode()).isZero();
        ageEveryFile(fixture.publicDir());
        Map<String, Workspace.FileState> before = Workspace.snapshot(fixture.publicDir());

        Workspace.Result full = workspace.run("build", "--full");

        assertThat(full.out()).contains("(0 written");
        assertThat(Workspace.snapshot(fixture.publicDir())).isEqualTo(before);
    }

    @Test
    void aDeletedPageIsRenderedAgain() throws IOException {
        SiteFixture fixture = new SiteFixture(dir).write(0);
        Workspace workspace = fixture.workspace();
        assertThat(workspace.run("run").exitCode()).isZero();
        Map<String, Workspace.FileState> before = Workspace.snapshot(fixture.publicDir());
        Path anItem;
        try (Stream<Path> items = Files.list(fixture.publicDir().resolve("item"))) {
            anItem = items.sorted().findFirst().orElseThrow();
        }
        Files.delete(anItem);
        Files.delete(fixture.publicDir().resolve("c/编程/index.html"));

        Workspace.Result build = workspace.run("build");

        assertThat(build.out()).contains("(2 written");
        assertThat(contents(Workspace.snapshot(fixture.publicDir()))).isEqualTo(contents(before));
    }

    private static final FileTime AGED = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    /** Sets every file's modification time far back, so that a rewrite shows even within a second. */
    private static void ageEveryFile(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, AGED);
            }
        }
    }

    private static Map<String, String> contents(Map<String, Workspace.FileState> files) {
        Map<String, String> contents = new java.util.TreeMap<>();
        files.forEach((name, state) -> contents.put(name, state.content()));
        return contents;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
