package dev.gleaner.web;

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
import java.util.Map;
import java.util.Optional;

/**
 * Google Reader's streams: what a stream id selects (the reading list, starred, read, a feed, a label), and
 * the calls that list them, {@code stream/contents}, {@code stream/items/ids} and {@code stream/items/contents},
 * with {@code n}, {@code c}, {@code r=o}, {@code xt}, {@code it}, {@code ot} and {@code nt}.
 */
final class GoogleReaderStreams {
    static final int DEFAULT_ITEMS = 20;
    /** Items per call at most, and item numbers: RSS Guard asks for 200,000 and follows the continuation. */
    static final int MOST_ITEMS = 1_000;
    static final int MOST_IDS = 10_000;

    /**
     * What a stream id selects.
     *
     * @param feeds only the entries of these subscriptions; empty for all
     */
    record Stream(Optional<List<Long>> feeds, Optional<Boolean> read, Optional<Boolean> starred) {
        Stream {
            feeds = feeds.map(List::copyOf);
        }
    }

    private final Store store;
    private final InstantSource clock;

    GoogleReaderStreams(Store store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    void routes(RoutesConfig routes, String api) {
        routes.get(api + "stream/contents", GoogleReaderApi.guarded(ctx -> contents(ctx,
                RequestParams.first(ctx, "s").orElse(GoogleReaderItems.READING_LIST))));
        routes.get(api + "stream/contents/<streamId>", GoogleReaderApi.guarded(ctx -> contents(ctx,
                ctx.pathParam("streamId"))));
        routes.get(api + "stream/items/ids", GoogleReaderApi.guarded(this::ids));
        routes.get(api + "stream/items/contents", GoogleReaderApi.guarded(this::itemContents));
        routes.post(api + "stream/items/contents", GoogleReaderApi.guarded(this::itemContents));
    }

    /**
     * What {@code id} selects; a user other than {@code -} is taken for this one, as there is only one.
     *
     * @throws BadInput for an id that is no stream
     */
    static Stream stream(String id, List<SubscriptionState> followed) {
        String stream = GoogleReaderItems.ofThisUser(id);
        if (stream.equals(GoogleReaderItems.READING_LIST)) {
            return new Stream(Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (stream.equals(GoogleReaderItems.STARRED)) {
            return new Stream(Optional.empty(), Optional.empty(), Optional.of(true));
        }
        if (stream.equals(GoogleReaderItems.READ)) {
            return new Stream(Optional.empty(), Optional.of(true), Optional.empty());
        }
        if (stream.equals(GoogleReaderItems.KEPT_UNREAD)) {
            return new Stream(Optional.empty(), Optional.of(false), Optional.empty());
        }
        if (stream.startsWith(GoogleReaderItems.LABEL)) {
            String label = stream.substring(GoogleReaderItems.LABEL.length());
            return new Stream(Optional.of(followed.stream().filter(state -> GoogleReaderItems.label(state).equals(label))
                    .map(SubscriptionState::id).toList()), Optional.empty(), Optional.empty());
        }
        if (stream.startsWith("feed/")) {
            String feed = stream.substring("feed/".length());
            // feed/<url> as this server names them, feed/<number> as FreshRSS and Miniflux do.
            Optional<Long> number = MinifluxApi.number(feed);
            return new Stream(Optional.of(followed.stream().filter(state -> state.url().toString().equals(feed)
                    || number.isPresent() && number.get() == state.id()).map(SubscriptionState::id).toList()),
                    Optional.empty(), Optional.empty());
        }
        throw new BadInput("Unknown stream id: " + id);
    }

    /** The query of a stream call's parameters, {@code most} entries at most. */
    private EntryQuery query(Context ctx, Stream stream, int most) {
        Optional<Boolean> read = stream.read();
        Optional<Boolean> starred = stream.starred();
        for (String excluded : RequestParams.all(ctx, "xt")) {
            Stream target = state(excluded, "xt");
            read = target.read().isPresent() ? target.read().map(value -> !value) : read;
            starred = target.starred().isPresent() ? target.starred().map(value -> !value) : starred;
        }
        for (String included : RequestParams.all(ctx, "it")) {
            Stream target = state(included, "it");
            read = target.read().isPresent() ? target.read() : read;
            starred = target.starred().isPresent() ? target.starred() : starred;
        }
        boolean oldestFirst = RequestParams.first(ctx, "r").filter("o"::equals).isPresent();
        int count = (int) Math.min(RequestParams.count(ctx, "n").orElse((long) DEFAULT_ITEMS), most);
        if (count < 1) {
            throw new BadInput("Invalid n: " + RequestParams.first(ctx, "n").orElse("") + " (at least 1)");
        }
        Optional<Long> continuation = RequestParams.count(ctx, "c");
        Optional<Instant> newerThan = RequestParams.count(ctx, "ot").map(Instant::ofEpochSecond).map(at -> at.minusMillis(1));
        Optional<Instant> olderThan = RequestParams.count(ctx, "nt").map(Instant::ofEpochSecond);
        return new EntryQuery(read, starred, stream.feeds(), oldestFirst ? Optional.empty() : continuation,
                oldestFirst ? continuation : Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                EntryQuery.Order.ID, oldestFirst, count, 0, newerThan, olderThan);
    }

    /** A state an {@code xt} or {@code it} names: read or starred. */
    private static Stream state(String id, String parameter) {
        Stream target = stream(id, List.of());
        if (target.feeds().isPresent() || target.read().isEmpty() && target.starred().isEmpty()) {
            throw new BadInput("Invalid " + parameter + ": " + id + " (" + GoogleReaderItems.READ + " or "
                    + GoogleReaderItems.STARRED + ")");
        }
        return target;
    }

    private void contents(Context ctx, String streamId) {
        Stream stream = stream(streamId, store.subscriptions().followed());
        EntryQuery query = query(ctx, stream, MOST_ITEMS);
        EntryQuery.Page page = store.reader().entries(query);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("direction", "ltr");
        answer.put("id", streamId);
        answer.put("title", streamId);
        answer.put("updated", clock.instant().getEpochSecond());
        answer.put("items", items(page.entries()));
        if (page.total() > page.entries().size()) {
            answer.put("continuation", String.valueOf(page.entries().get(page.entries().size() - 1).id()));
        }
        JsonAnswer.send(ctx, 200, answer);
    }

    private void ids(Context ctx) {
        Stream stream = stream(RequestParams.first(ctx, "s").orElse(GoogleReaderItems.READING_LIST),
                store.subscriptions().followed());
        EntryQuery query = query(ctx, stream, MOST_IDS);
        // One more than asked tells whether a continuation is needed.
        List<Long> ids = store.reader().ids(new EntryQuery(query.read(), query.starred(), query.feeds(),
                query.beforeId(), query.afterId(), query.publishedBefore(), query.publishedAfter(), query.search(),
                query.order(), query.ascending(), query.limit() + 1, 0, query.seenAfter(), query.seenBefore()));
        List<Map<String, Object>> refs = new ArrayList<>();
        for (long id : ids.subList(0, Math.min(ids.size(), query.limit()))) {
            refs.add(Map.of("id", String.valueOf(id), "directStreamIds", List.of()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("itemRefs", refs);
        if (ids.size() > query.limit()) {
            answer.put("continuation", String.valueOf(ids.get(query.limit() - 1)));
        }
        JsonAnswer.send(ctx, 200, answer);
    }

    private void itemContents(Context ctx) {
        List<String> given = RequestParams.all(ctx, "i");
        if (given.isEmpty()) {
            throw new BadInput("No item ids: send them as i=…");
        }
        if (given.size() > MOST_ITEMS) {
            throw new BadInput("Too many item ids: " + given.size() + " (at most " + MOST_ITEMS + " a call)");
        }
        List<Long> ids = given.stream().map(GoogleReaderItems::id).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("direction", "ltr");
        answer.put("id", GoogleReaderItems.READING_LIST);
        answer.put("updated", clock.instant().getEpochSecond());
        answer.put("items", items(store.reader().entries(ids)));
        JsonAnswer.send(ctx, 200, answer);
    }

    private List<Map<String, Object>> items(List<ReaderEntry> entries) {
        Map<Long, SubscriptionState> subscriptions = new HashMap<>();
        store.subscriptions().all().forEach(state -> subscriptions.put(state.id(), state));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReaderEntry entry : entries) {
            items.add(GoogleReaderItems.item(entry, subscriptions.get(entry.feedId())));
        }
        return items;
    }
}
