package dev.gleaner.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.OpmlException;
import dev.gleaner.config.OpmlReader;
import dev.gleaner.config.Subscription;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedUrl;
import dev.gleaner.pipeline.DiscoveryException;
import dev.gleaner.pipeline.FeedDiscovery;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionConflictException;
import dev.gleaner.store.SubscriptionState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Miniflux's clients change through its API: feeds found at a page, followed, unfollowed, and an
 * OPML file imported. A feed followed goes into the category of {@code category_id} under its own title.
 */
final class MinifluxWrites {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Following following;
    private final FeedDiscovery discovery;
    private final InstantSource clock;

    MinifluxWrites(Store store, Following following, FeedDiscovery discovery, InstantSource clock) {
        this.store = store;
        this.following = following;
        this.discovery = discovery;
        this.clock = clock;
    }

    void routes(RoutesConfig routes) {
        routes.post("/v1/discover", this::discover);
        routes.post("/v1/feeds", this::create);
        routes.delete("/v1/feeds/{id}", this::delete);
        routes.post("/v1/import", this::importOpml);
    }

    /**
     * The body as JSON, whatever content type the client named (some send JSON as a form); empty after
     * answering 400 when it is not JSON.
     */
    static Optional<JsonNode> jsonBody(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                MinifluxApi.error(ctx, 400, "The request body must be a JSON object");
                return Optional.empty();
            }
            return Optional.of(body);
        } catch (JsonProcessingException e) {
            MinifluxApi.error(ctx, 400, "Invalid JSON body: " + e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            MinifluxApi.error(ctx, 400, "Unreadable body: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    private void discover(Context ctx) {
        Optional<JsonNode> body = jsonBody(ctx);
        if (body.isEmpty()) {
            return;
        }
        String url = text(body.get(), "url");
        if (!Following.isWebAddress(url)) {
            MinifluxApi.error(ctx, 400, "Invalid URL: only http, https and rsshub addresses are followed");
            return;
        }
        try {
            List<Map<String, Object>> found = new ArrayList<>();
            for (FeedDiscovery.Candidate candidate : discovery.discover(url).candidates()) {
                Map<String, Object> feed = new LinkedHashMap<>();
                feed.put("url", candidate.url());
                feed.put("title", candidate.title().isEmpty() ? candidate.url() : candidate.title());
                feed.put("type", "rss");
                found.add(feed);
            }
            JsonAnswer.send(ctx, 200, found);
        } catch (DiscoveryException e) {
            MinifluxApi.error(ctx, 404, e.getMessage());
        }
    }

    private void create(Context ctx) {
        Optional<JsonNode> body = jsonBody(ctx);
        if (body.isEmpty()) {
            return;
        }
        String url = text(body.get(), "feed_url");
        if (!Following.isWebAddress(url)) {
            MinifluxApi.error(ctx, 400, "Invalid feed URL: only http, https and rsshub addresses are followed");
            return;
        }
        JsonNode categoryId = body.get().get("category_id");
        List<SubscriptionState> followed = store.subscriptions().followed();
        Map<Long, String> categories = new LinkedHashMap<>();
        MinifluxApi.categoryIds(store, followed).forEach((path, id) -> categories.put(id, path));
        Optional<String> category = categoryId == null || categoryId.isNull() ? Optional.of(MinifluxShapes.TOP)
                : Optional.ofNullable(categoryId.canConvertToLong() ? categories.get(categoryId.asLong()) : null);
        if (category.isEmpty()) {
            MinifluxApi.error(ctx, 400, "Category not found for this user");
            return;
        }
        Feed feed;
        try {
            feed = discovery.feedAt(url);
        } catch (DiscoveryException e) {
            MinifluxApi.error(ctx, 400, e.getMessage());
            return;
        }
        String title = feed.title().isBlank() ? url : feed.title().strip();
        List<String> levels = new ArrayList<>(category.get().equals(MinifluxShapes.TOP) ? List.of()
                : CategoryPath.parse(category.get()).levels());
        levels.add(title);
        CategoryPath path = new CategoryPath(levels);
        try {
            SubscriptionState added = following.add(new Subscription(path, FeedUrl.parse(url), path.site(),
                    OptionalInt.empty(), Subscription.DEFAULT_INTERVAL, false, Optional.empty(), false));
            JsonAnswer.send(ctx, 201, Map.of("feed_id", added.id()));
        } catch (SubscriptionConflictException e) {
            MinifluxApi.error(ctx, 409, "This feed already exists (" + e.getMessage() + ")");
        }
    }

    private void delete(Context ctx) {
        Optional<Long> id = MinifluxApi.number(ctx.pathParam("id"));
        Optional<SubscriptionState> found = store.subscriptions().followed().stream()
                .filter(state -> id.isPresent() && state.id() == id.get()).findFirst();
        if (found.isEmpty()) {
            MinifluxApi.error(ctx, 404, "Feed not found");
            return;
        }
        try {
            store.subscriptions().retire(found.get().subscription().path(), clock.instant());
            ctx.status(204);
        } catch (SubscriptionConflictException e) {
            MinifluxApi.error(ctx, 403, e.getMessage());
        }
    }

    private void importOpml(Context ctx) {
        try {
            Following.Imported imported = following.importTree(new OpmlReader().read("the request body",
                    new ByteArrayInputStream(ctx.bodyAsBytes())));
            JsonAnswer.send(ctx, 201, Map.of("message", "Feeds imported successfully: " + imported.added().size()
                    + " followed" + (imported.leftOut().isEmpty() ? "" : ", " + imported.leftOut().size()
                    + " already followed")));
        } catch (OpmlException e) {
            MinifluxApi.error(ctx, 400, e.getMessage());
        } catch (SubscriptionConflictException e) {
            MinifluxApi.error(ctx, 409, e.getMessage());
        }
    }
}
