package dev.gleaner.publish.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The attacker's host on loopback, which answers with script and notes what the browser asked it for. */
final class XssOrigin implements AutoCloseable {
    /** What the browser may fetch from a stranger for a sanitized page: pictures and media, nothing that runs. */
    private static final Set<String> HARMLESS = Set.of("image", "audio", "video", "track", "empty");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "hostile-host");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    XssOrigin() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(workers);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}, without a closing slash. */
    String origin() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** How many requests came in so far. */
    int count() {
        return requests.size();
    }

    /** The requests from {@code from} on that asked for something other than a picture or media. */
    List<String> activeRequestsSince(int from) {
        synchronized (requests) {
            return requests.subList(Math.min(from, requests.size()), requests.size()).stream()
                    .filter(request -> !HARMLESS.contains(request.substring(0, request.indexOf(' '))))
                    .toList();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String dest = exchange.getRequestHeaders().getFirst("Sec-Fetch-Dest");
            requests.add((dest == null ? "unknown" : dest) + " " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI());
            if (path.startsWith("/cover/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String type;
            String body;
            if (path.endsWith(".css")) {
                type = "text/css";
                body = "body{background:url(\"javascript:alert('remote css')\")}";
            } else if (path.endsWith(".svg")) {
                type = "image/svg+xml";
                body = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert('remote svg')\">"
                        + "<script>alert('remote svg')</script><g id=\"x\"><circle r=\"5\"/></g></svg>";
            } else if (path.endsWith(".js") || path.endsWith(".j") || path.endsWith(".jpg")) {
                type = "text/javascript";
                body = "alert('remote script')";
            } else {
                type = "text/html; charset=utf-8";
                body = "<!DOCTYPE html><title>evil</title><script>alert('remote page')</script>";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
