package dev.gleaner.publish.site;

import dev.gleaner.config.SiteSettings;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.SiteChanges;
import dev.gleaner.store.SiteOutline;
import dev.gleaner.store.SiteState;
import dev.gleaner.store.SiteStore;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HTML site from the store: the front page, a page per category level, an archive by
 * month, a page per item, Atom and JSON feeds, a search index, a sitemap and a 404 page.
 *
 * <p>A build after a few new items renders only the pages they touch (the store notes every change
 * for it), and every build writes only files whose bytes changed, so a full build and an
 * incremental one give the same tree. Memory holds the outline of the archive, a few tens of bytes
 * an item, and what is being rendered.
 *
 * <pre>{@code new SiteBuilder(config.site(), config.subscriptions(), store.site(), SiteTheme.standard())
 *         .build(false);}</pre>
 */
public final class SiteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(SiteBuilder.class);
    // Past this many changed entries, rendering everything costs less than working out what they touch.
    private static final int MOST_CHANGES = 50_000;

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
        // One row, the paths of the feeds shown and the output's folders tell whether anything changed
        // since the last finished build: a build with nothing new costs the same at a hundred items as at a million.
        SiteState state = store.state();
        CategoryTree tree = CategoryTree.of(subscriptions, store.pathsShown());
        String shape = Fingerprint.of(SiteContext.inputs(settings, subscriptions, theme),
                tree.all().stream().map(CategoryTree.Node::folder).toList().toString());
        String key = shape + " " + state.changes();
        Optional<SiteState.Built> last = state.built();
        boolean inPlace = last.isPresent() && Files.isDirectory(settings.publicDir())
                && OutputWitness.of(settings.publicDir(), last.get().folders()).equals(last.get().witness());
        if (!full && inPlace && last.get().key().equals(key)) {
            phase("nothing new", start);
            return new BuildReport(last.get().items(), 0, last.get().files(), 0, last.get().files(), 0,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        // What changes after this read waits for the next build.
        SiteChanges changes = store.changes(MOST_CHANGES);
        SiteOutline outline = store.outline();
        SiteLists lists = SiteLists.of(outline, tree, settings.zone());
        boolean everything = full || !inPlace || changes.everything()
                || !last.get().key().startsWith(shape + " ");
        RenderPlan plan = everything ? RenderPlan.everything(lists, settings.pageSize())
                : RenderPlan.of(lists, changes, settings.zone(), settings.pageSize());
        PageOutput out = new PageOutput(settings.publicDir(), !everything);
        SiteContext site = SiteContext.of(settings, subscriptions, layout, tree, theme, SiteAssets.write(theme, out));
        Navigation navigation = new Navigation(site);
        phase(everything ? "read the outline, to render everything" : "read the outline and what changed", start);

        ItemBodies bodies = new ItemBodies(store);
        ListPages listPages = new ListPages(site, navigation, out);
        SearchIndex search = new SearchIndex(site, out);
        ItemSweep sweep = new ItemSweep(site, store, lists, plan, new ItemPages(site, navigation, bodies, out),
                listPages, new FeedPages(site, bodies, out), search);
        int rendered = sweep.run();
        phase("items, lists, feeds and search shards", start);

        listPages.archive(lists.months());
        notFound(site, navigation, out);
        Map<String, String> fingerprints = new HashMap<>();
        sweep.shardFingerprints().forEach((shard, fingerprint) -> fingerprints.put(SearchIndex.file(shard), fingerprint));
        List<String> others = new ArrayList<>(site.assets().values());
        others.addAll(List.of("404.html", "robots.txt", Sitemap.FILE, SearchIndex.TABLE, ListPages.ARCHIVE));
        others.addAll(searchTable(search, outline.size(), fingerprints));
        others.addAll(sitemap(site, out, lists, everything ? 0 : plan.sitemapFrom()));
        for (ItemList list : lists.all()) {
            if (list.month().isEmpty()) {
                others.addAll(FeedPages.files(list.folder()));
            }
        }
        SiteFiles files = new SiteFiles(lists, settings.pageSize(), others);
        phase("archive, search table and sitemap", start);

        Set<String> removed = new LinkedHashSet<>();
        if (everything) {
            store.files("", (path, fingerprint) -> {
                if (!files.contains(path)) {
                    removed.add(path);
                }
            });
        } else {
            removed.addAll(plan.removed());
            for (String prefix : List.of("search/", "sitemap", "assets/")) {
                store.files(prefix, (path, fingerprint) -> {
                    if (!files.contains(path)) {
                        removed.add(path);
                    }
                });
            }
            removed.removeIf(files::contains);
        }
        out.remove(removed);
        out.finish();
        List<String> folders = files.folders();
        store.record(everything ? files.all() : out.emitted(), fingerprints, removed, new SiteState.Built(key,
                outline.size(), files.count(), folders, OutputWitness.of(settings.publicDir(), folders)), changes.upTo());
        phase("record the build", start);
        return new BuildReport(outline.size(), rendered, files.count(), out.written(), out.unchanged(),
                removed.size(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Writes the search table; returns the shards' files. */
    private List<String> searchTable(SearchIndex search, int items, Map<String, String> fingerprints) {
        int shards = SearchIndex.shards(items);
        Map<String, String> known = new HashMap<>(fingerprints);
        if (known.size() < shards) {
            store.files("search/", known::putIfAbsent);
        }
        List<String> files = new ArrayList<>(shards);
        List<String> shardFingerprints = new ArrayList<>(shards);
        for (int shard = 0; shard < shards; shard++) {
            String file = SearchIndex.file(shard);
            String fingerprint = known.getOrDefault(file, "");
            if (fingerprint.length() < 12) {
                throw new IllegalStateException("no fingerprint for " + file + ": build the site with --full");
            }
            files.add(file);
            shardFingerprints.add(fingerprint);
        }
        search.table(items, shardFingerprints);
        return files;
    }

    /** Writes the sitemap's parts from {@code fromPart}, its index and robots.txt; returns the parts' files. */
    private static List<String> sitemap(SiteContext site, PageOutput out, SiteLists lists, int fromPart) {
        List<String> firstPages = new ArrayList<>();
        for (ItemList list : lists.all()) {
            firstPages.add(SiteLayout.listPage(list.folder(), 0));
        }
        firstPages.add(ListPages.ARCHIVE);
        new Sitemap(site, out).write(lists.outline(), firstPages, fromPart);
        List<String> parts = new ArrayList<>();
        for (int part = 0; part < Sitemap.parts(lists.outline().size() + firstPages.size()); part++) {
            parts.add(Sitemap.part(part));
        }
        return parts;
    }

    private static void notFound(SiteContext site, Navigation navigation, PageOutput out) {
        NotFoundPage page = new NotFoundPage(navigation.frame("找不到这一页 · " + site.settings().title(), "", ""),
                navigation.menu(Optional.empty()));
        out.emit("404.html", () -> site.theme().render("notfound.jte", page));
    }

    private static void phase(String name, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("site build: {} done at {} ms", name, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
