package dev.gleaner.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gleaner.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code gleaner} command in a JVM of its own, as cron does, with JVM options of the caller's choosing. */
public final class FaultJvm {
    private FaultJvm() {
    }

    /**
     * What the command did.
     *
     * @param finished false when it was still running at the limit and was killed
     */
    public record Result(int exitCode, String out, String err, Duration elapsed, boolean finished) {
        @Override
        public String toString() {
            return "exit status " + exitCode + " after " + elapsed.toMillis() + " ms" + (finished ? "" : " (killed)")
                    + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * Runs {@code gleaner ARGS --config WORKSPACE/gleaner.yml} in {@code workspace}, killing it if it
     * runs past {@code limit}.
     */
    public static Result gleaner(Path workspace, List<String> jvmOptions, Duration limit, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // The child keeps its files where the tests keep theirs, not in the user's cache.
        for (String property : new String[] {"gleaner.cache", "java.io.tmpdir"}) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", workspace.resolve("gleaner.yml").toString()));
        Path out = Files.createTempFile("gleaner-child", ".out");
        Path err = Files.createTempFile("gleaner-child", ".err");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(workspace.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Result(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8), elapsed,
                    finished);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
