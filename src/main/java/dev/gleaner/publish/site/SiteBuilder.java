package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.SiteSettings;
import dev.gleaner.config.Subscription;
import dev.gleaner.content.ContentHash;
import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.model.EntryKey;
import dev.gleaner.publish.BaseUri;
import dev.gleaner.publish.HexoPostRenderer;
import dev.gleaner.store.SiteBody;
import dev.gleaner.store.SiteEntry;
import dev.gleaner.store.SiteMemo;
import dev.gleaner.store.SiteMemo.ItemMemo;
import dev.gleaner.store.SiteStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HTML site from the store: the front page, a page per category level, an archive by
 * month, a page per item, Atom and JSON feeds, a search index, a sitemap and a 404 page.
 *
 * <p>A build renders only the pages whose inputs changed since the last build and writes only
 * files whose bytes changed, so a full build and an incremental one give the same tree.
 *
 * <pre>{@code new SiteBuilder(config.site(), config.subscriptions(), store.site(), SiteTheme.standard())
 *         .build(false);}</pre>
 */
public final class SiteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(SiteBuilder.class);
    private static final int FEED_ITEMS = 20;
    private static final int EXCERPT_CODE_POINTS = 140;
    private static final int BODIES_PER_READ = 200;
    private static final String LANGUAGE = "zh-CN";
    /** Raised when the builder itself changes what a page holds, so that pages built before are made again. */
    private static final String FORMAT = "3";
    private static final DateTimeFormatter DATE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final SiteSettings settings;
    private final List<Subscription> subscriptions;
    private final SiteStore store;
    private final SiteTheme theme;
    private final ZoneId zone;
    private final SiteLayout layout;
    // The sanitizer of the posts: an item's page shows the body its post holds.
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    /**
     * @param settings the site's title, address, folders, page size and the time zone dates are shown in
     * @param subscriptions the configuration's subscriptions: the category tree and each feed's author and cover
     * @param store what the site is built from
     * @param theme the templates and assets
     */
    public SiteBuilder(SiteSettings settings, List<Subscription> subscriptions, SiteStore store, SiteTheme theme) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.subscriptions = List.copyOf(subscriptions);
        this.store = Objects.requireNonNull(store, "store");
        this.theme = Objects.requireNonNull(theme, "theme");
        this.zone = settings.zone();
        this.layout = new SiteLayout(settings.url());
    }

    /**
     * Builds the site into {@link SiteSettings#publicDir()}.
     *
     * @param full render every page, whatever the last build left
     * @throws java.io.UncheckedIOException when a file cannot be written; what was built before stays
     */
    public BuildReport build(boolean full) {
        long start = System.nanoTime();
        return new Build(full).run(start);
    }

    /** One build: what it read, and what it has rendered so far. */
    private final class Build {
        private final boolean full;
        private final Map<CategoryPath, Subscription> byPath = new HashMap<>();
        private final Map<String, ItemMemo> memos = new ConcurrentHashMap<>();
        private final Map<String, ItemMemo> newMemos = new ConcurrentHashMap<>();
        private final Map<String, String> bodies = new ConcurrentHashMap<>();
        private final Map<String, ListItem> listItems = new ConcurrentHashMap<>();
        private final Map<String, CategoryPath> parsedPaths = new ConcurrentHashMap<>();
        private final List<String> sitemap = new ArrayList<>();
        private PageOutput out;
        private CategoryTree tree;
        private String siteFingerprint;
        private Map<String, String> assetFiles;
        private int itemsRendered;

        Build(boolean full) {
            this.full = full;
            for (Subscription subscription : subscriptions) {
                byPath.put(subscription.path(), subscription);
            }
        }

        BuildReport run(long start) {
            // The two reads are independent, and each costs a good part of a second on a large site.
            CompletableFuture<SiteMemo> memoRead = CompletableFuture.supplyAsync(store::memo);
            List<SiteEntry> entries = store.entries();
            SiteMemo memo = joined(memoRead);
            memos.putAll(memo.items());
            out = new PageOutput(settings.publicDir(), memo.pages(), full);
            tree = new CategoryTree(paths(entries));
            assetFiles = assets();
            siteFingerprint = hash(FORMAT, theme.fingerprint(), settings.title(), settings.url().toString(),
                    Integer.toString(settings.pageSize()), zone.getId(), LANGUAGE, String.join(",", assetFiles.values()));

            phase("read the store", start);
            List<SiteItem> items = new ArrayList<>(entries.parallelStream().map(this::item).toList());
            items.sort(SiteItem::newestFirst);
            Set<String> inFeeds = feedKeys(items);
            phase("place the items", start);
            renderItems(items, inFeeds);
            phase("item pages", start);
            // Lists, archives, feeds and search shards are independent: one pool of work, largest first,
            // keeps both cores busy to the end instead of waiting for the longest list of each kind.
            List<Work> work = new ArrayList<>();
            lists(items, work);
            archives(items, work);
            feeds(items, work);
            search(items, work);
            runLargestFirst(work);
            phase("lists, archives, feeds and search shards", start);
            notFound();
            sitemapAndRobots();
            phase("search index and sitemap", start);
            Set<String> removed = out.removeStale();
            out.finish();
            store.record(newMemos, out.rendered(), removed);
            phase("record the build", start);
            return new BuildReport(items.size(), itemsRendered, out.produced(), out.written(), out.unchanged(),
                    removed.size(), Duration.ofNanos(System.nanoTime() - start));
        }

        /** A piece of independent work and a measure of its size: the number of items it shows. */
        private record Work(int size, Runnable task) {
        }

        /** Runs {@code work} on every core, largest first, so that no core is left with a long piece at the end. */
        private static void runLargestFirst(List<Work> work) {
            List<Work> queue = new ArrayList<>(work);
            queue.sort(java.util.Comparator.comparingInt(Work::size).reversed());
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                for (int i; (i = next.getAndIncrement()) < queue.size(); ) {
                    queue.get(i).task().run();
                }
            };
            int helpers = Math.max(0, Math.min(queue.size(), Runtime.getRuntime().availableProcessors()) - 1);
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int i = 0; i < helpers; i++) {
                running.add(CompletableFuture.runAsync(worker));
            }
            try {
                worker.run();
            } finally {
                for (CompletableFuture<Void> helper : running) {
                    joined(helper);
                }
            }
        }

        private static <T> T joined(CompletableFuture<T> future) {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        private void phase(String name, long start) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("site build: {} done at {} ms", name, (System.nanoTime() - start) / 1_000_000);
            }
        }

        private Collection<CategoryPath> paths(List<SiteEntry> entries) {
            Set<CategoryPath> paths = new LinkedHashSet<>();
            for (Subscription subscription : subscriptions) {
                paths.add(subscription.path());
            }
            Set<String> others = new java.util.TreeSet<>();
            for (SiteEntry entry : entries) {
                others.add(entry.subscriptionPath());
            }
            for (String path : others) {
                paths.add(CategoryPath.parse(path));
            }
            return paths;
        }

        private Map<String, String> assets() {
            Map<String, String> files = new TreeMap<>();
            theme.assets().forEach((name, bytes) -> {
                int dot = name.lastIndexOf('.');
                String hashed = dot > 0
                        ? name.substring(0, dot) + "." + ContentHash.of(bytes).substring(0, 10) + name.substring(dot)
                        : name + "." + ContentHash.of(bytes).substring(0, 10);
                files.put(name, "assets/" + hashed);
                out.emitBytes("assets/" + hashed, bytes);
            });
            return files;
        }

        private SiteItem item(SiteEntry entry) {
            CategoryPath path = parsedPaths.computeIfAbsent(entry.subscriptionPath(), CategoryPath::parse);
            Subscription subscription = byPath.get(path);
            String author = !entry.author().isBlank() ? oneLine(entry.author())
                    : subscription != null ? subscription.author() : path.site();
            Instant date = entry.date().orElse(entry.firstSeen());
            Instant order = date.isAfter(entry.firstSeen()) ? entry.firstSeen() : date;
            String title = oneLine(entry.title());
            if (title.isEmpty()) {
                title = "（无标题）";
            }
            // What the excerpt and cover are taken from: the body (in the content hash), where its links
            // resolve, and the feed's fallback cover.
            String memoFingerprint = hash(entry.contentHash(), entry.link(), entry.subscriptionUrl(),
                    subscription == null ? "" : subscription.image().orElse(""));
            String pageFingerprint = hash(siteFingerprint, entry.key().value(), path.toString(),
                    tree.node(path).folder(), author, memoFingerprint, date.toString(), title);
            return new SiteItem(entry, path, author, date, order, title, memoFingerprint, pageFingerprint);
        }

        private Set<String> feedKeys(List<SiteItem> newestFirst) {
            Set<String> keys = new HashSet<>();
            Map<CategoryPath, Integer> counts = new HashMap<>();
            for (int i = 0; i < newestFirst.size(); i++) {
                SiteItem item = newestFirst.get(i);
                boolean wanted = i < FEED_ITEMS;
                List<String> levels = item.path().levels();
                for (int depth = 1; depth <= levels.size(); depth++) {
                    CategoryPath prefix = new CategoryPath(levels.subList(0, depth));
                    int count = counts.merge(prefix, 1, Integer::sum);
                    wanted |= count <= FEED_ITEMS;
                }
                if (wanted) {
                    keys.add(item.key());
                }
            }
            return keys;
        }

        private void renderItems(List<SiteItem> items, Set<String> inFeeds) {
            List<SiteItem> dirty = new ArrayList<>();
            for (SiteItem item : items) {
                ItemMemo memo = memos.get(item.key());
                boolean memoValid = memo != null && memo.fingerprint().equals(item.memoFingerprint());
                if (!memoValid || out.needs(item.file(), item.pageFingerprint())) {
                    dirty.add(item);
                } else {
                    out.emit(item.file(), item.pageFingerprint(), () -> {
                        throw new IllegalStateException("unchanged page rendered: " + item.file());
                    });
                }
            }
            itemsRendered = dirty.size();
            addToSitemap(items.stream().map(SiteItem::file).toList());
            List<List<SiteItem>> batches = new ArrayList<>();
            for (int from = 0; from < dirty.size(); from += BODIES_PER_READ) {
                batches.add(dirty.subList(from, Math.min(dirty.size(), from + BODIES_PER_READ)));
            }
            batches.parallelStream().forEach(batch -> {
                Map<EntryKey, SiteBody> read = store.bodies(batch.stream().map(item -> item.entry().key()).toList());
                for (SiteItem item : batch) {
                    SiteBody body = read.get(item.entry().key());
                    if (body != null) {
                        renderItem(item, safeHtml(item, body), inFeeds.contains(item.key()));
                    }
                }
            });
        }

        /** The body its post holds, else (no post yet, or the item changed since) the same, sanitized now. */
        private String safeHtml(SiteItem item, SiteBody body) {
            return body.publishedHtml().orElseGet(() -> sanitizer.sanitize(body.entry().body(),
                    BaseUri.of(item.entry().link(), item.entry().subscriptionUrl())));
        }

        private void renderItem(SiteItem item, String safeHtml, boolean inFeed) {
            SiteEntry head = item.entry();
            PageBody body = PageBody.of(safeHtml, EXCERPT_CODE_POINTS);
            Subscription subscription = byPath.get(item.path());
            String cover = oneLine(body.firstImage().orElseGet(() -> ownCover(head, subscription)));
            ItemMemo memo = new ItemMemo(item.memoFingerprint(), excerpt(body.leadText()), cover);
            memos.put(item.key(), memo);
            newMemos.put(item.key(), memo);
            if (inFeed) {
                bodies.put(item.key(), body.html());
            }
            CategoryTree.Node feed = tree.node(item.path());
            ItemPage page = new ItemPage(frame(item.title(), "", ""), item.title(), crumbs(item.path()),
                    item.path().name(), item.path().site(), layout.href(SiteLayout.listPage(feed.folder(), 0)),
                    item.author(), webLink(head.link()), item.date().toString(), dateText(item.date()),
                    body.firstImage().isEmpty() ? cover : "", body.html());
            out.emit(item.file(), item.pageFingerprint(), () -> theme.render("item.jte", page));
        }

        /**
         * The picture of an item whose body has none: its subscription's own {@code image}, when it names
         * one, else none. The post's stock-photo fallback says nothing about the item, so the site leaves
         * it out.
         */
        private static String ownCover(SiteEntry entry, @Nullable Subscription subscription) {
            return subscription == null || subscription.image().isEmpty() ? ""
                    : HexoPostRenderer.fallbackCover(entry.key(), subscription.image());
        }

        private void lists(List<SiteItem> items, List<Work> work) {
            Map<CategoryPath, List<SiteItem>> byNode = new LinkedHashMap<>();
            for (CategoryTree.Node node : tree.all()) {
                byNode.put(node.path(), new ArrayList<>());
            }
            for (SiteItem item : items) {
                List<String> levels = item.path().levels();
                for (int depth = 1; depth <= levels.size(); depth++) {
                    byNode.get(new CategoryPath(levels.subList(0, depth))).add(item);
                }
            }
            work.add(new Work(items.size(), () -> list("", settings.title(), "最新", List.of(), Optional.empty(), items,
                    "atom.xml", "feed.json")));
            for (CategoryTree.Node node : tree.all()) {
                List<SiteItem> listed = byNode.get(node.path());
                work.add(new Work(listed.size(), () -> list(node.folder(), node.name() + " · " + settings.title(),
                        node.name(), crumbs(node.path()), Optional.of(node.path()), listed,
                        node.folder() + "atom.xml", node.folder() + "feed.json")));
            }
        }

        private void archives(List<SiteItem> items, List<Work> work) {
            Map<YearMonth, List<SiteItem>> byMonth = new TreeMap<>(java.util.Comparator.reverseOrder());
            for (SiteItem item : items) {
                byMonth.computeIfAbsent(YearMonth.from(item.order().atZone(zone)), month -> new ArrayList<>()).add(item);
            }
            Map<String, List<ArchivePage.Month>> years = new LinkedHashMap<>();
            byMonth.forEach((month, monthItems) -> {
                String folder = String.format("archives/%04d/%02d/", month.getYear(), month.getMonthValue());
                String name = month.getYear() + " 年 " + month.getMonthValue() + " 月";
                years.computeIfAbsent(Integer.toString(month.getYear()), year -> new ArrayList<>())
                        .add(new ArchivePage.Month(month.getMonthValue() + " 月",
                                layout.href(SiteLayout.listPage(folder, 0)), monthItems.size()));
                List<Link> crumbs = List.of(new Link("首页", layout.href(SiteLayout.INDEX)),
                        new Link("归档", layout.href("archives/" + SiteLayout.INDEX)));
                work.add(new Work(monthItems.size(), () -> list(folder, name + " · " + settings.title(), name, crumbs,
                        Optional.empty(), monthItems, "atom.xml", "feed.json")));
            });
            List<ArchivePage.Year> yearList = new ArrayList<>();
            years.forEach((year, months) -> yearList.add(new ArchivePage.Year(year, months)));
            ArchivePage page = new ArchivePage(frame("归档 · " + settings.title(), "", ""), nav(Optional.empty()),
                    yearList);
            String file = "archives/" + SiteLayout.INDEX;
            out.emit(file, hash(siteFingerprint, page.toString()), () -> theme.render("archive.jte", page));
            addToSitemap(List.of(file));
        }

        private void list(String folder, String pageTitle, String heading, List<Link> crumbs,
                Optional<CategoryPath> current, List<SiteItem> newestFirst, String atom, String jsonFeed) {
            List<NavEntry> nav = nav(current);
            // What every page of the list shares; each page adds its place and its items' fingerprints,
            // which stand for all a list shows of them, so pages are compared without being made.
            String listFingerprint = hash(siteFingerprint, folder, pageTitle, heading, crumbs.toString(),
                    nav.toString(), atom, jsonFeed);
            List<String> files = new ArrayList<>();
            for (Paging.Page<SiteItem> page : Paging.of(newestFirst, settings.pageSize())) {
                String file = SiteLayout.listPage(folder, page.number());
                StringBuilder inputs = new StringBuilder(listFingerprint.length() + 65 * page.items().size() + 32)
                        .append(listFingerprint).append(' ').append(page.number()).append(' ').append(page.newer())
                        .append(' ').append(page.older());
                for (SiteItem item : page.items()) {
                    inputs.append(' ').append(item.pageFingerprint());
                }
                out.emit(file, hash(inputs.toString()), () -> {
                    String label = page.number() == 0 ? "" : "第 " + page.number() + " 页";
                    ListPage model = new ListPage(
                            frame(label.isEmpty() ? pageTitle : pageTitle + " · " + label, atom, jsonFeed),
                            heading, crumbs, nav, page.items().stream().map(this::listItem).toList(),
                            pageLink(folder, page.newer(), "较新"), pageLink(folder, page.older(), "较早"), label);
                    return theme.render("list.jte", model);
                });
                files.add(file);
            }
            addToSitemap(files);
        }

        private Optional<Link> pageLink(String folder, int page, String text) {
            return page < 0 ? Optional.empty() : Optional.of(new Link(text, layout.href(SiteLayout.listPage(folder, page))));
        }

        /** An item as every list shows it: its links are from the site's root, the same on every page. */
        private ListItem listItem(SiteItem item) {
            return listItems.computeIfAbsent(item.key(), key -> newListItem(item));
        }

        private ListItem newListItem(SiteItem item) {
            ItemMemo memo = memos.get(item.key());
            CategoryTree.Node feed = tree.node(item.path());
            return new ListItem(item.title(), layout.href(item.file()), source(item.path()),
                    layout.href(SiteLayout.listPage(feed.folder(), 0)), item.date().toString(), dateText(item.date()),
                    memo == null ? "" : memo.excerpt(), memo == null ? "" : memo.cover());
        }

        private void feeds(List<SiteItem> items, List<Work> work) {
            work.add(new Work(FEED_ITEMS, () -> feed("", settings.title(), items)));
            Map<CategoryPath, List<SiteItem>> newest = new LinkedHashMap<>();
            for (SiteItem item : items) {
                List<String> levels = item.path().levels();
                for (int depth = 1; depth <= levels.size(); depth++) {
                    List<SiteItem> list = newest.computeIfAbsent(new CategoryPath(levels.subList(0, depth)),
                            path -> new ArrayList<>());
                    if (list.size() < FEED_ITEMS) {
                        list.add(item);
                    }
                }
            }
            for (CategoryTree.Node node : tree.all()) {
                work.add(new Work(FEED_ITEMS, () -> feed(node.folder(), node.name() + " · " + settings.title(),
                        newest.getOrDefault(node.path(), List.of()))));
            }
        }

        private void feed(String folder, String title, List<SiteItem> newestFirst) {
            List<SiteItem> items = newestFirst.subList(0, Math.min(FEED_ITEMS, newestFirst.size()));
            StringBuilder inputs = new StringBuilder(siteFingerprint).append(folder).append(title);
            for (SiteItem item : items) {
                inputs.append('\n').append(item.pageFingerprint());
            }
            String fingerprint = hash(inputs.toString());
            String atomFile = folder + "atom.xml";
            String jsonFile = folder + "feed.json";
            if (!out.needs(atomFile, fingerprint) && !out.needs(jsonFile, fingerprint)) {
                out.emit(atomFile, fingerprint, () -> new byte[0]);
                out.emit(jsonFile, fingerprint, () -> new byte[0]);
                return;
            }
            readBodies(items);
            List<FeedsOut.Item> feedItems = new ArrayList<>();
            for (SiteItem item : items) {
                ItemMemo memo = memos.get(item.key());
                feedItems.add(new FeedsOut.Item(layout.absolute(item.file()), item.title(),
                        webLink(item.entry().link()), item.date(), item.author(), item.path().levels(),
                        memo == null ? "" : memo.excerpt(), body(item), memo == null ? "" : memo.cover()));
            }
            String page = layout.absolute(SiteLayout.listPage(folder, 0));
            out.emit(atomFile, fingerprint,
                    () -> bytes(FeedsOut.atom(new FeedsOut.Feed(title, page, layout.absolute(atomFile), LANGUAGE, feedItems))));
            out.emit(jsonFile, fingerprint,
                    () -> bytes(FeedsOut.jsonFeed(new FeedsOut.Feed(title, page, layout.absolute(jsonFile), LANGUAGE,
                            feedItems))));
        }

        /** Reads, in one query, the bodies of {@code items} that rendering their pages did not keep. */
        private void readBodies(List<SiteItem> items) {
            List<EntryKey> missing = new ArrayList<>();
            for (SiteItem item : items) {
                if (!bodies.containsKey(item.key())) {
                    missing.add(item.entry().key());
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            Map<EntryKey, SiteBody> read = store.bodies(missing);
            for (SiteItem item : items) {
                SiteBody body = read.get(item.entry().key());
                if (body != null) {
                    bodies.putIfAbsent(item.key(), PageBody.of(safeHtml(item, body), 0).html());
                }
            }
        }

        /** The page body of an item in a feed. */
        private String body(SiteItem item) {
            return bodies.getOrDefault(item.key(), "");
        }

        private void search(List<SiteItem> newestFirst, List<Work> work) {
            List<SiteItem> oldestFirst = new ArrayList<>(newestFirst);
            java.util.Collections.reverse(oldestFirst);
            List<SearchIndex.Shard> shards = new ArrayList<>();
            for (int from = 0; from < oldestFirst.size(); from += SearchIndex.ITEMS_PER_SHARD) {
                List<SiteItem> items = oldestFirst.subList(from,
                        Math.min(oldestFirst.size(), from + SearchIndex.ITEMS_PER_SHARD));
                StringBuilder inputs = new StringBuilder(siteFingerprint);
                for (SiteItem item : items) {
                    inputs.append(' ').append(item.pageFingerprint());
                }
                SearchIndex.Shard shard = new SearchIndex.Shard(SearchIndex.file(shards.size()), hash(inputs.toString()),
                        items.size());
                work.add(new Work(items.size(), () -> out.emit(shard.file(), shard.fingerprint(),
                        () -> bytes(SearchIndex.json(items.stream().map(this::searchRow).toList())))));
                shards.add(shard);
            }
            out.emitBytes(SearchIndex.TABLE, SearchIndex.table(shards, layout));
        }

        private List<String> searchRow(SiteItem item) {
            ItemMemo memo = memos.get(item.key());
            return List.of(item.key(), item.title(), source(item.path()), DAY.format(item.date().atZone(zone)),
                    memo == null ? "" : memo.excerpt());
        }

        private void notFound() {
            NotFoundPage page = new NotFoundPage(frame("找不到这一页 · " + settings.title(), "", ""), nav(Optional.empty()));
            out.emit("404.html", hash(siteFingerprint, page.toString()), () -> theme.render("notfound.jte", page));
        }

        private void sitemapAndRobots() {
            List<String> urls = new ArrayList<>(sitemap.size());
            for (String file : sitemap) {
                urls.add(layout.absolute(file));
            }
            java.util.Collections.sort(urls);
            if (urls.size() <= Sitemap.MAX_URLS) {
                out.emit("sitemap.xml", hash(String.join("\n", urls)), () -> bytes(Sitemap.urlset(urls)));
            } else {
                List<String> parts = new ArrayList<>();
                for (int from = 0, n = 1; from < urls.size(); from += Sitemap.MAX_URLS, n++) {
                    String file = "sitemap-" + n + ".xml";
                    List<String> part = urls.subList(from, Math.min(urls.size(), from + Sitemap.MAX_URLS));
                    out.emit(file, hash(String.join("\n", part)), () -> bytes(Sitemap.urlset(part)));
                    parts.add(layout.absolute(file));
                }
                out.emitBytes("sitemap.xml", bytes(Sitemap.index(parts)));
            }
            out.emitBytes("robots.txt", bytes(Sitemap.robots(layout.absolute("sitemap.xml"))));
        }

        private synchronized void addToSitemap(List<String> files) {
            sitemap.addAll(files);
        }

        private PageFrame frame(String pageTitle, String atom, String jsonFeed) {
            return new PageFrame(settings.title(), pageTitle, layout.href(SiteLayout.INDEX),
                    layout.href("archives/" + SiteLayout.INDEX), layout.href(atom.isEmpty() ? "atom.xml" : atom),
                    layout.href(jsonFeed.isEmpty() ? "feed.json" : jsonFeed),
                    layout.href(assetFiles.get("style.css")), layout.href(assetFiles.get("site.js")),
                    layout.href(SearchIndex.TABLE), LANGUAGE);
        }

        /** The front page, then each level of {@code path}. */
        private List<Link> crumbs(CategoryPath path) {
            List<Link> crumbs = new ArrayList<>();
            crumbs.add(new Link("首页", layout.href(SiteLayout.INDEX)));
            List<String> levels = path.levels();
            for (int depth = 1; depth <= levels.size(); depth++) {
                CategoryTree.Node node = tree.node(new CategoryPath(levels.subList(0, depth)));
                crumbs.add(new Link(node.name(), layout.href(SiteLayout.listPage(node.folder(), 0))));
            }
            return crumbs;
        }

        /** Top categories always; below them only the branch that holds {@code current}. */
        private List<NavEntry> nav(Optional<CategoryPath> current) {
            List<NavEntry> nav = new ArrayList<>();
            for (CategoryTree.Node node : tree.all()) {
                List<String> levels = node.path().levels();
                boolean onPath = current.isPresent() && current.get().startsWith(node.path());
                boolean parentOnPath = levels.size() == 1 || (current.isPresent()
                        && current.get().startsWith(new CategoryPath(levels.subList(0, levels.size() - 1))));
                if (parentOnPath) {
                    nav.add(new NavEntry(node.depth(), node.name(), layout.href(SiteLayout.listPage(node.folder(), 0)),
                            onPath, onPath && current.get().equals(node.path())));
                }
            }
            // The tree lists parents before children but not depth-first; show each branch in place.
            return depthFirst(nav);
        }

        private List<NavEntry> depthFirst(List<NavEntry> entries) {
            List<NavEntry> ordered = new ArrayList<>(entries.size());
            Map<String, NavEntry> byHref = new LinkedHashMap<>();
            for (NavEntry entry : entries) {
                byHref.put(entry.href(), entry);
            }
            for (CategoryTree.Node root : tree.roots()) {
                visit(root, byHref, ordered);
            }
            return ordered;
        }

        private void visit(CategoryTree.Node node, Map<String, NavEntry> shown, List<NavEntry> ordered) {
            NavEntry entry = shown.get(layout.href(SiteLayout.listPage(node.folder(), 0)));
            if (entry == null) {
                return;
            }
            ordered.add(entry);
            for (CategoryTree.Node child : node.children()) {
                visit(child, shown, ordered);
            }
        }

        private String source(CategoryPath path) {
            return path.levels().size() >= 2 ? path.name() + " · " + path.site() : path.name();
        }

        private String dateText(Instant date) {
            return DATE_TEXT.format(date.atZone(zone));
        }
    }

    /** The start of an item's text, cut at a character, for lists and search. */
    static String excerpt(String text) {
        String line = oneLine(text);
        if (line.codePointCount(0, line.length()) <= EXCERPT_CODE_POINTS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, EXCERPT_CODE_POINTS)).strip() + "…";
    }

    /** {@code text} on one line: controls dropped, runs of white space folded. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x2028 || c == 0x2029) {
                space = out.length() > 0;
            } else if (!Character.isISOControl(c)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** {@code link} when it is a web address, else empty: a feed's {@code javascript:} link never becomes a button. */
    static String webLink(String link) {
        String trimmed = link.strip();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) ? oneLine(trimmed) : "";
    }

    private static String hash(String... parts) {
        return ContentHash.of(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
