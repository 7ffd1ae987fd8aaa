package dev.gleaner.web;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.store.EntryQuery;
import dev.gleaner.store.ReaderEntry;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Fever API at {@code /fever/?api}, as its clients call it: {@code api_key = md5(name:API password)}
 * in the query, an urlencoded form or a multipart one, and a wrong or missing key answered
 * {@code {"api_version":3,"auth":0}} with 200, never 401. Groups are every level of the tree above the
 * feeds, numbered as Miniflux's categories are; a feed is in the group of each level above it, and marking
 * a group read marks all below it.
 */
final class FeverApi {
    /** Items per call at most, as the protocol says. */
    static final int MOST_ITEMS = 50;
    /** Fever's one favicon, a grey dot: the spec gives each feed one, and Gleaner keeps no icons. */
    private static final String FAVICON = "image/gif;base64,R0lGODlhAQABAIAAAObm5gAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==";
    private static final long FAVICON_ID = 1;

    private final Store store;
    private final ApiPasswordAuth auth;
    private final InstantSource clock;

    FeverApi(Store store, ApiPasswordAuth auth, InstantSource clock) {
        this.store = store;
        this.auth = auth;
        this.clock = clock;
    }

    void routes(RoutesConfig routes) {
        // GET as well as POST: the Unread app asks for everything in the query.
        routes.get("/fever", this::answer);
        routes.post("/fever", this::answer);
    }

    private void answer(Context ctx) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("api_version", 3);
        try {
            if (auth.fever(RequestParams.first(ctx, "api_key").orElse(null), ctx.ip()) != BasicAuth.Verdict.SIGNED_IN) {
                answer.put("auth", 0);
                JsonAnswer.send(ctx, 200, answer);
                return;
            }
            answer.put("auth", 1);
            List<SubscriptionState> followed = store.subscriptions().followed();
            answer.put("last_refreshed_on_time", followed.stream().flatMap(state -> state.health().lastAttempt().stream())
                    .max(Instant::compareTo).map(Instant::getEpochSecond).orElse(0L));
            if (RequestParams.has(ctx, "mark")) {
                mark(ctx, followed, answer);
            }
            read(ctx, followed, answer);
        } catch (BadInput e) {
            answer.put("error", e.getMessage());
            JsonAnswer.send(ctx, 400, answer);
            return;
        }
        JsonAnswer.send(ctx, 200, answer);
    }

    private void read(Context ctx, List<SubscriptionState> followed, Map<String, Object> answer) {
        Map<String, Long> groups = groups(followed);
        if (RequestParams.has(ctx, "groups")) {
            List<Map<String, Object>> list = new ArrayList<>();
            groups.forEach((path, id) -> list.add(Map.of("id", id, "title", MinifluxShapes.title(path))));
            answer.put("groups", list);
        }
        if (RequestParams.has(ctx, "feeds")) {
            List<Map<String, Object>> feeds = new ArrayList<>();
            for (SubscriptionState state : followed) {
                Map<String, Object> feed = new LinkedHashMap<>();
                feed.put("id", state.id());
                feed.put("favicon_id", FAVICON_ID);
                feed.put("title", state.subscription().path().name());
                feed.put("url", state.url().toString());
                feed.put("site_url", state.url().toString());
                feed.put("is_spark", 0);
                feed.put("last_updated_on_time", state.health().lastSuccess().map(Instant::getEpochSecond).orElse(0L));
                feeds.add(feed);
            }
            answer.put("feeds", feeds);
        }
        if (RequestParams.has(ctx, "groups") || RequestParams.has(ctx, "feeds")) {
            List<Map<String, Object>> feedsGroups = new ArrayList<>();
            groups.forEach((path, id) -> feedsGroups.add(Map.of("group_id", id, "feed_ids", feedsOf(path, followed)
                    .stream().map(String::valueOf).collect(Collectors.joining(",")))));
            answer.put("feeds_groups", feedsGroups);
        }
        if (RequestParams.has(ctx, "favicons")) {
            answer.put("favicons", List.of(Map.of("id", FAVICON_ID, "data", FAVICON)));
        }
        if (RequestParams.has(ctx, "items")) {
            items(ctx, answer);
        }
        if (RequestParams.has(ctx, "links")) {
            answer.put("links", List.of());
        }
        if (RequestParams.has(ctx, "unread_item_ids")) {
            answer.put("unread_item_ids", ids(Optional.of(false), Optional.empty()));
        }
        if (RequestParams.has(ctx, "saved_item_ids")) {
            answer.put("saved_item_ids", ids(Optional.empty(), Optional.of(true)));
        }
    }

    /**
     * Fifty items at most: above {@code since_id} oldest first, else below {@code max_id} newest first,
     * else those of {@code with_ids}, else the oldest, which is where a client syncing from 0 starts.
     */
    private void items(Context ctx, Map<String, Object> answer) {
        Optional<Long> since = RequestParams.count(ctx, "since_id");
        Optional<Long> max = RequestParams.count(ctx, "max_id").filter(id -> id > 0);
        Optional<String> with = RequestParams.first(ctx, "with_ids").map(String::strip).filter(ids -> !ids.isEmpty());
        List<ReaderEntry> entries;
        if (since.isEmpty() && max.isEmpty() && with.isPresent()) {
            List<Long> ids = new ArrayList<>();
            for (String id : with.get().split(",")) {
                ids.add(MinifluxApi.number(id.strip()).orElseThrow(() -> new BadInput("Invalid with_ids: " + id)));
            }
            if (ids.size() > MOST_ITEMS) {
                throw new BadInput("Too many with_ids: " + ids.size() + " (at most " + MOST_ITEMS + " a call)");
            }
            entries = store.reader().entries(ids);
        } else {
            boolean ascending = since.isPresent() || max.isEmpty();
            entries = store.reader().entries(new EntryQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    ascending ? Optional.empty() : max, ascending ? since.filter(id -> id > 0) : Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), EntryQuery.Order.ID, ascending, MOST_ITEMS,
                    0)).entries();
        }
        answer.put("total_items", store.reader().entries(EntryQuery.all(0)).total());
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReaderEntry entry : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", entry.id());
            item.put("feed_id", entry.feedId());
            item.put("title", entry.title());
            item.put("author", entry.author());
            item.put("html", entry.content());
            item.put("url", entry.url());
            item.put("is_saved", entry.starred() ? 1 : 0);
            item.put("is_read", entry.read() ? 1 : 0);
            item.put("created_on_time", entry.published().getEpochSecond());
            items.add(item);
        }
        answer.put("items", items);
    }

    /** Every number of the entries in that state, oldest first, comma-separated: clients reconcile with all. */
    private String ids(Optional<Boolean> read, Optional<Boolean> starred) {
        return store.reader().ids(new EntryQuery(read, starred, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), EntryQuery.Order.ID, true, Integer.MAX_VALUE, 0))
                .stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * {@code mark=item&as=read|unread|saved|unsaved&id=…}, set whatever it was; {@code mark=feed|group&as=read
     * &id=…&before=…}, where group 0 is everything and -1 (Sparks) nothing. Answers the ids it changed the
     * list of, as the spec asks.
     */
    private void mark(Context ctx, List<SubscriptionState> followed, Map<String, Object> answer) {
        String mark = RequestParams.first(ctx, "mark").orElse("");
        String as = RequestParams.first(ctx, "as").orElse("");
        String idText = RequestParams.first(ctx, "id").map(String::strip).orElse("");
        long id = MinifluxApi.number(idText).filter(value -> value >= -1).orElseThrow(() -> new BadInput(idText.isEmpty()
                ? "No id: send the number of the item, feed or group as id=…" : "Invalid id: " + idText));
        Instant now = clock.instant();
        switch (mark) {
            case "item" -> {
                switch (as) {
                    case "read", "unread" -> {
                        store.reader().markRead(List.of(id), as.equals("read"), now);
                        answer.put("unread_item_ids", ids(Optional.of(false), Optional.empty()));
                    }
                    case "saved", "unsaved" -> {
                        store.reader().markStarred(List.of(id), as.equals("saved"), now);
                        answer.put("saved_item_ids", ids(Optional.empty(), Optional.of(true)));
                    }
                    default -> throw new BadInput("Invalid as: " + as + " (read, unread, saved or unsaved)");
                }
            }
            case "feed", "group" -> {
                if (!as.equals("read")) {
                    throw new BadInput("Invalid as: " + as + " (a " + mark + " can only be marked read)");
                }
                Instant before = before(ctx, now);
                if (mark.equals("feed")) {
                    store.reader().markAllRead(Optional.of(List.of(id)), before, now);
                } else if (id == 0) {
                    store.reader().markAllRead(Optional.empty(), before, now);
                } else if (id > 0) {
                    Optional<String> path = groups(followed).entrySet().stream().filter(group -> group.getValue() == id)
                            .map(Map.Entry::getKey).findFirst();
                    path.ifPresent(group -> store.reader().markAllRead(Optional.of(feedsOf(group, followed)), before, now));
                }
                answer.put("unread_item_ids", ids(Optional.of(false), Optional.empty()));
            }
            default -> throw new BadInput("Invalid mark: " + mark + " (item, feed or group)");
        }
    }

    /**
     * {@code before}: in seconds as the spec says, or in milliseconds as Read You sent it; a time to come,
     * {@code Long.MAX_VALUE} included, is now.
     */
    private static Instant before(Context ctx, Instant now) {
        Optional<Long> before = RequestParams.count(ctx, "before");
        if (before.isEmpty()) {
            return now;
        }
        Instant at = RequestParams.time(before.get());
        return at.isAfter(now) ? now : at;
    }

    /** The number of each level of the tree above a feed, by its path, in the order of their titles. */
    private Map<String, Long> groups(List<SubscriptionState> followed) {
        Set<String> paths = new LinkedHashSet<>();
        for (SubscriptionState state : followed) {
            CategoryPath.parse(MinifluxShapes.categoryPath(state)).prefixes().forEach(path -> paths.add(path.toString()));
        }
        Map<String, Long> ids = store.reader().categoryIds(paths);
        Map<String, Long> groups = new TreeMap<>(Comparator.comparing(MinifluxShapes::title)
                .thenComparing(Comparator.naturalOrder()));
        groups.putAll(ids);
        return groups;
    }

    /** The feeds at or below a group's level. */
    private static List<Long> feedsOf(String group, List<SubscriptionState> followed) {
        CategoryPath level = CategoryPath.parse(group);
        return followed.stream().filter(state -> CategoryPath.parse(MinifluxShapes.categoryPath(state)).startsWith(level))
                .map(SubscriptionState::id).toList();
    }
}
