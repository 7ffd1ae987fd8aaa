package dev.gleaner.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gleaner.store.EntryQuery;
import dev.gleaner.store.ReaderEntry;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of Miniflux's API: listed with its filters, read one by one, marked read or unread (all of a
 * feed, a category or the user at once too), starred; the read and unread counts per feed.
 */
final class MinifluxEntries {
    private static final int DEFAULT_LIMIT = 100;

    private final Store store;
    private final SearchCatchUp search;
    private final InstantSource clock;

    MinifluxEntries(Store store, SearchCatchUp search, InstantSource clock) {
        this.store = store;
        this.search = search;
        this.clock = clock;
    }

    void routes(RoutesConfig routes) {
        routes.get("/v1/entries", ctx -> list(ctx, Optional.empty()));
        routes.get("/v1/feeds/counters", this::counters);
        routes.get("/v1/feeds/{id}/entries", ctx -> MinifluxApi.number(ctx.pathParam("id"))
                .ifPresentOrElse(feed -> list(ctx, Optional.of(List.of(feed))),
                        () -> MinifluxApi.error(ctx, 400, "Invalid feed ID")));
        routes.get("/v1/categories/{id}/entries", ctx -> MinifluxApi.number(ctx.pathParam("id"))
                .ifPresentOrElse(category -> list(ctx, Optional.of(feedsOfCategory(category))),
                        () -> MinifluxApi.error(ctx, 400, "Invalid category ID")));
        routes.get("/v1/entries/{id}", this::one);
        routes.put("/v1/entries", this::mark);
        routes.put("/v1/entries/{id}/bookmark", this::star);
        routes.put("/v1/entries/{id}/star", this::star);
        routes.put("/v1/users/{id}/mark-all-as-read", ctx -> {
            if (MinifluxApi.number(ctx.pathParam("id")).filter(id -> id == MinifluxApi.USER_ID).isEmpty()) {
                MinifluxApi.error(ctx, 404, "User not found");
                return;
            }
            store.reader().markAllRead(Optional.empty(), clock.instant());
            ctx.status(204);
        });
        routes.put("/v1/feeds/{id}/mark-all-as-read", ctx -> markAllRead(ctx,
                MinifluxApi.number(ctx.pathParam("id")).filter(subscriptions()::containsKey).map(List::of),
                "Feed not found"));
        routes.put("/v1/categories/{id}/mark-all-as-read", ctx -> markAllRead(ctx,
                MinifluxApi.number(ctx.pathParam("id")).map(this::feedsOfCategory).filter(feeds -> !feeds.isEmpty()),
                "Category not found"));
    }

    private void markAllRead(Context ctx, Optional<List<Long>> feeds, String notFound) {
        if (feeds.isEmpty()) {
            MinifluxApi.error(ctx, 404, notFound);
            return;
        }
        store.reader().markAllRead(Optional.of(feeds.get()), clock.instant());
        ctx.status(204);
    }

    private void list(Context ctx, Optional<List<Long>> feeds) {
        Optional<EntryQuery> query = query(ctx, feeds);
        if (query.isEmpty()) {
            return;
        }
        if (query.get().search().isPresent()) {
            search.beforeSearch();
        }
        EntryQuery.Page page = store.reader().entries(query.get());
        Map<Long, SubscriptionState> subscriptions = subscriptions();
        Map<String, Long> categories = categoryIds(subscriptions);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ReaderEntry entry : page.entries()) {
            entries.add(shape(entry, subscriptions, categories));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", page.total());
        answer.put("entries", entries);
        JsonAnswer.send(ctx, 200, answer);
    }

    /** The query Miniflux's parameters ask for, or empty after answering 400 with what was wrong. */
    private static Optional<EntryQuery> query(Context ctx, Optional<List<Long>> feeds) {
        List<String> statuses = ctx.queryParams("status");
        Optional<Boolean> read = Optional.empty();
        if (!statuses.isEmpty()) {
            if (statuses.stream().anyMatch(status -> !List.of("read", "unread", "removed").contains(status))) {
                MinifluxApi.error(ctx, 400, "Invalid entry status");
                return Optional.empty();
            }
            boolean anyRead = statuses.contains("read");
            boolean anyUnread = statuses.contains("unread");
            if (anyRead != anyUnread) {
                read = Optional.of(anyRead);
            } else if (!anyRead) {
                // Only "removed": Gleaner removes nothing, so nothing matches.
                feeds = Optional.of(List.of());
            }
        }
        String starredParam = ctx.queryParam("starred");
        Optional<Boolean> starred = starredParam == null || starredParam.isEmpty() ? Optional.empty()
                : Optional.of(starredParam.equals("true") || starredParam.equals("1"));
        EntryQuery.Order order;
        switch (Optional.ofNullable(ctx.queryParam("order")).orElse("published_at")) {
            case "id" -> order = EntryQuery.Order.ID;
            case "status" -> order = EntryQuery.Order.STATUS;
            case "published_at" -> order = EntryQuery.Order.PUBLISHED;
            case "created_at" -> order = EntryQuery.Order.CREATED;
            case "changed_at" -> order = EntryQuery.Order.CHANGED;
            default -> {
                MinifluxApi.error(ctx, 400, "Invalid sorting order");
                return Optional.empty();
            }
        }
        String direction = Optional.ofNullable(ctx.queryParam("direction")).orElse("asc").toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            MinifluxApi.error(ctx, 400, "Invalid sorting direction");
            return Optional.empty();
        }
        Optional<Long> limit;
        Optional<Long> offset;
        Optional<Long> before;
        Optional<Long> after;
        Optional<Long> beforeId;
        Optional<Long> afterId;
        try {
            limit = count(ctx, "limit");
            offset = count(ctx, "offset");
            before = count(ctx, "before").or(() -> count(ctx, "published_before"));
            after = count(ctx, "after").or(() -> count(ctx, "published_after"));
            beforeId = count(ctx, "before_entry_id");
            afterId = count(ctx, "after_entry_id");
        } catch (NotANumber e) {
            MinifluxApi.error(ctx, 400, e.getMessage());
            return Optional.empty();
        }
        String search = ctx.queryParam("search");
        return Optional.of(new EntryQuery(read, starred, feeds, beforeId.filter(id -> id > 0),
                afterId.filter(id -> id > 0), before.map(Instant::ofEpochSecond), after.map(Instant::ofEpochSecond),
                Optional.ofNullable(search).filter(text -> !text.isBlank()), order, direction.equals("asc"),
                (int) Math.min(limit.orElse((long) DEFAULT_LIMIT), 10_000), (int) Math.min(offset.orElse(0L),
                        Integer.MAX_VALUE)));
    }

    /** A whole number of the query, not negative; empty when absent. */
    private static Optional<Long> count(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MinifluxApi.number(text).filter(n -> n >= 0)
                .orElseThrow(() -> new NotANumber("Invalid " + name + ": " + text)));
    }

    /** A parameter that should be a whole number, and is not. */
    private static final class NotANumber extends IllegalArgumentException {
        NotANumber(String message) {
            super(message);
        }
    }

    private void one(Context ctx) {
        Optional<ReaderEntry> entry = MinifluxApi.number(ctx.pathParam("id")).flatMap(store.reader()::entry);
        if (entry.isEmpty()) {
            MinifluxApi.error(ctx, 404, "Entry not found");
            return;
        }
        Map<Long, SubscriptionState> subscriptions = subscriptions();
        JsonAnswer.send(ctx, 200, shape(entry.get(), subscriptions, categoryIds(subscriptions)));
    }

    /** {@code PUT /v1/entries {"entry_ids": [1, 2], "status": "read"}}, whatever content type it came as. */
    private void mark(Context ctx) {
        Optional<JsonNode> read = MinifluxWrites.jsonBody(ctx);
        if (read.isEmpty()) {
            return;
        }
        JsonNode body = read.get();
        JsonNode ids = body.get("entry_ids");
        String status = body.get("status") == null ? "" : body.get("status").asText();
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            MinifluxApi.error(ctx, 400, "The list of entries is empty");
            return;
        }
        if (!status.equals("read") && !status.equals("unread")) {
            MinifluxApi.error(ctx, 400, "Invalid entry status");
            return;
        }
        List<Long> numbers = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong()) {
                MinifluxApi.error(ctx, 400, "Invalid entry ID: " + id);
                return;
            }
            numbers.add(id.asLong());
        }
        store.reader().markRead(numbers, status.equals("read"), clock.instant());
        ctx.status(204);
    }

    private void star(Context ctx) {
        Optional<Long> id = MinifluxApi.number(ctx.pathParam("id"));
        if (id.isEmpty() || !store.reader().toggleStar(id.get(), clock.instant())) {
            MinifluxApi.error(ctx, 404, "Entry not found");
            return;
        }
        ctx.status(204);
    }

    private void counters(Context ctx) {
        Map<String, Long> reads = new LinkedHashMap<>();
        Map<String, Long> unreads = new LinkedHashMap<>();
        store.reader().counts().forEach((feed, counts) -> {
            reads.put(String.valueOf(feed), counts[1]);
            unreads.put(String.valueOf(feed), counts[0]);
        });
        JsonAnswer.send(ctx, 200, Map.of("reads", reads, "unreads", unreads));
    }

    private List<Long> feedsOfCategory(long category) {
        Map<Long, SubscriptionState> subscriptions = subscriptions();
        Map<String, Long> ids = categoryIds(subscriptions);
        return subscriptions.values().stream()
                .filter(state -> ids.get(MinifluxShapes.categoryPath(state)) == category)
                .map(SubscriptionState::id).toList();
    }

    private Map<Long, SubscriptionState> subscriptions() {
        Map<Long, SubscriptionState> subscriptions = new HashMap<>();
        store.subscriptions().all().forEach(state -> subscriptions.put(state.id(), state));
        return subscriptions;
    }

    private Map<String, Long> categoryIds(Map<Long, SubscriptionState> subscriptions) {
        return MinifluxApi.categoryIds(store, subscriptions.values());
    }

    private static Map<String, Object> shape(ReaderEntry entry, Map<Long, SubscriptionState> subscriptions,
            Map<String, Long> categories) {
        SubscriptionState state = subscriptions.get(entry.feedId());
        return MinifluxShapes.entry(entry, state == null ? null
                : MinifluxShapes.feed(state, categories.get(MinifluxShapes.categoryPath(state))));
    }
}
