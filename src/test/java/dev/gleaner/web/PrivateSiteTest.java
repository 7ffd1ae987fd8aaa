package dev.gleaner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.store.Account;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve: {public_site: false}}: the built site only for a browser signed in to the reader. */
class PrivateSiteTest {
    @TempDir
    Path dir;

    Gleaner gleaner;
    WebServer server;

    @BeforeEach
    void start() throws Exception {
        Workspace workspace = new Workspace(dir);
        RssDocument feed = RssDocument.channel("热榜", "https://example.org/hot");
        feed.item("只给自己看的", "<p>正文</p>", "Sat, 21 May 2022 01:00:00 GMT", "https://example.org/1", "1");
        workspace.write("feeds/hot.xml", feed.xml());
        Path config = workspace.config("新闻:\n  示例:\n    热榜: feeds/hot.xml\n");
        Files.writeString(config, "serve: {public_site: false}\n" + Files.readString(config));
        assertThat(workspace.run("run").exitCode()).isZero();
        gleaner = new Gleaner(new ConfigLoader().load(config), InstantSource.system());
        gleaner.store().account().set(new Account("admin", Passwords.hash("correct horse"), Instant.now()));
        server = WebServer.start("127.0.0.1", 0, gleaner, new ServerMetrics(InstantSource.system()), () -> { });
    }

    @AfterEach
    void stop() {
        server.close();
        gleaner.close();
    }

    @Test
    void theSiteAsksForTheReadersSignInAndShowsItselfAfter() throws Exception {
        ReaderBrowser browser = new ReaderBrowser(server.port());
        assertThat(browser.get("/").statusCode()).isEqualTo(303);
        assertThat(browser.get("/").headers().firstValue("Location")).hasValue("/app/login");
        assertThat(browser.get("/index.html").statusCode()).isEqualTo(303);
        assertThat(browser.get("/healthz").statusCode()).as("operations stay open").isEqualTo(200);

        browser.signIn("correct horse");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/").body()).contains("只给自己看的");
    }
}
