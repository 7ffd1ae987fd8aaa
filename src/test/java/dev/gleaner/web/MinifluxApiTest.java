package dev.gleaner.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.store.Account;
import dev.gleaner.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Miniflux API over real HTTP on loopback, as its clients call it. */
class MinifluxApiTest {
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();
    Store store;
    WebServer server;

    @BeforeEach
    void start() {
        store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"));
        server = WebServer.start("127.0.0.1", 0, dir.resolve("public"), "/", new ServerMetrics(InstantSource.system()),
                store.account(), InstantSource.system());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
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
}
