package dev.gleaner.publish.site;

import dev.gleaner.config.Subscription;
import dev.gleaner.publish.HexoPostRenderer;
import dev.gleaner.store.SiteEntry;
import dev.gleaner.store.SiteMemo.ItemMemo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page of each item, rendered only when the item or the site changed since the last build; each
 * page rendered also gives the item's excerpt and cover, which lists, feeds and search show.
 */
final class ItemPages {
    private static final int BODIES_PER_READ = 200;

    private final SiteContext site;
    private final Navigation navigation;
    private final ItemBodies bodies;
    private final PageOutput out;

    ItemPages(SiteContext site, Navigation navigation, ItemBodies bodies, PageOutput out) {
        this.site = site;
        this.navigation = navigation;
        this.bodies = bodies;
        this.out = out;
    }

    /**
     * What the item pages gave.
     *
     * @param memos the excerpt and cover of every item known: this build's, else the last build's
     * @param changed the memos of the items rendered in this build
     * @param feedBodies the page bodies of the items rendered that a feed shows, by item key
     * @param rendered the number of item pages rendered
     */
    record Rendered(Map<String, ItemMemo> memos, Map<String, ItemMemo> changed, Map<String, String> feedBodies,
            int rendered) {
        Rendered {
            memos = Map.copyOf(memos);
            changed = Map.copyOf(changed);
            feedBodies = Map.copyOf(feedBodies);
        }
    }

    /**
     * Renders the pages of {@code items} that changed, and keeps the others.
     *
     * @param previous the memos the last build recorded, by item key
     * @param inFeeds the keys of the items some feed shows, whose bodies the feeds will want
     */
    Rendered render(List<SiteItem> items, Map<String, ItemMemo> previous, Set<String> inFeeds) {
        List<SiteItem> dirty = new ArrayList<>();
        for (SiteItem item : items) {
            ItemMemo memo = previous.get(item.key());
            boolean memoValid = memo != null && memo.fingerprint().equals(item.memoFingerprint());
            if (!memoValid || out.needs(item.file(), item.pageFingerprint())) {
                dirty.add(item);
            } else {
                out.keep(item.file(), item.pageFingerprint());
            }
        }
        List<List<SiteItem>> batches = new ArrayList<>();
        for (int from = 0; from < dirty.size(); from += BODIES_PER_READ) {
            batches.add(dirty.subList(from, Math.min(dirty.size(), from + BODIES_PER_READ)));
        }
        Map<String, ItemMemo> changed = new ConcurrentHashMap<>();
        Map<String, String> feedBodies = new ConcurrentHashMap<>();
        batches.parallelStream().forEach(batch -> {
            Map<String, String> read = bodies.read(batch);
            for (SiteItem item : batch) {
                String safeHtml = read.get(item.key());
                if (safeHtml != null) {
                    PageBody body = PageBody.of(safeHtml, SiteText.EXCERPT_CODE_POINTS);
                    changed.put(item.key(), render(item, body));
                    if (inFeeds.contains(item.key())) {
                        feedBodies.put(item.key(), body.html());
                    }
                }
            }
        });
        Map<String, ItemMemo> memos = new HashMap<>(previous);
        memos.putAll(changed);
        return new Rendered(memos, changed, feedBodies, dirty.size());
    }

    /** Renders the page of {@code item} and returns its memo. */
    private ItemMemo render(SiteItem item, PageBody body) {
        SiteEntry head = item.entry();
        String cover = SiteText.oneLine(
                body.firstImage().orElseGet(() -> ownCover(head, site.subscription(item.path()))));
        ItemMemo memo = new ItemMemo(item.memoFingerprint(), SiteText.excerpt(body.leadText()), cover);
        CategoryTree.Node feed = site.tree().node(item.path());
        ItemPage page = new ItemPage(navigation.frame(item.title(), "", ""), item.title(),
                navigation.crumbs(item.path()), item.path().name(), item.path().site(), site.listHref(feed.folder()),
                item.author(), SiteText.webLink(head.link()), item.date().toString(), site.dateText(item.date()),
                body.firstImage().isEmpty() ? cover : "", body.html());
        out.emit(item.file(), item.pageFingerprint(), () -> site.theme().render("item.jte", page));
        return memo;
    }

    /**
     * The picture of an item whose body has none: its subscription's own {@code image}, when it names
     * one, else none. The post's stock-photo fallback says nothing about the item, so the site leaves
     * it out.
     */
    private static String ownCover(SiteEntry entry, Optional<Subscription> subscription) {
        Optional<String> image = subscription.flatMap(Subscription::image);
        return image.isEmpty() ? "" : HexoPostRenderer.fallbackCover(entry.key(), image);
    }
}
