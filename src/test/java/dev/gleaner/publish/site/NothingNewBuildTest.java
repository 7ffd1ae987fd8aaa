package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.store.Store;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build with nothing new costs the same whatever the size of the archive, and still sees what changed. */
class NothingNewBuildTest {
    @TempDir
    Path dir;

    /** A site of five feeds, {@code extra} more items in each, built once. */
    private SiteFixture built(String name, int extra) {
        SiteFixture fixture = new SiteFixture(dir.resolve(name)).write(extra);
        Workspace.Result run = fixture.workspace().run("run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return fixture;
    }

    /** Builds and says how many rows the store read for it. */
    private static long rowsRead(Workspace workspace, String... args) {
        long before = Store.rowsRead();
        Workspace.Result build = workspace.run(args);
        assertThat(build.exitCode()).as(build.err()).isZero();
        return Store.rowsRead() - before;
    }

    @Test
    void readsTheSameFewRowsAtTwentyEightItemsAsAtFifteenHundred() {
        SiteFixture small = built("small", 0);
        SiteFixture large = built("large", 300);

        long smallRows = rowsRead(small.workspace(), "build");
        long largeRows = rowsRead(large.workspace(), "build");

        assertThat(largeRows).isEqualTo(smallRows).isLessThan(20);
        // The count is of every row: a build that has work reads the whole archive.
        assertThat(rowsRead(large.workspace(), "build", "--full")).isGreaterThan(1500);
    }

    @Test
    void writesNothingAndSaysSo() {
        SiteFixture fixture = built("site", 0);
        var before = Workspace.snapshot(fixture.publicDir());

        Workspace.Result build = fixture.workspace().run("build");

        assertThat(build.out()).contains("site: 28 items").contains("(0 written,").contains("0 removed)");
        assertThat(Workspace.snapshot(fixture.publicDir())).isEqualTo(before);
    }

    @Nested
    class SeesWhatChanged {
        @Test
        void aNewItem() {
            SiteFixture fixture = built("site", 0);
            fixture.write(1);
            assertThat(fixture.workspace().run("run", "--all", "--no-build").exitCode()).isZero();

            Workspace.Result build = fixture.workspace().run("build");

            assertThat(build.out()).contains("site: 33 items").doesNotContain("(0 written");
        }

        @Test
        void aNewSiteTitle() throws IOException {
            SiteFixture fixture = built("site", 0);
            Path config = fixture.workspace().root().resolve("gleaner.yml");
            Files.writeString(config, Files.readString(config).replace("title: 测试", "title: 另一个名字"));

            Workspace.Result build = fixture.workspace().run("build");

            assertThat(build.out()).doesNotContain("(0 written");
            assertThat(Files.readString(fixture.publicDir().resolve("index.html"))).contains("另一个名字");
        }

        @Test
        void aFolderOfTheOutputRemovedByHand() throws IOException {
            SiteFixture fixture = built("site", 0);
            var before = Workspace.snapshot(fixture.publicDir());
            try (var folders = Files.walk(fixture.publicDir().resolve("c"))) {
                for (Path path : folders.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }

            fixture.workspace().run("build");

            assertThat(Workspace.snapshot(fixture.publicDir()).keySet()).isEqualTo(before.keySet());
        }
    }
}
