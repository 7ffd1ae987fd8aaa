package dev.gleaner.testing;

import dev.gleaner.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A folder with a configuration, feeds and a store, where {@code gleaner} commands run for real
 * (in-process, through the same entry point as the jar).
 */
public final class Workspace {
    private final Path root;

    public Workspace(Path root) {
        this.root = root;
    }

    /** The workspace folder. */
    public Path root() {
        return root;
    }

    /** The Hexo posts folder of the default configuration. */
    public Path posts() {
        return root.resolve("site/source/_posts");
    }

    /** The names of the post files at or below {@code folder} of the posts folder, sorted; none when it is absent. */
    public List<String> postNames(String folder) {
        Path top = posts().resolve(folder);
        if (!Files.exists(top)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(top)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code relative} in the workspace and returns its path. */
    public Path write(String relative, String text) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes {@code gleaner.yml} with a store and output in the workspace and these subscriptions. */
    public Path config(String subscriptionsYaml) {
        return write("gleaner.yml", """
                site:
                  title: 测试
                  output: site
                storage: jdbc:sqlite:gleaner.db
                rsshub: [http://127.0.0.1:9]
                subscriptions:
                """ + subscriptionsYaml.indent(2));
    }

    /**
     * Writes {@code gleaner.yml} like {@link #config}, for feeds served on loopback: fetching may reach
     * localhost, and gives up after {@code timeout}.
     */
    public Path loopbackConfig(java.time.Duration timeout, String subscriptionsYaml) {
        return write("gleaner.yml", """
                site:
                  title: 测试
                  output: site
                storage: jdbc:sqlite:gleaner.db
                fetch: {timeout: %ds, allow: [localhost, 127.0.0.1]}
                subscriptions:
                """.formatted(timeout.toSeconds()) + subscriptionsYaml.indent(2));
    }

    /** Runs {@code gleaner ARGS --config gleaner.yml} and returns what it said. */
    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withConfig = Stream.concat(Stream.of(args),
                Stream.of("--config", root.resolve("gleaner.yml").toString())).toArray(String[]::new);
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), withConfig);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Runs {@code git ARGS} in the workspace and returns what it printed (its output and errors, one
     * string) with its exit code; 127 when there is no git on this machine.
     */
    public Result git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), out, "");
        } catch (IOException e) {
            return new Result(127, "", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    /** Every file under {@code folder} with its bytes and modification time, for before/after comparisons. */
    public static Map<String, FileState> snapshot(Path folder) {
        Map<String, FileState> files = new TreeMap<>();
        if (!Files.exists(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(),
                        new FileState(Files.readString(file, StandardCharsets.UTF_8), Files.getLastModifiedTime(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A file's content and modification time. */
    public record FileState(String content, FileTime modified) {
    }

    /** What a command printed, and its exit code. */
    public record Result(int exitCode, String out, String err) {
    }
}
