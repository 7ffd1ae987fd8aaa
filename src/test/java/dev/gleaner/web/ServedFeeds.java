package dev.gleaner.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.ConfigException;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.store.Account;
import dev.gleaner.store.Store;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A server on a free loopback port over a store that {@code gleaner run} filled from feeds on disk
 * (社交媒体/知乎/热榜 with three items, 新闻/BBC/中文 with two), and the account admin / "correct horse".
 */
final class ServedFeeds implements AutoCloseable {
    static final String USER = "admin";
    static final String PASSWORD = "correct horse";

    final Workspace workspace;
    final Gleaner gleaner;
    final Store store;
    final WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    ServedFeeds(Path dir) throws ConfigException {
        workspace = new Workspace(dir);
        feed("zhihu.xml", "知乎热榜", 3);
        feed("bbc.xml", "BBC 中文", 2);
        workspace.config("社交媒体:\n  知乎:\n    热榜: feeds/zhihu.xml\n新闻:\n  BBC:\n    中文: feeds/bbc.xml\n");
        assertThat(workspace.run("run", "--no-build").exitCode()).isZero();
        gleaner = new Gleaner(new ConfigLoader().load(dir.resolve("gleaner.yml")), InstantSource.system());
        store = gleaner.store();
        store.account().set(new Account(USER, Passwords.hash(PASSWORD), Instant.now()));
        server = WebServer.start("127.0.0.1", 0, gleaner, new ServerMetrics(InstantSource.system()), () -> { });
    }

    /** Writes a feed of {@code items} items, the i-th dated 0i:00 on 21 May 2022. */
    void feed(String file, String title, int items) {
        RssDocument document = RssDocument.channel(title, "https://example.org/" + file);
        for (int i = 1; i <= items; i++) {
            document.item(title + " 问题 " + i, "<p>" + title + " 的回答 " + i + "，" + "很长的正文。".repeat(150) + "</p>",
                    "Sat, 21 May 2022 0" + i + ":00:00 GMT", "https://example.org/" + file + "/" + i, file + i);
        }
        workspace.write("feeds/" + file, document.xml());
    }

    /**
     * Sends a request as it is written, the path sent raw (encoded slashes stay encoded).
     *
     * @param body null for none
     * @param headers names and values, in turn
     */
    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    /** Sends raw bytes, for bodies a string cannot carry as they are (multipart). */
    HttpResponse<String> send(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    @Override
    public void close() {
        server.close();
        gleaner.close();
    }
}
