package dev.gleaner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview server over real HTTP on loopback. */
class StaticFilesTest {
    @TempDir
    Path dir;

    HttpServer server;
    String base;

    @BeforeEach
    void start() throws IOException {
        Path site = dir.resolve("public");
        Files.createDirectories(site.resolve("c/社交媒体"));
        Files.writeString(site.resolve("index.html"), "home");
        Files.writeString(site.resolve("404.html"), "not here");
        Files.writeString(site.resolve("c/社交媒体/index.html"), "category");
        Files.writeString(site.resolve("feed.json"), "{}");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", new StaticFiles(site, "/news/"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesFilesAndFoldersUnderTheSitesPath() throws Exception {
        assertThat(get("/news/").body()).isEqualTo("home");
        HttpResponse<String> category = get("/news/c/%E7%A4%BE%E4%BA%A4%E5%AA%92%E4%BD%93/");
        assertThat(category.statusCode()).isEqualTo(200);
        assertThat(category.body()).isEqualTo("category");
        assertThat(category.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(get("/news/feed.json").headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void aFolderWithoutItsSlashIsRedirected() throws Exception {
        HttpResponse<String> folder = get("/news/c/%E7%A4%BE%E4%BA%A4%E5%AA%92%E4%BD%93");
        assertThat(folder.statusCode()).isEqualTo(301);
        assertThat(folder.headers().firstValue("Location")).hasValue("/news/c/%E7%A4%BE%E4%BA%A4%E5%AA%92%E4%BD%93/");
    }

    @Test
    void unknownAddressesGetThe404Page() throws Exception {
        HttpResponse<String> missing = get("/news/nothing/here.html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("not here");
        assertThat(get("/elsewhere/").statusCode()).isEqualTo(404);
    }

    @Test
    void nothingOutsideTheFolderIsServed() throws Exception {
        for (String path : new String[] {"/news/../secret.txt", "/news/%2e%2e/secret.txt", "/news/%2E%2E%2Fsecret.txt",
                "/news/..%5csecret.txt", "/news/c/../../secret.txt"}) {
            assertThat(raw(path)).as(path).doesNotContain("secret").contains("404");
        }
    }

    /** Sends the path exactly as written, which an HTTP client would normalise first. */
    private String raw(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void onlyReadsAreAllowed() throws Exception {
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/news/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
