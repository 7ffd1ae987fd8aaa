package dev.gleaner.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gleaner.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code gleaner serve --port 0} in a JVM of its own, as a user starts it, on a workspace's configuration. */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    private ServeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it and returns once it listens; its output is read and dropped after that. */
    public static ServeProcess start(Path workspace, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // The child keeps its files where the tests keep theirs, not in the user's cache.
        for (String property : new String[] {"gleaner.cache", "java.io.tmpdir"}) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--port", "0"));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", workspace.resolve("gleaner.yml").toString()));
        Process process = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        StringBuilder said = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            said.append(line).append('\n');
            Matcher serving = SERVING.matcher(line);
            if (serving.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return new ServeProcess(process, Integer.parseInt(serving.group(1)));
            }
        }
        throw new AssertionError("serve ended without serving, exit " + process.waitFor() + ":\n" + said);
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** Whether it still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code GET path} on it. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    /** Sends SIGTERM and waits for it to end. @return whether it ended within {@code seconds} */
    public boolean terminate(long seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** Sends SIGKILL and waits for it to end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
