package dev.gleaner.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a built site's files over the JDK's HTTP server, as a static host would: folders by their
 * {@code index.html}, unknown addresses by {@code 404.html}, nothing outside the folder.
 */
public final class StaticFiles implements HttpHandler {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"));

    private final Path root;
    private final String basePath;

    /**
     * @param root the site's output folder
     * @param basePath the path the site is served under, starting and ending with {@code /}
     */
    public StaticFiles(Path root, String basePath) {
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            if (isFolderWithoutSlash(rawPath)) {
                // As static hosts do: the folder's page links relative to the folder, so its address needs the slash.
                exchange.getResponseHeaders().set("Location", rawPath + "/");
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            Path file = resolve(rawPath);
            int status = 200;
            if (file == null) {
                status = 404;
                file = root.resolve("404.html");
                if (!Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type(file));
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private boolean isFolderWithoutSlash(String rawPath) {
        if (rawPath == null || rawPath.endsWith("/")) {
            return false;
        }
        Path index = resolve(rawPath + "/");
        return index != null && index.getFileName().toString().equals("index.html")
                && Files.isDirectory(index.getParent()) && !rawPath.endsWith("/index.html");
    }

    /** The file for a request path, or null when there is none inside the root. */
    Path resolve(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(basePath)) {
            return null;
        }
        String relative;
        try {
            relative = URLDecoder.decode(rawPath.substring(basePath.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) {
            return null;
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            if (!relative.isEmpty() && !relative.endsWith("/")) {
                return null;
            }
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
