package dev.gleaner.web;

import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Google Reader API as FreshRSS and Miniflux serve it, under {@code /reader/api/0/} and FreshRSS's
 * {@code /api/greader.php/reader/api/0/}: ClientLogin with the API password, then
 * {@code Authorization: GoogleLogin auth=…} on every call. Labels are the categories of Miniflux's API
 * (the path above a feed, "社交媒体 › 知乎"); the streams are {@link GoogleReaderStreams}'.
 */
final class GoogleReaderApi {
    private static final List<String> MOUNTS = List.of("", "/api/greader.php");
    private static final String SCHEME = "GoogleLogin auth=";

    private final Store store;
    private final ApiPasswordAuth auth;
    private final GoogleReaderStreams streams;
    private final InstantSource clock;

    GoogleReaderApi(Store store, ApiPasswordAuth auth, InstantSource clock) {
        this.store = store;
        this.auth = auth;
        this.streams = new GoogleReaderStreams(store, clock);
        this.clock = clock;
    }

    void routes(RoutesConfig routes) {
        for (String mount : MOUNTS) {
            routes.get(mount + "/accounts/ClientLogin", guarded(this::login));
            routes.post(mount + "/accounts/ClientLogin", guarded(this::login));
            String api = mount + "/reader/api/0/";
            routes.before(api + "*", guarded(this::signIn));
            routes.get(api + "token", ctx -> text(ctx, 200, auth.writeToken().orElseThrow()));
            routes.get(api + "user-info", this::userInfo);
            routes.get(api + "subscription/list", this::subscriptions);
            routes.get(api + "tag/list", this::tags);
            routes.get(api + "unread-count", this::unreadCount);
            streams.routes(routes, api);
            routes.post(api + "edit-tag", guarded(this::editTag));
            routes.post(api + "mark-all-as-read", guarded(this::markAllAsRead));
        }
    }

    /** The handler, with a parameter it cannot take answered 400 and the reason. */
    static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (BadInput e) {
                text(ctx, 400, e.getMessage());
                ctx.skipRemainingHandlers();
            }
        };
    }

    static void text(Context ctx, int status, String text) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(text);
    }

    /** {@code Email} and {@code Passwd}, in the form or the query; answers the token three times, as Google did. */
    private void login(Context ctx) {
        Optional<String> user = RequestParams.first(ctx, "Email");
        Optional<String> password = RequestParams.first(ctx, "Passwd");
        if (user.isEmpty() || password.isEmpty()) {
            text(ctx, 400, "Error=BadAuthentication\nInfo=Email and Passwd are both needed\n");
            return;
        }
        switch (auth.login(user.get(), password.get(), ctx.ip())) {
            case SIGNED_IN -> {
                String token = auth.authToken().orElseThrow();
                if (RequestParams.first(ctx, "output").filter("json"::equals).isPresent()) {
                    JsonAnswer.send(ctx, 200, Map.of("SID", token, "LSID", token, "Auth", token));
                } else {
                    // LSID=null as FreshRSS writes it: Vienna wants the line, nothing reads its value.
                    text(ctx, 200, "SID=" + token + "\nLSID=null\nAuth=" + token + "\n");
                }
            }
            case REFUSED -> text(ctx, 401, "Error=BadAuthentication\n");
            case HELD_BACK -> {
                ctx.header("Retry-After", String.valueOf(LoginLimiter.WINDOW.toSeconds()));
                text(ctx, 429, "Error=BadAuthentication\nInfo=Too many failed sign-ins from this address\n");
            }
        }
    }

    /**
     * The header's token, on every call. A write call may also send the edit token as {@code T}, with the
     * newline {@code token} answers FreshRSS's way; empty and {@code x} stand for none (FeedMe, Reeder).
     */
    private void signIn(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("").strip();
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !ApiPasswordAuth.same(header.substring(SCHEME.length()).strip(), auth.authToken())) {
            text(ctx, 401, "Unauthorized!\n");
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST")) {
            Optional<String> written = RequestParams.first(ctx, "T").map(String::strip);
            if (written.isPresent() && !written.get().isEmpty() && !written.get().equals("x")
                    && !ApiPasswordAuth.same(written.get(), auth.writeToken())) {
                ctx.header("X-Reader-Google-Bad-Token", "true");
                text(ctx, 401, "Unauthorized: a bad T\n");
                ctx.skipRemainingHandlers();
            }
        }
    }

    private void userInfo(Context ctx) {
        String name = store.account().account().orElseThrow().username();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("userId", String.valueOf(MinifluxApi.USER_ID));
        user.put("userName", name);
        user.put("userProfileId", String.valueOf(MinifluxApi.USER_ID));
        user.put("userEmail", "");
        JsonAnswer.send(ctx, 200, user);
    }

    private void subscriptions(Context ctx) {
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (SubscriptionState state : store.subscriptions().followed()) {
            String label = GoogleReaderItems.label(state);
            Map<String, Object> subscription = new LinkedHashMap<>();
            subscription.put("id", GoogleReaderItems.streamId(state));
            subscription.put("title", state.subscription().path().name());
            subscription.put("categories", List.of(Map.of("id", GoogleReaderItems.LABEL + label, "label", label,
                    "type", "folder")));
            subscription.put("url", state.url().toString());
            subscription.put("htmlUrl", state.url().toString());
            subscription.put("iconUrl", "");
            subscriptions.add(subscription);
        }
        JsonAnswer.send(ctx, 200, Map.of("subscriptions", subscriptions));
    }

    private void tags(Context ctx) {
        List<Map<String, Object>> tags = new ArrayList<>();
        tags.add(Map.of("id", GoogleReaderItems.STARRED));
        new TreeSet<>(store.subscriptions().followed().stream().map(GoogleReaderItems::label).toList())
                .forEach(label -> tags.add(Map.of("id", GoogleReaderItems.LABEL + label, "type", "folder")));
        JsonAnswer.send(ctx, 200, Map.of("tags", tags));
    }

    /** Unread counts per feed, per label and in all, each with when its newest unread item came. */
    private void unreadCount(Context ctx) {
        Map<Long, long[]> counts = store.reader().counts();
        Map<Long, Instant> newest = store.reader().newestUnread();
        Map<String, long[]> byStream = new TreeMap<>();
        long[] total = new long[2];
        for (SubscriptionState state : store.subscriptions().followed()) {
            long unread = counts.getOrDefault(state.id(), new long[2])[0];
            long latest = Optional.ofNullable(newest.get(state.id())).map(Instant::toEpochMilli).orElse(0L);
            if (unread == 0) {
                continue;
            }
            for (String stream : List.of(GoogleReaderItems.streamId(state),
                    GoogleReaderItems.LABEL + GoogleReaderItems.label(state))) {
                long[] sum = byStream.computeIfAbsent(stream, key -> new long[2]);
                sum[0] += unread;
                sum[1] = Math.max(sum[1], latest);
            }
            total[0] += unread;
            total[1] = Math.max(total[1], latest);
        }
        byStream.put(GoogleReaderItems.READING_LIST, total);
        List<Map<String, Object>> unreadcounts = new ArrayList<>();
        byStream.forEach((stream, sum) -> unreadcounts.add(Map.of("id", stream, "count", sum[0],
                "newestItemTimestampUsec", String.valueOf(sum[1] * 1000))));
        JsonAnswer.send(ctx, 200, Map.of("max", total[0], "unreadcounts", unreadcounts));
    }

    /**
     * {@code i} (repeated, any id form), {@code a} to add and {@code r} to remove read, starred or kept-unread;
     * removals first, so that {@code r=read&a=kept-unread} (newsboat's mark unread) leaves it unread. Labels,
     * like and broadcast are taken and ignored, as Miniflux does.
     */
    private void editTag(Context ctx) {
        List<String> given = RequestParams.all(ctx, "i");
        if (given.isEmpty()) {
            throw new BadInput("No item ids: send them as i=…");
        }
        List<Long> ids = given.stream().map(GoogleReaderItems::id).toList();
        Instant now = clock.instant();
        for (String tag : RequestParams.all(ctx, "r")) {
            switch (GoogleReaderItems.ofThisUser(tag)) {
                case GoogleReaderItems.READ -> store.reader().markRead(ids, false, now);
                case GoogleReaderItems.STARRED -> store.reader().markStarred(ids, false, now);
                default -> {
                }
            }
        }
        for (String tag : RequestParams.all(ctx, "a")) {
            switch (GoogleReaderItems.ofThisUser(tag)) {
                case GoogleReaderItems.READ -> store.reader().markRead(ids, true, now);
                case GoogleReaderItems.KEPT_UNREAD -> store.reader().markRead(ids, false, now);
                case GoogleReaderItems.STARRED -> store.reader().markStarred(ids, true, now);
                default -> {
                }
            }
        }
        text(ctx, 200, "OK");
    }

    /**
     * Marks read what the stream {@code s} held at {@code ts}: items that came later stay unread. {@code ts}
     * is in microseconds as Google Reader sent it; milliseconds and seconds are told apart by size.
     */
    private void markAllAsRead(Context ctx) {
        String streamId = RequestParams.first(ctx, "s").orElseThrow(() -> new BadInput("No stream: send it as s=…"));
        GoogleReaderStreams.Stream stream = GoogleReaderStreams.stream(streamId, store.subscriptions().followed());
        if (stream.read().isPresent() || stream.starred().isPresent()) {
            throw new BadInput("Only a feed, a label or the reading list can be marked read: " + streamId);
        }
        Instant now = clock.instant();
        Instant upTo = RequestParams.first(ctx, "ts").map(String::strip).filter(text -> !text.isEmpty())
                .map(text -> MinifluxApi.number(text).filter(value -> value >= 0)
                        .map(RequestParams::time).orElseThrow(() -> new BadInput("Invalid ts: " + text)))
                .filter(at -> at.isBefore(now)).orElse(now);
        store.reader().markAllRead(stream.feeds().map(feeds -> feeds), upTo, now);
        text(ctx, 200, "OK");
    }
}
