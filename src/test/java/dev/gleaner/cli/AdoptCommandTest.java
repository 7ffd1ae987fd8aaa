package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.SharedFixtures;
import dev.gleaner.config.Config;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.config.Subscription;
import dev.gleaner.testing.Trees;
import dev.gleaner.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gleaner adopt} over the real posts of an RSSHub-to-Hexo site, with that site's subscription tree. */
class AdoptCommandTest {
    @TempDir
    Path dir;

    @Test
    void theRealPostsAreRecordedAgainstTheirSubscriptionsAndNoneChanges() throws Exception {
        Path seed = SharedFixtures.require("fixtures/seed-format-posts");
        Files.copy(Path.of("examples/rsshub-page.yml"), dir.resolve("gleaner.yml"));
        Path posts = Trees.copy(seed, dir.resolve("rsshub-page-site/source/_posts"));
        Files.delete(posts.resolve("SOURCES.md"));
        Map<String, Workspace.FileState> before = Workspace.snapshot(posts);
        Config config = new ConfigLoader().load(dir.resolve("gleaner.yml"));
        Set<String> subscribed = config.subscriptions().stream().map(Subscription::id).collect(Collectors.toSet());
        List<String> all = before.keySet().stream().sorted().toList();
        List<String> claimed = all.stream().filter(post -> subscribed.contains(Path.of(post).getParent().toString()))
                .toList();
        Workspace workspace = new Workspace(dir);

        Workspace.Result adopted = workspace.run("adopt");

        assertThat(adopted.exitCode()).as(adopted.err()).isZero();
        assertThat(all).hasSize(22);
        assertThat(claimed).hasSizeGreaterThan(15);
        assertThat(adopted.out()).contains("adopted " + claimed.size() + " posts");
        all.stream().filter(post -> !claimed.contains(post))
                .forEach(post -> assertThat(adopted.out()).contains("  " + post));
        assertThat(Workspace.snapshot(posts)).as("no post changes").isEqualTo(before);
        Workspace.Result again = workspace.run("adopt");
        assertThat(again.out()).contains("adopted 0 posts (" + claimed.size() + " the store already knew)");
        try (Stream<Path> files = Files.walk(posts)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(22);
        }
    }
}
