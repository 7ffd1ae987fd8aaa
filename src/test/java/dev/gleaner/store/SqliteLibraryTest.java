package dev.gleaner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryTest {

    @Test
    void theDriverLoadsTheCachedCopyNotAFreshOneInTheTemporaryFolder(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
                && !Files.exists(Path.of("/etc/alpine-release")), "the cached copy is made on glibc Linux");

        try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"))) {
            assertThat(store.subscriptions().all()).isEmpty();
        }

        Path library = Path.of(System.getProperty("org.sqlite.lib.path"), System.getProperty("org.sqlite.lib.name"));
        assertThat(library).isRegularFile();
        assertThat(library.getParent().getParent()).isEqualTo(SqliteLibrary.cacheRoot());
        try (var leftovers = Files.list(library.getParent())) {
            assertThat(leftovers.filter(file -> file.toString().endsWith(".gleaner-tmp"))).isEmpty();
        }
        // What the JVM has mapped: the cached copy, and no copy the driver unpacked itself.
        String maps = Files.readString(Path.of("/proc/self/maps"));
        assertThat(maps).contains(library.toString()).doesNotContain("-libsqlitejdbc.so");
    }
}
