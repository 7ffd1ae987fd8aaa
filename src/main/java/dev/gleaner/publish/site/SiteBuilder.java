package dev.gleaner.publish.site;

import dev.gleaner.config.SiteSettings;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.SiteEntry;
import dev.gleaner.store.SiteMemo;
import dev.gleaner.store.SiteState;
import dev.gleaner.store.SiteStore;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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

    private final SiteSettings settings;
    private final List<Subscription> subscriptions;
    private final SiteStore store;
    private final SiteTheme theme;
    private final SiteLayout layout;

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
        // One row and the output's folders tell whether anything changed since the last finished
        // build: a build with nothing new costs the same at a hundred items as at a million.
        SiteState state = store.state();
        String key = SiteContext.inputs(settings, subscriptions, theme) + " " + state.changes();
        Optional<SiteState.Built> last = state.built().filter(built -> built.key().equals(key));
        if (!full && last.isPresent() && Files.isDirectory(settings.publicDir())
                && OutputWitness.of(settings.publicDir(), last.get().folders()).equals(last.get().witness())) {
            phase("nothing new", start);
            return new BuildReport(last.get().items(), 0, last.get().files(), 0, last.get().files(), 0,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        // The two reads are independent, and each costs a good part of a second on a large site.
        CompletableFuture<SiteMemo> memoRead = CompletableFuture.supplyAsync(store::memo);
        List<SiteEntry> entries = store.entries();
        SiteMemo memo = LargestFirst.joined(memoRead);
        PageOutput out = new PageOutput(settings.publicDir(), memo.pages(), full);
        CategoryTree tree = CategoryTree.of(subscriptions, entries);
        SiteContext site = SiteContext.of(settings, subscriptions, layout, tree, theme, SiteAssets.write(theme, out));
        Navigation navigation = new Navigation(site);
        phase("read the store", start);

        List<SiteItem> items = new SiteItems(site).place(entries);
        FeedPages.Selection inFeeds = FeedPages.select(items);
        phase("place the items", start);

        ItemBodies bodies = new ItemBodies(store);
        ItemPages.Rendered rendered = new ItemPages(site, navigation, bodies, out)
                .render(items, memo.items(), inFeeds.keys());
        phase("item pages", start);

        // Lists, archives, feeds and search shards are independent: one pool of work, largest first,
        // keeps both cores busy to the end instead of waiting for the longest list of each kind.
        ListPages lists = new ListPages(site, navigation, out, rendered.memos());
        ListPages.Plan categories = lists.categories(items);
        ListPages.Plan archives = lists.archives(items);
        List<LargestFirst.Task> tasks = new ArrayList<>(categories.tasks());
        tasks.addAll(archives.tasks());
        tasks.addAll(new FeedPages(site, bodies, out, rendered.memos(), rendered.feedBodies()).tasks(inFeeds));
        tasks.addAll(new SearchIndex(site, out, rendered.memos()).tasks(items));
        LargestFirst.run(tasks);
        phase("lists, archives, feeds and search shards", start);

        notFound(site, navigation, out);
        List<String> pages = new ArrayList<>(items.size() + categories.files().size() + archives.files().size());
        items.forEach(item -> pages.add(item.file()));
        pages.addAll(categories.files());
        pages.addAll(archives.files());
        Sitemap.write(site, out, pages);
        phase("search index and sitemap", start);

        Set<String> removed = out.removeStale();
        out.finish();
        List<String> folders = OutputWitness.folders(out.producedFiles());
        store.record(rendered.changed(), out.rendered(), removed, new SiteState.Built(key, items.size(),
                out.produced(), folders, OutputWitness.of(settings.publicDir(), folders)));
        phase("record the build", start);
        return new BuildReport(items.size(), rendered.rendered(), out.produced(), out.written(), out.unchanged(),
                removed.size(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void notFound(SiteContext site, Navigation navigation, PageOutput out) {
        NotFoundPage page = new NotFoundPage(navigation.frame("找不到这一页 · " + site.settings().title(), "", ""),
                navigation.menu(Optional.empty()));
        out.emit("404.html", Fingerprint.of(site.fingerprint(), page.toString()),
                () -> site.theme().render("notfound.jte", page));
    }

    private static void phase(String name, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("site build: {} done at {} ms", name, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
