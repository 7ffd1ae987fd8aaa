package dev.gleaner.web;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.DurationText;
import dev.gleaner.config.OpmlException;
import dev.gleaner.config.OpmlReader;
import dev.gleaner.config.OpmlTree;
import dev.gleaner.config.OpmlWriter;
import dev.gleaner.config.Subscription;
import dev.gleaner.config.YamlTreeWriter;
import dev.gleaner.model.FeedUrl;
import dev.gleaner.pipeline.DiscoveryException;
import dev.gleaner.pipeline.FeedDiscovery;
import dev.gleaner.store.Origin;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionConflictException;
import dev.gleaner.store.SubscriptionState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The reader's page of subscriptions at {@code /app/feeds}: add a feed by its URL, an RSSHub route or a
 * web page whose feeds are found (one picked when there are several), refresh, remove, import an OPML
 * file, export the tree as OPML or YAML. A feed added here is fetched by the server's poller at once.
 */
final class ReaderFeeds {
    private final Store store;
    private final Following following;
    private final FeedDiscovery discovery;
    private final ReaderPages pages;
    private final Function<Context, ReaderPages.Chrome> chrome;
    private final InstantSource clock;
    private final Runnable wake;
    private final String title;

    /**
     * @param chrome what the page shows around its content, for the request's session
     * @param title the site's title, the exported OPML's
     */
    ReaderFeeds(Store store, Following following, FeedDiscovery discovery, ReaderPages pages,
            Function<Context, ReaderPages.Chrome> chrome, InstantSource clock, Runnable wake, String title) {
        this.store = store;
        this.following = following;
        this.discovery = discovery;
        this.pages = pages;
        this.chrome = chrome;
        this.clock = clock;
        this.wake = wake;
        this.title = title;
    }

    void routes(RoutesConfig routes) {
        routes.get("/app/feeds", ctx -> show(ctx, 200, "", "", List.of(), Optional.ofNullable(ctx.queryParam("done"))
                .orElse(""), ""));
        routes.post("/app/feeds/add", this::add);
        routes.post("/app/feeds/refresh", this::refresh);
        routes.post("/app/feeds/remove", this::remove);
        routes.post("/app/feeds/pause", this::pause);
        routes.post("/app/feeds/edit", this::edit);
        routes.post("/app/feeds/move", this::move);
        routes.post("/app/feeds/import", this::importOpml);
        routes.get("/app/feeds/export.opml", ctx -> ctx.contentType("text/x-opml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"gleaner.opml\"")
                .result(new OpmlWriter(clock).write(title, followed())));
        routes.get("/app/feeds/export.yml", ctx -> ctx.contentType("text/yaml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"subscriptions.yml\"")
                .result(new YamlTreeWriter().section(followed())));
    }

    private List<Subscription> followed() {
        return store.subscriptions().followed().stream().map(SubscriptionState::subscription).toList();
    }

    private void show(Context ctx, int status, String url, String to, List<FeedDiscovery.Candidate> candidates,
            String notice, String error) {
        Map<Long, Integer> posts = store.subscriptions().postCounts();
        List<ReaderPages.FeedRow> rows = new ArrayList<>();
        for (SubscriptionState state : store.subscriptions().followed()) {
            Subscription subscription = state.subscription();
            rows.add(new ReaderPages.FeedRow(state.id(), state.path(), state.url().text(),
                    DurationText.format(subscription.interval()), posts.getOrDefault(state.id(), 0),
                    state.origin() == Origin.CONFIG, state.paused(), subscription.author(),
                    subscription.limit().isPresent() ? Integer.toString(subscription.limit().getAsInt()) : "",
                    subscription.update()));
        }
        pages.send(ctx, status, "feeds.jte", new ReaderPages.FeedsPage(chrome.apply(ctx), rows, url, to,
                candidates.stream().map(candidate -> new ReaderPages.Found(candidate.url(),
                        candidate.title().isEmpty() ? candidate.url() : candidate.title())).toList(), notice, error));
    }

    private void done(Context ctx, String notice) {
        ctx.redirect("/app/feeds?done=" + URLEncoder.encode(notice, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private void add(Context ctx) {
        String url = Optional.ofNullable(ctx.formParam("url")).orElse("").strip();
        String to = Optional.ofNullable(ctx.formParam("to")).orElse("").strip();
        Optional<CategoryPath> path = path(to);
        if (url.isEmpty() || !Following.isWebAddress(url)) {
            show(ctx, 400, url, to, List.of(), "", url.isEmpty() ? "请填写源、RSSHub 路由或网页的地址。"
                    : url + "：只接受 http://、https:// 或 rsshub:// 开头的地址。");
            return;
        }
        if (path.isEmpty()) {
            show(ctx, 400, url, to, List.of(), "", "位置要写成“分类/网站/订阅名”，例如 社交媒体/知乎/热榜。");
            return;
        }
        Optional<Duration> interval = Optional.ofNullable(ctx.formParam("interval")).filter(text -> !text.isBlank())
                .map(text -> DurationText.parse(text.strip()).orElse(Duration.ZERO));
        if (interval.isPresent() && interval.get().compareTo(Duration.ofMinutes(1)) < 0) {
            show(ctx, 400, url, to, List.of(), "", "间隔要写成 30m、1h 这样，至少一分钟。");
            return;
        }
        FeedDiscovery.Result found;
        try {
            found = discovery.discover(url);
        } catch (DiscoveryException e) {
            show(ctx, 422, url, to, List.of(), "", e.getMessage()
                    + (e.problems().isEmpty() ? "" : "（" + String.join("；", e.problems()) + "）"));
            return;
        }
        List<FeedDiscovery.Candidate> candidates = found.candidates();
        String picked = ctx.formParam("pick");
        Optional<FeedDiscovery.Candidate> chosen = candidates.size() == 1 ? Optional.of(candidates.get(0))
                : candidates.stream().filter(candidate -> candidate.url().equals(picked)).findFirst();
        if (chosen.isEmpty()) {
            show(ctx, 200, url, to, candidates, "", "这个网页有 " + candidates.size() + " 个源，选一个：");
            return;
        }
        String author = Optional.ofNullable(ctx.formParam("author")).map(String::strip).filter(text -> !text.isEmpty())
                .orElse(path.get().site());
        Subscription subscription = new Subscription(path.get(), FeedUrl.parse(chosen.get().url()), author,
                OptionalInt.empty(), interval.orElse(Subscription.DEFAULT_INTERVAL), false, Optional.empty(), false);
        try {
            following.add(subscription);
        } catch (SubscriptionConflictException e) {
            show(ctx, 409, url, to, List.of(), "", e.getMessage());
            return;
        }
        done(ctx, "已添加 " + path.get() + "，马上抓取。");
    }

    private static Optional<CategoryPath> path(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(CategoryPath.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void refresh(Context ctx) {
        Optional<Long> id = MinifluxApi.number(Optional.ofNullable(ctx.formParam("id")).orElse(""));
        int due = store.subscriptions().dueNow(id, clock.instant());
        wake.run();
        done(ctx, due == 0 ? "没有这个订阅。" : "马上抓取 " + due + " 个订阅。");
    }

    private void pause(Context ctx) {
        Optional<Long> id = MinifluxApi.number(Optional.ofNullable(ctx.formParam("id")).orElse(""));
        boolean paused = !"false".equals(ctx.formParam("paused"));
        if (id.isEmpty() || !store.subscriptions().pause(id.get(), paused, clock.instant())) {
            show(ctx, 404, "", "", List.of(), "", "没有这个订阅。");
            return;
        }
        if (!paused) {
            store.subscriptions().dueNow(id, clock.instant());
            wake.run();
        }
        done(ctx, paused ? "已暂停，不再抓取，直到恢复。" : "已恢复，马上抓取。");
    }

    private void edit(Context ctx) {
        Optional<Long> id = MinifluxApi.number(Optional.ofNullable(ctx.formParam("id")).orElse(""));
        Optional<SubscriptionState> found = store.subscriptions().followed().stream()
                .filter(state -> id.isPresent() && state.id() == id.get()).findFirst();
        if (found.isEmpty()) {
            show(ctx, 404, "", "", List.of(), "", "没有这个订阅。");
            return;
        }
        Subscription old = found.get().subscription();
        String intervalText = Optional.ofNullable(ctx.formParam("interval")).orElse("").strip();
        Optional<Duration> interval = intervalText.isEmpty() ? Optional.of(old.interval())
                : DurationText.parse(intervalText).filter(value -> value.compareTo(Duration.ofMinutes(1)) >= 0);
        String limitText = Optional.ofNullable(ctx.formParam("limit")).orElse("").strip();
        Optional<Long> limit = limitText.isEmpty() ? Optional.of(0L) : MinifluxApi.number(limitText)
                .filter(value -> value >= 1 && value <= 10_000);
        if (interval.isEmpty() || limit.isEmpty()) {
            show(ctx, 400, "", "", List.of(), "", interval.isEmpty() ? "间隔要写成 30m、1h 这样，至少一分钟。"
                    : "每次最多发布的条数要是 1 到 10000 的整数，或者留空。");
            return;
        }
        String author = Optional.ofNullable(ctx.formParam("author")).map(String::strip).filter(text -> !text.isEmpty())
                .orElse(old.path().site());
        try {
            store.subscriptions().edit(id.get(), author, limit.get() == 0 ? OptionalInt.empty()
                    : OptionalInt.of(limit.get().intValue()), interval.get(), "true".equals(ctx.formParam("update")));
        } catch (SubscriptionConflictException e) {
            show(ctx, 409, "", "", List.of(), "", e.getMessage());
            return;
        }
        done(ctx, "已修改 " + found.get().path() + "。");
    }

    /**
     * Moves a subscription (or a whole category) in the tree. The store takes the new path at once; its
     * posts move in the poller's next pass, which this wakes, so that no file is moved while a pass writes.
     */
    private void move(Context ctx) {
        Optional<CategoryPath> from = path(Optional.ofNullable(ctx.formParam("path")).orElse(""));
        Optional<CategoryPath> to = path(Optional.ofNullable(ctx.formParam("to")).orElse("").strip());
        if (from.isEmpty() || to.isEmpty()) {
            show(ctx, 400, "", "", List.of(), "", "新位置要写成“分类/网站/订阅名”。");
            return;
        }
        try {
            store.subscriptions().move(from.get(), to.get());
        } catch (SubscriptionConflictException e) {
            show(ctx, 409, "", "", List.of(), "", e.getMessage());
            return;
        }
        wake.run();
        done(ctx, "已把 " + from.get() + " 移到 " + to.get() + "；它的文章随后移过去。");
    }

    private void remove(Context ctx) {
        Optional<CategoryPath> path = path(Optional.ofNullable(ctx.formParam("path")).orElse(""));
        if (path.isEmpty()) {
            show(ctx, 400, "", "", List.of(), "", "没有说要删除哪个订阅。");
            return;
        }
        try {
            List<SubscriptionState> retired = store.subscriptions().retire(path.get(), clock.instant());
            done(ctx, retired.isEmpty() ? "没有这个订阅：" + path.get()
                    : "已删除 " + path.get() + "；它的文章保留，直到 gleaner prune。");
        } catch (SubscriptionConflictException e) {
            show(ctx, 409, "", "", List.of(), "", e.getMessage());
        }
    }

    private void importOpml(Context ctx) {
        UploadedFile file = ctx.uploadedFile("opml");
        if (file == null || file.size() == 0) {
            show(ctx, 400, "", "", List.of(), "", "请选择一个 OPML 文件。");
            return;
        }
        OpmlTree tree;
        try (InputStream in = file.content()) {
            tree = new OpmlReader().read(file.filename(), in);
        } catch (OpmlException e) {
            show(ctx, 422, "", "", List.of(), "", e.getMessage());
            return;
        } catch (IOException e) {
            show(ctx, 400, "", "", List.of(), "", file.filename() + "：读不出来：" + e.getMessage());
            return;
        }
        Following.Imported imported;
        try {
            imported = following.importTree(tree);
        } catch (SubscriptionConflictException e) {
            show(ctx, 409, "", "", List.of(), "", file.filename() + "：" + e.getMessage() + "；什么都没有导入。");
            return;
        }
        done(ctx, "从 " + file.filename() + " 导入了 " + imported.added().size() + " 个订阅"
                + (imported.leftOut().isEmpty() ? "" : "，" + imported.leftOut().size() + " 个已经订阅过，略过")
                + (tree.warnings().isEmpty() ? "" : "；" + String.join("；", tree.warnings())) + "。");
    }
}
