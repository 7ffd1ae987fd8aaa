package dev.gleaner.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.app.Gleaner;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.store.Account;
import dev.gleaner.store.SubscriptionState;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Miniflux's writes and API keys over real HTTP, with the bodies its clients send, feeds on a local server. */
class MinifluxWritesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("admin:correct horse".getBytes(UTF_8));

    @TempDir
    Path dir;

    final MockWebServer site = new MockWebServer();
    final HttpClient http = HttpClient.newHttpClient();
    final AtomicInteger wakes = new AtomicInteger();
    Gleaner gleaner;
    WebServer server;

    @BeforeEach
    void start() throws Exception {
        site.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/blog/")) {
                    return new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
                            .body("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">"
                                    + "</head><body></body></html>").build();
                }
                if (path.equals("/feed.xml") || path.equals("/other.xml")) {
                    RssDocument feed = RssDocument.channel(path.equals("/feed.xml") ? "天气预报" : "另一个",
                            "https://example.org" + path);
                    feed.item("今天", "<p>晴</p>", "Sat, 21 May 2022 01:00:00 GMT", "https://example.org/1", "1");
                    // The other feed is a podcast: its item carries its audio.
                    String xml = path.equals("/other.xml") ? feed.xml().replace("</item>", "<enclosure"
                            + " url=\"https://example.org/1.mp3\" type=\"audio/mpeg\" length=\"1234\"/></item>") : feed.xml();
                    return new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                            .body(xml).build();
                }
                return new MockResponse.Builder().code(404).body("no such page").build();
            }
        });
        site.start();
        Workspace workspace = new Workspace(dir);
        workspace.loopbackConfig(Duration.ofSeconds(5), "新闻:\n  天气:\n    旧的: " + site.url("/other.xml") + "\n");
        assertThat(workspace.run("run", "--no-build").exitCode()).isZero();
        gleaner = new Gleaner(new ConfigLoader().load(dir.resolve("gleaner.yml")), InstantSource.system());
        gleaner.store().account().set(new Account("admin", Passwords.hash("correct horse"), Instant.now()));
        server = WebServer.start("127.0.0.1", 0, gleaner, new ServerMetrics(InstantSource.system()),
                wakes::incrementAndGet);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        gleaner.close();
        site.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    @Test
    void discoversFollowsIntoACategoryUnfollowsAndImports() throws Exception {
        JsonNode found = json(send("POST", "/v1/discover", "{\"url\":\"" + site.url("/blog/") + "\"}",
                "Authorization", BASIC), 200);
        assertThat(found.get(0).get("url").asText()).isEqualTo(site.url("/feed.xml").toString());

        long category = json(send("GET", "/v1/categories", null, "Authorization", BASIC), 200).get(0).get("id").asLong();
        // A JSON body under a form's content type, as some clients send it.
        JsonNode created = json(send("POST", "/v1/feeds", "{\"feed_url\":\"" + site.url("/feed.xml") + "\",\"category_id\":"
                + category + "}", "Authorization", BASIC, "Content-Type", "application/x-www-form-urlencoded"), 201);
        long id = created.get("feed_id").asLong();
        assertThat(created.get("feed_id").canConvertToInt()).isTrue();
        SubscriptionState added = gleaner.store().subscriptions().followed().stream().filter(state -> state.id() == id)
                .findFirst().orElseThrow();
        assertThat(added.path()).isEqualTo("新闻/天气/天气预报");
        assertThat(wakes.get()).isEqualTo(1);
        assertThat(json(send("GET", "/v1/feeds/" + id, null, "Authorization", BASIC), 200).get("category").get("id")
                .asLong()).isEqualTo(category);

        assertThat(send("POST", "/v1/feeds", "{\"feed_url\":\"" + site.url("/feed.xml") + "\"}", "Authorization", BASIC)
                .statusCode()).as("the same feed twice").isEqualTo(409);
        assertThat(send("POST", "/v1/feeds", "{\"feed_url\":\"file:///etc/passwd\"}", "Authorization", BASIC)
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/v1/feeds", "{\"feed_url\":\"" + site.url("/feed.xml") + "\",\"category_id\":999}",
                "Authorization", BASIC).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/v1/feeds", "not json", "Authorization", BASIC).statusCode()).isEqualTo(400);

        // Renamed and put at the top: both are its path, so it moves there.
        JsonNode renamed = json(send("PUT", "/v1/feeds/" + id, "{\"title\":\"预报\",\"category_id\":" + category
                + ",\"crawler\":true}", "Authorization", BASIC), 201);
        assertThat(renamed.get("title").asText()).isEqualTo("预报");
        assertThat(gleaner.store().subscriptions().followed().stream().filter(state -> state.id() == id).findFirst()
                .orElseThrow().path()).isEqualTo("新闻/天气/预报");
        assertThat(wakes.get()).isEqualTo(2);
        assertThat(send("PUT", "/v1/feeds/" + id, "{\"feed_url\":\"https://example.org/elsewhere\"}",
                "Authorization", BASIC).statusCode()).isEqualTo(400);

        assertThat(send("DELETE", "/v1/feeds/" + id, null, "Authorization", BASIC).statusCode()).isEqualTo(204);
        assertThat(gleaner.store().subscriptions().followed()).extracting(SubscriptionState::path)
                .doesNotContain("新闻/天气/天气预报");
        long declared = gleaner.store().subscriptions().followed().get(0).id();
        assertThat(send("DELETE", "/v1/feeds/" + declared, null, "Authorization", BASIC).statusCode())
                .as("a feed the configuration file declares").isEqualTo(403);
        assertThat(send("DELETE", "/v1/feeds/999", null, "Authorization", BASIC).statusCode()).isEqualTo(404);

        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"博客\"><outline text=\"站\">"
                + "<outline type=\"rss\" text=\"预报\" xmlUrl=\"" + site.url("/feed.xml") + "\"/></outline></outline>"
                + "</body></opml>";
        assertThat(json(send("POST", "/v1/import", opml, "Authorization", BASIC), 201).get("message").asText())
                .startsWith("Feeds imported successfully");
        assertThat(gleaner.store().subscriptions().followed()).extracting(SubscriptionState::path).contains("博客/站/预报");
        assertThat(send("POST", "/v1/import", "<opml><body", "Authorization", BASIC).statusCode()).isEqualTo(400);
    }

    @Test
    void anEntrysEnclosuresAreInItsMinifluxAndReaderShapes() throws Exception {
        JsonNode entry = json(send("GET", "/v1/entries", null, "Authorization", BASIC), 200).get("entries").get(0);
        JsonNode file = entry.get("enclosures").get(0);
        assertThat(file.get("url").asText()).isEqualTo("https://example.org/1.mp3");
        assertThat(file.get("mime_type").asText()).isEqualTo("audio/mpeg");
        assertThat(file.get("size").asLong()).isEqualTo(1234);
        assertThat(file.get("entry_id").asLong()).isEqualTo(entry.get("id").asLong());

        ReaderBrowser browser = new ReaderBrowser(server.port());
        browser.signIn("correct horse");
        assertThat(browser.get("/app/entries/" + entry.get("id").asLong()).body())
                .contains("<audio controls preload=\"none\" src=\"https://example.org/1.mp3\">");
    }

    @Test
    void apiKeysAreMadeListedUsedAsXAuthTokenAndRemoved() throws Exception {
        JsonNode made = json(send("POST", "/v1/api-keys", "{\"description\":\"手机\"}", "Authorization", BASIC), 201);
        String token = made.get("token").asText();
        assertThat(token).hasSizeGreaterThan(30);
        assertThat(send("POST", "/v1/api-keys", "{\"description\":\"手机\"}", "Authorization", BASIC).statusCode())
                .isEqualTo(400);

        assertThat(json(send("GET", "/v1/me", null, "X-Auth-Token", token), 200).get("username").asText())
                .isEqualTo("admin");
        JsonNode listed = json(send("GET", "/v1/api-keys", null, "X-Auth-Token", token), 200);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("description").asText()).isEqualTo("手机");
        assertThat(listed.get(0).get("token").asText()).as("never shown again").isEmpty();
        assertThat(listed.get(0).get("last_used_at").isNull()).isFalse();
        assertThat(gleaner.store().account().apiKeys().toString()).doesNotContain(token);

        assertThat(send("GET", "/v1/me", null, "X-Auth-Token", token + "x").statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/v1/api-keys/" + made.get("id").asLong(), null, "Authorization", BASIC).statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/v1/me", null, "X-Auth-Token", token).statusCode()).isEqualTo(401);
    }

    @Test
    void theSettingsPageMakesAKeyShownOnce() throws Exception {
        ReaderBrowser browser = new ReaderBrowser(server.port());
        String csrf = browser.signIn("correct horse");
        String page = browser.post("/app/settings/keys", Map.of("csrf", csrf, "description", "终端")).body();
        String token = page.replaceAll("(?s).*<code id=\"new-key\">([^<]+)</code>.*", "$1");
        assertThat(json(send("GET", "/v1/me", null, "X-Auth-Token", token), 200).get("id").asLong()).isEqualTo(1);
        String later = browser.get("/app/settings").body();
        assertThat(later).contains("终端").doesNotContain(token).contains("/api/greader.php").contains("/fever/");
    }
}
