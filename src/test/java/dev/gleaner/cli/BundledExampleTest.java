package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example a newcomer runs first: the bundled gleaner.yml over the feeds in examples/feeds. */
class BundledExampleTest {
    @TempDir
    Path dir;

    @Test
    void everyExampleFeedIsFetchedAndPublishedWithoutAFailure() throws Exception {
        Files.copy(Path.of("gleaner.yml"), dir.resolve("gleaner.yml"));
        Path feeds = dir.resolve("examples/feeds");
        Files.createDirectories(feeds);
        try (Stream<Path> files = Files.list(Path.of("examples/feeds"))) {
            for (Path file : files.toList()) {
                Files.copy(file, feeds.resolve(file.getFileName()));
            }
        }

        Workspace.Result result = new Workspace(dir).run("run", "--strict");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("failed         0");
        try (Stream<Path> posts = Files.walk(dir.resolve("site/source/_posts"))) {
            assertThat(posts.filter(Files::isRegularFile).map(p -> dir.relativize(p).subpath(3, 6).toString()).distinct())
                    .as("every feed of the example has posts")
                    .hasSize(7);
        }
    }
}
