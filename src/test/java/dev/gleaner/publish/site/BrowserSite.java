package dev.gleaner.publish.site;

import com.sun.net.httpserver.HttpServer;
import dev.gleaner.web.StaticFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/** A built site served on loopback as a static host serves it, so that CSP and origins work as in production. */
final class BrowserSite implements AutoCloseable {
    private final Path root;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "site-server");
        thread.setDaemon(true);
        return thread;
    });

    /** Serves {@code root}, which need not exist yet. */
    BrowserSite(Path root) {
        this.root = root;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", new StaticFiles(root, "/"));
        server.setExecutor(workers);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}, without a closing slash. */
    String origin() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The folder served. */
    Path root() {
        return root;
    }

    /** The address of {@code file} under the root; an {@code index.html} by its folder's address. */
    String url(Path file) {
        List<String> segments = new ArrayList<>();
        for (Path part : root.relativize(file)) {
            segments.add(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String path = String.join("/", segments);
        if (path.equals("index.html")) {
            path = "";
        } else if (path.endsWith("/index.html")) {
            path = path.substring(0, path.length() - "index.html".length());
        }
        return origin() + "/" + path;
    }

    /** Every HTML file under the root, in a stable order. */
    List<Path> pages() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(file -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".html"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
