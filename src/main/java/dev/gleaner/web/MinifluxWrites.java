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
 * What Miniflux's clients change through its API: feeds found at a page, followed, renamed or moved,
 * unfollowed, and an OPML file imported. A feed followed goes into the category of {@code category_id} under its own title.
 */
final class MinifluxWrites {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Following following;
    private final FeedDiscovery discovery;
    private final InstantSource clock;
    private final Runnable wake;

    /** @param wake tells the poller, if this process has one, that posts are to move */
    MinifluxWrites(Store store, Following following, FeedDiscovery discovery, InstantSource clock, Runnable wake) {
        this.store = store;
        this.following = following;
        this.discovery = discovery;
        this.clock = clock;
        this.wake = wake;
    }

    void routes(RoutesConfig routes) {
        routes.post("/v1/discover", this::discover);
        routes.post("/v1/feeds", this::create);
        routes.put("/v1/feeds/{id}", this::update);
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

    /**
     * Renames a feed ({@code title}) or puts it in another category ({@code category_id}): both are its
     * path in the tree, so it moves there, its posts following in the poller's next pass. What else
     * Miniflux lets a client change (crawler, rules, user agent) Gleaner has not, and it is left alone.
     */
    private void update(Context ctx) {
        Optional<Long> id = MinifluxApi.number(ctx.pathParam("id"));
        List<SubscriptionState> followed = store.subscriptions().followed();
        Optional<SubscriptionState> found = followed.stream().filter(state -> id.isPresent() && state.id() == id.get())
                .findFirst();
        if (found.isEmpty()) {
            MinifluxApi.error(ctx, 404, "Feed not found");
            return;
        }
        Optional<JsonNode> body = jsonBody(ctx);
        if (body.isEmpty()) {
            return;
        }
        SubscriptionState state = found.get();
        if (body.get().hasNonNull("feed_url") && !text(body.get(), "feed_url").equals(state.url().text())) {
            MinifluxApi.error(ctx, 400, "Changing a feed's URL is not supported: follow the new one and remove this one");
            return;
        }
        Map<String, Long> ids = MinifluxApi.categoryIds(store, followed);
        String category = MinifluxShapes.categoryPath(state);
        if (body.get().hasNonNull("category_id")) {
            long wanted = body.get().get("category_id").asLong();
            Optional<String> path = ids.entrySet().stream().filter(entry -> entry.getValue() == wanted)
                    .map(Map.Entry::getKey).findFirst();
            if (path.isEmpty()) {
                MinifluxApi.error(ctx, 400, "Category not found for this user");
                return;
            }
            category = path.get();
        }
        String title = body.get().hasNonNull("title") && !text(body.get(), "title").isEmpty() ? text(body.get(), "title")
                : state.subscription().path().name();
        List<String> levels = new ArrayList<>(category.equals(MinifluxShapes.TOP) ? List.of()
                : CategoryPath.parse(category).levels());
        levels.add(title);
        CategoryPath target = new CategoryPath(levels);
        if (!target.equals(state.subscription().path())) {
            try {
                store.subscriptions().move(state.subscription().path(), target);
            } catch (SubscriptionConflictException e) {
                MinifluxApi.error(ctx, 409, e.getMessage());
                return;
            }
            wake.run();
        }
        SubscriptionState moved = store.subscriptions().followed().stream().filter(one -> one.id() == state.id())
                .findFirst().orElse(state);
        JsonAnswer.send(ctx, 201, MinifluxShapes.feed(moved, MinifluxApi.categoryIds(store, List.of(moved))
                .get(MinifluxShapes.categoryPath(moved))));
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
