package dev.gleaner.publish.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gleaner.testing.Executables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client. */
final class BrowserSession implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final ExecutorService sender;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonNode>> sessions = new ConcurrentHashMap<>();
    private final Deque<String> stderrTail;

    private BrowserSession(Process process, WebSocket socket, ExecutorService sender, Deque<String> stderrTail) {
        this.process = process;
        this.socket = socket;
        this.sender = sender;
        this.stderrTail = stderrTail;
    }

    /** The Chromium to run: {@code $GLEANER_CHROMIUM}, else {@code chromium} or {@code chromium-browser} on PATH. */
    static Optional<Path> findChromium() {
        return Executables.find("GLEANER_CHROMIUM", "chromium", "chromium-browser");
    }

    /** Starts {@code chromium} with a fresh profile in {@code profile} and connects to it. */
    static BrowserSession launch(Path chromium, Path profile) throws IOException, InterruptedException {
        List<String> command = List.of(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
                "--disable-features=Translate,MediaRouter,OptimizationHints,InterestFeedContentSuggestions",
                // Tabs load side by side: none may be slowed as a background tab.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                // Every host but loopback fails at once, with or without a network: no page waits on one.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "about:blank");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // Chromium keeps settings (dconf) and caches in the XDG folders: those of its profile, not the user's.
        builder.environment().put("XDG_CACHE_HOME", profile.resolve("xdg-cache").toString());
        builder.environment().put("XDG_CONFIG_HOME", profile.resolve("xdg-config").toString());
        Process process = builder.start();
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 40) {
                            tail.removeFirst();
                        }
                    }
                    int at = line.indexOf("DevTools listening on ");
                    if (at >= 0) {
                        endpoint.complete(line.substring(at + "DevTools listening on ".length()).strip());
                    }
                }
            } catch (IOException e) {
                // the browser went away; whoever waits on the endpoint hears it below
            }
            endpoint.completeExceptionally(new IOException("chromium exited before it listened"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String url;
        try {
            url = endpoint.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("chromium did not start: " + String.join("\n", tail), e);
        }
        ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "devtools-send");
            thread.setDaemon(true);
            return thread;
        });
        Dispatcher dispatcher = new Dispatcher();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), dispatcher).join();
        BrowserSession session = new BrowserSession(process, socket, sender, tail);
        dispatcher.session = session;
        return session;
    }

    /** Opens a tab on {@code about:blank} and attaches to it. */
    BrowserTab openTab(BrowserTab.Policy policy) {
        String targetId = call(null, "Target.createTarget", params().put("url", "about:blank").put("newWindow", true))
                .path("targetId").asText();
        BrowserTab tab = new BrowserTab(this, targetId, policy);
        String sessionId = call(null, "Target.attachToTarget",
                params().put("targetId", targetId).put("flatten", true)).path("sessionId").asText();
        // A tab sends no event before its domains are enabled, which attached() does once it is heard.
        sessions.put(sessionId, tab::onEvent);
        tab.attached(sessionId);
        return tab;
    }

    /** A new, empty parameter object. */
    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Sends a command and waits for its result; fails on a protocol error. */
    JsonNode call(String sessionId, String method, ObjectNode params) {
        try {
            return callAsync(sessionId, method, params).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(method + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(method + ": no answer in " + CALL_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Sends a command; the future holds its result. Safe to call from an event handler. */
    CompletableFuture<JsonNode> callAsync(String sessionId, String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode message = params().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        String text = message.toString();
        // One send at a time, as the WebSocket API asks; handlers never wait on it.
        sender.execute(() -> {
            try {
                socket.sendText(text, true).join();
            } catch (RuntimeException e) {
                pending.remove(id);
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> result = pending.remove(message.get("id").asLong());
            if (result != null) {
                if (message.has("error")) {
                    result.completeExceptionally(new IllegalStateException(message.get("error").toString()));
                } else {
                    result.complete(message.path("result"));
                }
            }
            return;
        }
        Consumer<JsonNode> handler = sessions.get(message.path("sessionId").asText(""));
        if (handler != null) {
            handler.accept(message);
        }
    }

    private void closed(Throwable why) {
        pending.values().forEach(result -> result.completeExceptionally(why));
        pending.clear();
    }

    /** The last lines Chromium wrote to standard error, for failure messages. */
    String stderrTail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", params());
        } catch (RuntimeException e) {
            // it is going away in any case
        }
        socket.abort();
        sender.shutdownNow();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Joins the fragments of each message and hands it on. */
    private static final class Dispatcher implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();
        private final Deque<String> early = new ArrayDeque<>();
        volatile BrowserSession session;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                BrowserSession current = session;
                if (current == null) {
                    early.add(text);
                } else {
                    while (!early.isEmpty()) {
                        current.receive(early.poll());
                    }
                    current.receive(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            BrowserSession current = session;
            if (current != null) {
                current.closed(new IOException("DevTools connection closed: " + statusCode + " " + reason));
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            BrowserSession current = session;
            if (current != null) {
                current.closed(error);
            }
        }
    }
}
