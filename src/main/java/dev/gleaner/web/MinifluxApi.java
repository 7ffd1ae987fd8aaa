package dev.gleaner.web;

import dev.gleaner.config.OpmlWriter;
import dev.gleaner.config.Subscription;
import dev.gleaner.model.BuildVersion;
import dev.gleaner.pipeline.FeedDiscovery;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The REST API of Miniflux ({@code /v1/…}), so that its clients work unchanged: HTTP Basic with the
 * account of {@code gleaner passwd} or an API key as {@code X-Auth-Token} ({@link MinifluxKeys}), errors as
 * {@code {"error_message": …}}: the account, the categories, the feeds (read, followed, unfollowed,
 * refreshed; {@link MinifluxWrites}), OPML out and in, and the entries ({@link MinifluxEntries}).
 */
final class MinifluxApi {
    /** Miniflux's one user, and what its clients ask of it. */
    static final long USER_ID = 1;

    private final Store store;
    private final BasicAuth auth;
    private final MinifluxEntries entries;
    private final MinifluxWrites writes;
    private final MinifluxKeys keys;
    private final InstantSource clock;
    private final Runnable wake;

    /** @param wake tells the poller, if this process has one, that subscriptions were made due */
    MinifluxApi(Store store, BasicAuth auth, MinifluxKeys keys, SearchCatchUp search, Following following,
            FeedDiscovery discovery, InstantSource clock, Runnable wake) {
        this.store = store;
        this.auth = auth;
        this.writes = new MinifluxWrites(store, following, discovery, clock, wake);
        this.keys = keys;
        this.entries = new MinifluxEntries(store, search, clock);
        this.clock = clock;
        this.wake = wake;
    }

    void routes(RoutesConfig routes) {
        routes.before("/v1/*", this::signIn);
        routes.before("/v1", this::signIn);
        routes.get("/v1/me", this::me);
        // Before /v1/feeds/{id}: the first route that matches answers, and "counters" would be an id.
        entries.routes(routes);
        routes.get("/v1/version", this::version);
        routes.get("/v1/categories", this::categories);
        routes.get("/v1/categories/{id}/feeds", this::feedsOfCategory);
        routes.get("/v1/feeds", ctx -> JsonAnswer.send(ctx, 200, feeds(Optional.empty())));
        routes.get("/v1/feeds/{id}", this::feed);
        routes.put("/v1/feeds/refresh", ctx -> refresh(ctx, Optional.empty()));
        routes.put("/v1/feeds/{id}/refresh", ctx -> number(ctx.pathParam("id")).ifPresentOrElse(
                id -> refresh(ctx, Optional.of(id)), () -> error(ctx, 400, "Invalid feed ID")));
        routes.get("/v1/export", this::export);
        writes.routes(routes);
        keys.routes(routes);
    }

    /** Makes the feed, or every feed, due now: the poller fetches it in its next pass, at once if it is here. */
    private void refresh(Context ctx, Optional<Long> id) {
        if (store.subscriptions().dueNow(id, clock.instant()) == 0 && id.isPresent()) {
            error(ctx, 404, "Feed not found");
            return;
        }
        wake.run();
        ctx.status(204);
    }

    private void export(Context ctx) {
        List<Subscription> followed = store.subscriptions().followed().stream().map(SubscriptionState::subscription)
                .toList();
        ctx.contentType("text/xml; charset=utf-8").result(new OpmlWriter(clock).write("Gleaner", followed));
    }

    private void version(Context ctx) {
        JsonAnswer.send(ctx, 200, Map.of("version", BuildVersion.text(), "commit", "", "build_date", "",
                "go_version", "", "compiler", "", "arch", "", "os", ""));
    }

    private void categories(Context ctx) {
        List<SubscriptionState> followed = store.subscriptions().followed();
        Map<String, Long> ids = categoryIds(store, followed);
        TreeSet<String> paths = new TreeSet<>(ids.keySet());
        List<Map<String, Object>> categories = new ArrayList<>();
        paths.stream().sorted(Comparator.comparing(MinifluxShapes::title))
                .forEach(path -> categories.add(MinifluxShapes.category(ids.get(path), path)));
        JsonAnswer.send(ctx, 200, categories);
    }

    private void feedsOfCategory(Context ctx) {
        Optional<Long> id = number(ctx.pathParam("id"));
        if (id.isEmpty()) {
            error(ctx, 400, "Invalid category ID");
            return;
        }
        List<Map<String, Object>> feeds = feeds(id);
        if (feeds.isEmpty()) {
            error(ctx, 404, "Category not found");
            return;
        }
        JsonAnswer.send(ctx, 200, feeds);
    }

    private void feed(Context ctx) {
        Optional<Long> id = number(ctx.pathParam("id"));
        List<SubscriptionState> followed = store.subscriptions().followed();
        Optional<SubscriptionState> found = followed.stream().filter(state -> id.isPresent() && state.id() == id.get())
                .findFirst();
        if (found.isEmpty()) {
            error(ctx, 404, "Feed not found");
            return;
        }
        JsonAnswer.send(ctx, 200, MinifluxShapes.feed(found.get(),
                categoryIds(store, List.of(found.get())).get(MinifluxShapes.categoryPath(found.get()))));
    }

    /** The feeds followed, in the tree's order; only those of one category when {@code category} is given. */
    private List<Map<String, Object>> feeds(Optional<Long> category) {
        List<SubscriptionState> followed = store.subscriptions().followed();
        Map<String, Long> ids = categoryIds(store, followed);
        List<Map<String, Object>> feeds = new ArrayList<>();
        for (SubscriptionState state : followed) {
            long categoryId = ids.get(MinifluxShapes.categoryPath(state));
            if (category.isEmpty() || category.get() == categoryId) {
                feeds.add(MinifluxShapes.feed(state, categoryId));
            }
        }
        return feeds;
    }

    /** The numbers of the categories of {@code subscriptions}, by category path; numbered now if need be. */
    static Map<String, Long> categoryIds(Store store, Collection<SubscriptionState> subscriptions) {
        return store.reader().categoryIds(new TreeSet<>(subscriptions.stream().map(MinifluxShapes::categoryPath)
                .toList()));
    }

    /** The whole number {@code text} is, if it is one. */
    static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void signIn(Context ctx) {
        String token = ctx.header("X-Auth-Token");
        switch (token != null ? auth.checkKey(token, ctx.ip()) : auth.check(ctx.header("Authorization"), ctx.ip())) {
            case SIGNED_IN -> {
            }
            case REFUSED -> {
                ctx.header("WWW-Authenticate", "Basic realm=\"Gleaner\", charset=\"UTF-8\"");
                error(ctx, 401, "Access Unauthorized");
                ctx.skipRemainingHandlers();
            }
            case HELD_BACK -> {
                ctx.header("Retry-After", String.valueOf(LoginLimiter.WINDOW.toSeconds()));
                error(ctx, 429, "Too many failed sign-ins from this address; try again later");
                ctx.skipRemainingHandlers();
            }
        }
    }

    private void me(Context ctx) {
        JsonAnswer.send(ctx, 200, MinifluxShapes.user(store.account().account().orElseThrow()));
    }

    static void error(Context ctx, int status, String message) {
        JsonAnswer.send(ctx, status, Map.of("error_message", message));
    }
}
