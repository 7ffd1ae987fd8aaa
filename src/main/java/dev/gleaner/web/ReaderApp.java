package dev.gleaner.web;

import dev.gleaner.model.Elapsed;
import dev.gleaner.pipeline.FeedDiscovery;
import dev.gleaner.store.EntryQuery;
import dev.gleaner.store.Health;
import dev.gleaner.store.ReaderEntry;
import dev.gleaner.store.ReaderStore;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reader in the browser at {@code /app/}: lists of entries by state and by any level of the tree,
 * an entry with its neighbours, marking and starring, search, and the health of every subscription.
 * Pages are rendered on the server; the reader's one script only adds the keyboard and marks without
 * reloading. Every page but the sign-in needs a signed-in session, every post its CSRF token.
 */
final class ReaderApp {
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Map<String, String> ASSETS = Map.of("app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");
    private static final Map<String, Duration> OLDER_THAN = Map.of("day", Duration.ofDays(1), "week",
            Duration.ofDays(7), "month", Duration.ofDays(30));

    private final Store store;
    private final BasicAuth auth;
    private final Sessions sessions;
    private final ReaderPages pages = new ReaderPages();
    private final SearchCatchUp search;
    private final ReaderFeeds feeds;
    private final MinifluxKeys keys;
    private final InstantSource clock;
    private final DateTimeFormatter dates;

    /**
     * @param wake tells the poller, if this process has one, that subscriptions were made due
     * @param title the site's title
     */
    ReaderApp(Store store, BasicAuth auth, MinifluxKeys keys, SearchCatchUp search, Following following,
            FeedDiscovery discovery, InstantSource clock, ZoneId zone, Runnable wake, String title) {
        this.store = store;
        this.keys = keys;
        this.feeds = new ReaderFeeds(store, following, discovery, pages, ctx -> {
            ReaderView view = new ReaderView("unread", "", "", 0);
            return chrome(ctx.attribute("session"), view, lists(view).tree(), "");
        }, clock, wake, title);
        this.auth = auth;
        this.sessions = new Sessions(clock);
        this.search = search;
        this.clock = clock;
        this.dates = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    void routes(RoutesConfig routes) {
        routes.before(this::guard);
        routes.get("/app/static/{file}", this::asset);
        routes.get("/app/login", this::loginPage);
        routes.post("/app/login", this::login);
        routes.post("/app/logout", this::logout);
        routes.get("/app/", this::list);
        routes.get("/app/entries/{id}", this::entry);
        routes.post("/app/entries/{id}/read", ctx -> change(ctx, (id, at) -> {
            boolean read = !"false".equals(ctx.formParam("read"));
            return store.reader().markRead(List.of(id), read, at) == 1;
        }));
        routes.post("/app/entries/{id}/star", ctx -> change(ctx, (id, at) ->
                store.reader().markStarred(List.of(id), !"false".equals(ctx.formParam("starred")), at) == 1));
        routes.post("/app/mark-all", this::markAll);
        routes.post("/app/undo", this::undo);
        routes.get("/app/health", this::health);
        routes.get("/app/settings", ctx -> settings(ctx, ""));
        routes.post("/app/settings/keys", ctx -> {
            String description = Optional.ofNullable(ctx.formParam("description")).orElse("").strip();
            if (description.isEmpty()) {
                settings(ctx, "");
                return;
            }
            settings(ctx, keys.make(description).map(MinifluxKeys.Made::token).orElse("-"));
        });
        routes.post("/app/settings/keys/remove", ctx -> {
            MinifluxApi.number(Optional.ofNullable(ctx.formParam("id")).orElse("")).ifPresent(store.account()::removeApiKey);
            ctx.redirect("/app/settings", HttpStatus.SEE_OTHER);
        });
        feeds.routes(routes);
    }

    /** Lets through the sign-in page and the assets; asks everything else for a session, and posts for its token. */
    private void guard(Context ctx) {
        // Javalin ignores a trailing slash, so /app is the reader's first page too.
        String path = ctx.path().equals("/app") ? "/app/" : ctx.path();
        if (!path.startsWith("/app/") || path.startsWith("/app/static/")
                || path.equals("/app/login") && ctx.method().name().equals("GET")) {
            return;
        }
        Optional<Sessions.Session> session = sessions.of(ctx);
        boolean posting = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        if (posting && (session.isEmpty() || !Sessions.csrfMatches(session.get(), csrfOf(ctx)))) {
            refuse(ctx, 403, "这个表单已过期或不是从本站发出的（CSRF 令牌不符），请刷新页面后重试。");
            return;
        }
        if (session.isEmpty() || !session.get().signedIn()) {
            if (path.equals("/app/login")) {
                return;
            }
            if (posting) {
                refuse(ctx, 401, "请先登录。");
            } else {
                ctx.redirect("/app/login", HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
            }
            return;
        }
        ctx.attribute("session", session.get());
    }

    /** Whether the request comes from a browser signed in to the reader. */
    boolean signedIn(Context ctx) {
        return sessions.of(ctx).filter(Sessions.Session::signedIn).isPresent();
    }

    private static String csrfOf(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        return header != null ? header : ctx.formParam(CSRF_FIELD);
    }

    private void refuse(Context ctx, int status, String message) {
        ctx.status(status).header("Content-Security-Policy", ReaderPages.POLICY).contentType("text/plain; charset=utf-8")
                .result(message);
        ctx.skipRemainingHandlers();
    }

    private void asset(Context ctx) {
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        if (type == null) {
            ctx.status(404).result("no such file");
            return;
        }
        try (InputStream in = ReaderApp.class.getResourceAsStream("reader/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the reader's " + file + " is missing from the program");
            }
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void loginPage(Context ctx) {
        Optional<Sessions.Session> session = sessions.of(ctx);
        if (session.isPresent() && session.get().signedIn()) {
            ctx.redirect("/app/", HttpStatus.SEE_OTHER);
            return;
        }
        Sessions.Session fresh = session.orElseGet(() -> sessions.start(ctx, false));
        String error = store.account().account().isEmpty() ? "还没有设置密码：在服务器上运行 gleaner passwd。" : "";
        pages.send(ctx, 200, "login.jte", new ReaderPages.LoginPage(fresh.csrf(), "", error));
    }

    private void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        switch (auth.check(username, password, ctx.ip())) {
            case SIGNED_IN -> {
                sessions.start(ctx, true);
                ctx.redirect("/app/", HttpStatus.SEE_OTHER);
            }
            case REFUSED -> pages.send(ctx, 401, "login.jte", new ReaderPages.LoginPage(
                    sessions.of(ctx).map(Sessions.Session::csrf).orElse(""), username, "用户名或密码不对。"));
            case HELD_BACK -> {
                ctx.header("Retry-After", String.valueOf(auth.heldBack(ctx.ip()).map(Duration::toSeconds).orElse(60L)));
                pages.send(ctx, 429, "login.jte", new ReaderPages.LoginPage(
                        sessions.of(ctx).map(Sessions.Session::csrf).orElse(""), username, "失败次数太多，请稍后再试。"));
            }
        }
    }

    private void logout(Context ctx) {
        sessions.end(ctx);
        ctx.redirect("/app/login", HttpStatus.SEE_OTHER);
    }

    private void list(Context ctx) {
        Sessions.Session session = ctx.attribute("session");
        Lists lists = lists(ReaderView.of(ctx));
        ReaderView view = lists.view();
        if (!view.q().isEmpty()) {
            search.beforeSearch();
        }
        EntryQuery.Page page = store.reader().entries(view.query(lists.feeds(), Optional.empty()));
        List<ReaderPages.Row> rows = page.entries().stream().map(entry -> row(entry, lists.names(), view)).toList();
        Optional<String> newer = view.page() > 0 ? Optional.of(view.onPage(view.page() - 1).link()) : Optional.empty();
        Optional<String> older = (long) (view.page() + 1) * ReaderView.PAGE_SIZE < page.total()
                ? Optional.of(view.onPage(view.page() + 1).link()) : Optional.empty();
        String marked = Optional.ofNullable(ctx.queryParam("marked")).orElse("");
        String notice = marked.isEmpty() ? "" : "已将 " + marked + " 条标为已读。";
        pages.send(ctx, 200, "list.jte", new ReaderPages.ListPage(chrome(session, view, lists.tree(), notice), rows,
                page.total(), newer, older));
    }

    private void entry(Context ctx) {
        Sessions.Session session = ctx.attribute("session");
        Optional<Long> id = MinifluxApi.number(ctx.pathParam("id"));
        Optional<ReaderEntry> found = id.flatMap(store.reader()::entry);
        if (found.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("没有这一条：" + ctx.pathParam("id"));
            return;
        }
        ReaderEntry entry = found.get();
        if (!entry.read()) {
            store.reader().markRead(List.of(entry.id()), true, clock.instant());
            entry = store.reader().entry(entry.id()).orElse(entry);
        }
        Lists lists = lists(ReaderView.of(ctx));
        ReaderView view = lists.view();
        ReaderStore.Neighbours neighbours = store.reader().neighbours(view.query(lists.feeds(), Optional.empty()),
                entry.id());
        pages.send(ctx, 200, "entry.jte", new ReaderPages.EntryPage(chrome(session, view, lists.tree(), ""),
                row(entry, lists.names(), view), entry.author(), entry.content(), entry.enclosures(), view.link(),
                neighbours.before().map(view::entryLink), neighbours.after().map(view::entryLink)));
    }

    /** What changes one entry's state: given its number and the time, false when there is no such entry. */
    private interface Change {
        boolean apply(long id, Instant at);
    }

    private void change(Context ctx, Change change) {
        Optional<Long> id = MinifluxApi.number(ctx.pathParam("id"));
        if (id.isEmpty() || !change.apply(id.get(), clock.instant())) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("没有这一条：" + ctx.pathParam("id"));
            return;
        }
        ReaderEntry entry = store.reader().entry(id.get()).orElseThrow();
        if (ctx.header(CSRF_HEADER) != null) {
            JsonAnswer.send(ctx, 200, Map.of("id", entry.id(), "read", entry.read(), "starred", entry.starred()));
        } else {
            ctx.redirect(back(ctx), HttpStatus.SEE_OTHER);
        }
    }

    private void markAll(Context ctx) {
        Sessions.Session session = ctx.attribute("session");
        Lists lists = lists(ReaderView.ofForm(ctx));
        ReaderView view = lists.view();
        Instant now = clock.instant();
        Optional<Instant> before = Optional.ofNullable(OLDER_THAN.get(ctx.formParam("older"))).map(now::minus);
        if (!view.q().isEmpty()) {
            search.beforeSearch();
        }
        List<Long> marked = store.reader().markRead(view.query(lists.feeds(), before), now);
        sessions.update(session.withUndo(marked));
        ctx.redirect(view.link() + (view.parameters().isEmpty() ? "?" : "&") + "marked=" + marked.size(),
                HttpStatus.SEE_OTHER);
    }

    private void undo(Context ctx) {
        Sessions.Session session = ctx.attribute("session");
        store.reader().markRead(session.undo(), false, clock.instant());
        sessions.update(session.withUndo(List.of()));
        ctx.redirect(back(ctx), HttpStatus.SEE_OTHER);
    }

    private void health(Context ctx) {
        Sessions.Session session = ctx.attribute("session");
        Instant now = clock.instant();
        Map<Long, Integer> posts = store.subscriptions().postCounts();
        List<ReaderPages.HealthRow> rows = new ArrayList<>();
        for (SubscriptionState state : store.subscriptions().followed().stream()
                .sorted(Comparator.comparing((SubscriptionState state) -> state.health().consecutiveFailures() == 0)
                        .thenComparing(SubscriptionState.worstFirst(now))).toList()) {
            Health health = state.health();
            rows.add(new ReaderPages.HealthRow(state.path(), state.url().text(), posts.getOrDefault(state.id(), 0),
                    health.lastSuccess().map(at -> Elapsed.text(Duration.between(at, now)) + " 前").orElse("从未"),
                    health.lastAttempt().map(at -> Elapsed.text(Duration.between(at, now)) + " 前").orElse("从未"),
                    health.notModified() + "/" + health.fetches(),
                    health.consecutiveFailures() == 0 ? "0" : health.consecutiveFailures()
                            + (health.permanent() ? "（已失效）" : "")
                            + health.failingSince().map(since -> "，持续 " + Elapsed.text(Duration.between(since, now)))
                                    .orElse(""),
                    health.nextDue().filter(at -> at.isAfter(now))
                            .map(at -> Elapsed.text(Duration.between(now, at)) + " 后").orElse("现在"),
                    health.lastError(), health.consecutiveFailures() > 0, state.paused()));
        }
        ReaderView view = new ReaderView("unread", "", "", 0);
        pages.send(ctx, 200, "health.jte", new ReaderPages.HealthPage(chrome(session, view, lists(view).tree(), ""),
                rows));
    }

    /** The settings page; {@code token} is a key just made, "-" when its description was taken. */
    private void settings(Context ctx, String token) {
        Sessions.Session session = ctx.attribute("session");
        ReaderView view = new ReaderView("unread", "", "", 0);
        String origin = ctx.scheme() + "://" + ctx.host();
        List<ReaderPages.KeyRow> rows = keys.keys().stream().map(key -> new ReaderPages.KeyRow(key.id(),
                key.description(), dates.format(key.created()), key.lastUsed().map(dates::format).orElse("从未")))
                .toList();
        pages.send(ctx, 200, "settings.jte", new ReaderPages.SettingsPage(chrome(session, view, lists(view).tree(), ""),
                rows, token, origin, store.account().apiPassword().isPresent()));
    }

    /** The tree, the names of the feeds, and the subscriptions a view covers; a path not in the tree is the whole tree. */
    private record Lists(ReaderView view, ReaderTree tree, Optional<List<Long>> feeds, Map<Long, String> names) {
    }

    private Lists lists(ReaderView view) {
        List<SubscriptionState> followed = store.subscriptions().followed();
        Map<Long, Long> unread = store.reader().counts().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, counts -> counts.getValue()[0]));
        ReaderTree tree = ReaderTree.of(followed, unread);
        Optional<ReaderTree.Node> node = view.in().isEmpty() ? Optional.empty() : tree.at(view.in());
        Map<Long, String> names = followed.stream().collect(Collectors.toMap(SubscriptionState::id,
                state -> state.subscription().path().site() + " › " + state.subscription().path().name(),
                (one, other) -> one));
        return new Lists(node.isPresent() ? view : view.within(""), tree, node.map(ReaderTree.Node::feeds), names);
    }

    private ReaderPages.Chrome chrome(Sessions.Session session, ReaderView view, ReaderTree tree, String notice) {
        return new ReaderPages.Chrome(session.csrf(), view, tree.nodes(), tree.unread(), notice,
                !session.undo().isEmpty());
    }

    private ReaderPages.Row row(ReaderEntry entry, Map<Long, String> names, ReaderView view) {
        return new ReaderPages.Row(entry.id(), entry.title().isBlank() ? "（无标题）" : entry.title(),
                names.getOrDefault(entry.feedId(), ""), dates.format(entry.published()), entry.read(), entry.starred(),
                entry.url(), view.entryLink(entry.id()));
    }

    /** Where a form asked to go back to, if it is a page of the reader; else the reader's first page. */
    private static String back(Context ctx) {
        String back = ctx.formParam("back");
        return back != null && back.startsWith("/app/") && !back.startsWith("//") && !back.contains("\\")
                ? back : "/app/";
    }
}
