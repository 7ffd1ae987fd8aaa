package dev.gleaner.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gleaner.content.ContentHash;
import dev.gleaner.store.AccountStore;
import dev.gleaner.store.ApiKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Miniflux's API keys ({@code /v1/api-keys}): made for one app each, sent as {@code X-Auth-Token}, removed
 * one by one. A key's token is shown once, in the answer that made it; the store keeps only its SHA-256.
 */
final class MinifluxKeys {
    private final AccountStore accounts;
    private final InstantSource clock;

    MinifluxKeys(AccountStore accounts, InstantSource clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    void routes(RoutesConfig routes) {
        routes.get("/v1/api-keys", ctx -> JsonAnswer.send(ctx, 200, accounts.apiKeys().stream()
                .map(key -> shape(key, "")).toList()));
        routes.post("/v1/api-keys", this::create);
        routes.delete("/v1/api-keys/{id}", ctx -> {
            if (MinifluxApi.number(ctx.pathParam("id")).filter(accounts::removeApiKey).isEmpty()) {
                MinifluxApi.error(ctx, 404, "API Key not found");
                return;
            }
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        Optional<JsonNode> body = MinifluxWrites.jsonBody(ctx);
        if (body.isEmpty()) {
            return;
        }
        JsonNode description = body.get().get("description");
        String text = description == null ? "" : description.asText().strip();
        if (text.isEmpty()) {
            MinifluxApi.error(ctx, 400, "The description is required");
            return;
        }
        Optional<Made> made = make(text);
        if (made.isEmpty()) {
            MinifluxApi.error(ctx, 400, "This API Key description already exists");
            return;
        }
        JsonAnswer.send(ctx, 201, shape(made.get().key(), made.get().token()));
    }

    /** A key just made, with its token: the one time the token is known. */
    record Made(ApiKey key, String token) {
    }

    /** Makes a key for {@code description}; empty when a key has that description already. */
    Optional<Made> make(String description) {
        String token = Sessions.randomToken();
        return accounts.addApiKey(description, hash(token), clock.instant()).map(key -> new Made(key, token));
    }

    /** The SHA-256 a token is kept and looked up by. */
    static String hash(String token) {
        return ContentHash.of(token.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> shape(ApiKey key, String token) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("id", key.id());
        shape.put("user_id", MinifluxApi.USER_ID);
        shape.put("token", token);
        shape.put("description", key.description());
        shape.put("last_used_at", key.lastUsed().map(Instant::toString).orElse(null));
        shape.put("created_at", key.created().toString());
        return shape;
    }

    /** The keys, oldest first. */
    List<ApiKey> keys() {
        return accounts.apiKeys();
    }
}
