package dev.gleaner.publish.site;

import dev.gleaner.config.Subscription;
import dev.gleaner.publish.HexoPostRenderer;
import dev.gleaner.store.ItemMemo;
import dev.gleaner.store.SiteEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page of each item; rendering it also gives the item's excerpt and cover, which lists, feeds
 * and search show.
 */
final class ItemPages {
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
     * Renders the pages of {@code items}, their bodies read in one query, and returns the memo of each
     * by item key; an item whose entry left the store meanwhile is left out.
     */
    Map<String, ItemMemo> render(List<SiteItem> items) {
        Map<String, String> read = bodies.read(items);
        Map<String, ItemMemo> memos = new HashMap<>();
        for (SiteItem item : items) {
            String safeHtml = read.get(item.key());
            if (safeHtml != null) {
                memos.put(item.key(), render(item, PageBody.of(safeHtml, SiteText.EXCERPT_CODE_POINTS)));
            }
        }
        return memos;
    }

    /** Renders the page of {@code item} and returns its memo. */
    private ItemMemo render(SiteItem item, PageBody body) {
        SiteEntry head = item.entry();
        String cover = SiteText.oneLine(
                body.firstImage().orElseGet(() -> ownCover(head, site.subscription(item.path()))));
        ItemMemo memo = new ItemMemo(SiteText.excerpt(body.leadText()), cover);
        CategoryTree.Node feed = site.tree().node(item.path());
        ItemPage page = new ItemPage(navigation.frame(item.title(), "", ""), item.title(),
                navigation.crumbs(item.path()), item.path().name(), item.path().site(), site.listHref(feed.folder()),
                item.author(), SiteText.webLink(head.link()), item.date().toString(), site.dateText(item.date()),
                body.firstImage().isEmpty() ? cover : "", body.html());
        out.emit(item.file(), () -> site.theme().render("item.jte", page));
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
