package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Trees;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that moves a subscription's posts, killed (SIGKILL, in a JVM of its own) at random moments of
 * the move, then run again, ends as a run that was never killed: every post once, in its new place,
 * byte for byte as a clean move writes it.
 */
class MoveCrashTest {
    private static final int POSTS = 400;
    private static final int KILLS = 6;
    private static final String BEFORE = "新媒体:\n  36kr:\n    快讯: FEED\n";

    @TempDir
    Path dir;

    @Test
    void aKilledMoveIsFinishedByTheNextRun() throws Exception {
        Path base = dir.resolve("base");
        Workspace start = new Workspace(base);
        RssDocument feed = RssDocument.channel("36氪", "https://36kr.com/");
        for (int i = POSTS; i >= 1; i--) {
            feed.item("快讯 " + i, "<p>正文 " + i + "</p>", String.format("Sat, %02d May 2022 %02d:%02d:00 GMT",
                    1 + i % 28, i / 60 % 24, i % 60), "https://36kr.com/p/" + i);
        }
        // One URL for every copy of the workspace: the same URL under a new path is what makes a move.
        String url = start.write("feeds/36kr.xml", feed.xml()).toUri().toString();
        start.write("gleaner.yml", "backlog: 1000\nsite: {url: http://localhost:4000/}\nsubscriptions:\n"
                + BEFORE.replace("FEED", url).indent(2));
        assertThat(start.run("run", "--no-build").exitCode()).isZero();

        Path clean = copyOf(base, "clean");
        long started = System.nanoTime();
        FaultJvm.Result cleanMove = FaultJvm.gleaner(clean, List.of(), Duration.ofMinutes(1), "run", "--no-build");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(cleanMove.exitCode()).as(cleanMove.toString()).isZero();
        Map<String, String> expected = Trees.contents(clean.resolve("site/source/_posts"));
        assertThat(expected).hasSize(POSTS).allSatisfy((path, text) -> assertThat(path).startsWith("新闻媒体/36氪/快讯/"));

        SplittableRandom random = new SplittableRandom(Long.getLong("gleaner.crashSeed", System.nanoTime()));
        int interrupted = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Path cycle = copyOf(base, "cycle-" + kill);
            // JVM start and Flyway take most of a run: the kills aim at its last third, where the files move.
            long at = (long) (took.toMillis() * (0.55 + 0.45 * random.nextDouble()));
            FaultJvm.Result killed = FaultJvm.gleaner(cycle, List.of(), Duration.ofMillis(at), "run", "--no-build");
            Map<String, String> left = Trees.contents(cycle.resolve("site/source/_posts"));
            if (!killed.finished() && left.keySet().stream().anyMatch(path -> path.startsWith("新闻媒体/"))
                    && left.keySet().stream().anyMatch(path -> path.startsWith("新媒体/"))) {
                interrupted++;
            }
            assertThat(new Workspace(cycle).run("run", "--no-build").exitCode()).isZero();

            Map<String, String> after = Trees.contents(cycle.resolve("site/source/_posts"));
            assertThat(after.keySet()).as("kill %d after %d ms", kill, at).isEqualTo(expected.keySet());
            expected.forEach((path, text) -> assertThat(after.get(path)).as(path).isEqualTo(text));
            try (Stream<Path> files = Files.walk(cycle)) {
                assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".gleaner-tmp"));
            }
        }
        System.out.printf("move crash: %d kills, %d of them in the middle of the move, clean move %d ms%n", KILLS,
                interrupted, took.toMillis());
    }

    private Path copyOf(Path base, String name) throws IOException {
        Path copy = Trees.copy(base, dir.resolve(name));
        String config = Files.readString(copy.resolve("gleaner.yml"));
        Files.writeString(copy.resolve("gleaner.yml"), config.replace("新媒体:", "新闻媒体:").replace("36kr:", "36氪:"));
        return copy;
    }

}
