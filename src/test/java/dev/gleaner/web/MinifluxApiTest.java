package dev.gleaner.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import dev.gleaner.app.Gleaner;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.store.Account;
import dev.gleaner.store.Store;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Miniflux API over real HTTP on loopback, as its clients call it. */
class MinifluxApiTest {
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();
    final AtomicInteger wakes = new AtomicInteger();
    Gleaner gleaner;
    Store store;
    WebServer server;

    @BeforeEach
    void start() throws Exception {
        new Workspace(dir).config("{}");
        gleaner = new Gleaner(new ConfigLoader().load(dir.resolve("gleaner.yml")), InstantSource.system());
        store = gleaner.store();
        server = WebServer.start("127.0.0.1", 0, gleaner, new ServerMetrics(InstantSource.system()),
                wakes::incrementAndGet);
    }

    @AfterEach
    void stop() {
        server.close();
        gleaner.close();
    }

    private void password(String user, String password) {
        store.account().set(new Account(user, Passwords.hash(password), Instant.now()));
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }

    @Test
    void withoutCredentialsItAsksForBasicAsMinifluxDoes() throws Exception {
        password("admin", "correct horse");

        HttpResponse<String> response = get("/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic realm=");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"error_message\":\"Access Unauthorized\"}");
    }

    @Test
    void theAccountsCredentialsSignIn() throws Exception {
        password("读者", "correct horse");

        HttpResponse<String> me = get("/v1/me", basic("读者", "correct horse"));

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":1", "\"username\":\"读者\"", "\"is_admin\":true");
        assertThat(get("/v1/me", basic("读者", "correct horse")).statusCode()).as("again, trusted").isEqualTo(200);
    }

    @Test
    void aWrongPasswordAWrongUserOrNoAccountAreRefused() throws Exception {
        assertThat(get("/v1/me", basic("admin", "correct horse")).statusCode()).as("no password set yet").isEqualTo(401);
        password("admin", "correct horse");

        assertThat(get("/v1/me", basic("admin", "wrong horse")).statusCode()).isEqualTo(401);
        assertThat(get("/v1/me", basic("root", "correct horse")).statusCode()).isEqualTo(401);
        assertThat(get("/v1/me", "Basic !!!not-base64").statusCode()).isEqualTo(401);
        assertThat(get("/v1/me", "Bearer abc").statusCode()).isEqualTo(401);
    }

    @Test
    void aChangedPasswordEndsTheTrustInTheOldOne() throws Exception {
        password("admin", "correct horse");
        assertThat(get("/v1/me", basic("admin", "correct horse")).statusCode()).isEqualTo(200);

        password("admin", "another horse");

        assertThat(get("/v1/me", basic("admin", "correct horse")).statusCode()).isEqualTo(401);
        assertThat(get("/v1/me", basic("admin", "another horse")).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressThatKeepsGuessingIsHeldBackEvenWithTheRightPassword() throws Exception {
        password("admin", "correct horse");
        for (int i = 0; i < LoginLimiter.MOST_FAILURES; i++) {
            assertThat(get("/v1/me", basic("admin", "guess " + i)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> held = get("/v1/me", basic("admin", "correct horse"));

        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).contains(String.valueOf(LoginLimiter.WINDOW.toSeconds()));
        assertThat(held.body()).contains("error_message");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode signedIn(String path) throws Exception {
        HttpResponse<String> response = get(path, basic("admin", "correct horse"));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void follow(String... paths) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (String path : paths) {
            subscriptions.add(Subscription.of(CategoryPath.parse(path), "https://example.org/" + subscriptions.size()
                    + ".xml"));
        }
        store.subscriptions().reconcileAll(subscriptions, Instant.now());
    }

    @Test
    void categoriesAreThePathsAboveTheFeedsNumberedOnceAndKept() throws Exception {
        password("admin", "correct horse");
        follow("社交媒体/知乎/热榜", "社交媒体/知乎/日报", "新闻/BBC/中文");

        JsonNode categories = signedIn("/v1/categories");

        assertThat(categories).extracting(category -> category.get("title").asText())
                .containsExactly("新闻 › BBC", "社交媒体 › 知乎");
        assertThat(categories).allSatisfy(category -> {
            assertThat(category.get("user_id").asLong()).isEqualTo(1);
            assertThat(category.get("hide_globally").asBoolean()).isFalse();
            assertThat(category.get("id").canConvertToInt()).isTrue();
        });
        long zhihu = categories.get(1).get("id").asLong();

        follow("社交媒体/知乎/热榜", "社交媒体/知乎/日报", "新闻/BBC/中文", "开发/GitHub/趋势", "独立");
        JsonNode after = signedIn("/v1/categories");

        assertThat(after).extracting(category -> category.get("title").asText())
                .containsExactly("All", "开发 › GitHub", "新闻 › BBC", "社交媒体 › 知乎");
        assertThat(after.get(3).get("id").asLong()).as("a number is kept").isEqualTo(zhihu);
    }

    @Test
    void feedsAreTheSubscriptionsWithTheirCategoryAndHealth() throws Exception {
        password("admin", "correct horse");
        follow("社交媒体/知乎/热榜", "新闻/BBC/中文");

        JsonNode feeds = signedIn("/v1/feeds");

        assertThat(feeds).hasSize(2);
        JsonNode hot = feeds.get(0);
        assertThat(hot.get("title").asText()).isEqualTo("热榜");
        assertThat(hot.get("feed_url").asText()).isEqualTo("https://example.org/0.xml");
        assertThat(hot.get("user_id").asLong()).isEqualTo(1);
        assertThat(hot.get("checked_at").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(hot.get("parsing_error_count").asInt()).isZero();
        assertThat(hot.get("category").get("title").asText()).isEqualTo("社交媒体 › 知乎");
        assertThat(hot.has("icon")).isTrue();

        long id = hot.get("id").asLong();
        assertThat(signedIn("/v1/feeds/" + id).get("title").asText()).isEqualTo("热榜");
        long category = hot.get("category").get("id").asLong();
        assertThat(signedIn("/v1/categories/" + category + "/feeds")).extracting(feed -> feed.get("title").asText())
                .containsExactly("热榜");
    }

    @Test
    void anUnknownFeedOrCategoryIsNotFoundAndABadNumberIsABadRequest() throws Exception {
        password("admin", "correct horse");
        follow("社交媒体/知乎/热榜");

        HttpResponse<String> feed = get("/v1/feeds/999", basic("admin", "correct horse"));
        assertThat(feed.statusCode()).isEqualTo(404);
        assertThat(feed.body()).isEqualTo("{\"error_message\":\"Feed not found\"}");
        assertThat(get("/v1/categories/999/feeds", basic("admin", "correct horse")).statusCode()).isEqualTo(404);
        assertThat(get("/v1/categories/x/feeds", basic("admin", "correct horse")).statusCode()).isEqualTo(400);
        assertThat(get("/v1/feeds", null).statusCode()).as("no data without signing in").isEqualTo(401);
    }

    @Test
    void theVersionIsGleaners() throws Exception {
        password("admin", "correct horse");

        assertThat(signedIn("/v1/version").get("version").asText()).isNotBlank();
    }

    private int put(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", basic("admin", "correct horse")).PUT(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString(UTF_8)).statusCode();
    }

    @Test
    void aRefreshMakesTheFeedDueNowAndWakesThePoller() throws Exception {
        password("admin", "correct horse");
        follow("社交媒体/知乎/热榜", "新闻/BBC/中文");
        long hot = signedIn("/v1/feeds").get(0).get("id").asLong();
        Instant later = Instant.now().plusSeconds(3600);
        store.subscriptions().all().forEach(state -> store.subscriptions().onNotModified(state.id(), Instant.now(),
                state.memo(), later, true));

        assertThat(put("/v1/feeds/" + hot + "/refresh")).isEqualTo(204);

        assertThat(store.subscriptions().find("社交媒体/知乎/热榜").orElseThrow().health().isDue(Instant.now())).isTrue();
        assertThat(store.subscriptions().find("新闻/BBC/中文").orElseThrow().health().isDue(Instant.now())).isFalse();
        assertThat(wakes.get()).isEqualTo(1);
        assertThat(put("/v1/feeds/refresh")).isEqualTo(204);
        assertThat(store.subscriptions().find("新闻/BBC/中文").orElseThrow().health().isDue(Instant.now())).isTrue();
        assertThat(put("/v1/feeds/999/refresh")).isEqualTo(404);
    }

    @Test
    void theFeedsExportAsOpmlByTheirTree() throws Exception {
        password("admin", "correct horse");
        follow("社交媒体/知乎/热榜");

        HttpResponse<String> opml = get("/v1/export", basic("admin", "correct horse"));

        assertThat(opml.statusCode()).isEqualTo(200);
        assertThat(opml.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(opml.body()).contains("<opml", "text=\"社交媒体\"", "xmlUrl=\"https://example.org/0.xml\"");
    }
}
