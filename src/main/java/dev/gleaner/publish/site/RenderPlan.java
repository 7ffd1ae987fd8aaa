package dev.gleaner.publish.site;

import dev.gleaner.store.SiteChanges;
import dev.gleaner.store.SiteOutline;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one build renders: every page, or after a few changes only what they touch. A change touches
 * every list the item was in or is in now, from the page where it was or is now up to the newest
 * page; the pages below hold the same items as before, and keep them. With the search shards and
 * the sitemap's parts, counted from the oldest too, it is the same.
 */
final class RenderPlan {
    private final SiteLists lists;
    private final int pageSize;
    private final boolean everything;
    // For each list touched, the lowest numbered page to render; its first page is rendered too.
    private final Map<ItemList, Integer> lowest = new IdentityHashMap<>();
    private final BitSet items = new BitSet();
    private final Set<String> removed = new LinkedHashSet<>();
    private int frontReach;

    private RenderPlan(SiteLists lists, int pageSize, boolean everything) {
        this.lists = lists;
        this.pageSize = pageSize;
        this.everything = everything;
    }

    /** A plan that renders every page. */
    static RenderPlan everything(SiteLists lists, int pageSize) {
        RenderPlan plan = new RenderPlan(lists, pageSize, true);
        for (ItemList list : lists.all()) {
            plan.lowest.put(list, 1);
        }
        plan.items.set(0, lists.outline().size());
        plan.frontReach = lists.outline().size();
        return plan;
    }

    /** A plan that renders what {@code changes} touch, given in {@code zone}'s months. */
    static RenderPlan of(SiteLists lists, SiteChanges changes, ZoneId zone, int pageSize) {
        RenderPlan plan = new RenderPlan(lists, pageSize, false);
        SiteOutline outline = lists.outline();
        Map<String, Integer> indexOf = new HashMap<>();
        Set<String> changedKeys = new HashSet<>();
        changes.entries().forEach(change -> changedKeys.add(change.key().value()));
        for (int index = 0; index < outline.size() && indexOf.size() < changedKeys.size(); index++) {
            if (changedKeys.contains(outline.key(index))) {
                indexOf.put(outline.key(index), index);
            }
        }
        // For each list touched: the oldest place touched (an order, in milliseconds) and how its size changed.
        Map<ItemList, Long> oldest = new IdentityHashMap<>();
        Map<ItemList, Integer> grown = new IdentityHashMap<>();
        Map<YearMonth, Integer> emptiedMonths = new HashMap<>();
        for (SiteChanges.Change change : changes.entries()) {
            Integer index = indexOf.get(change.key().value());
            if (index != null) {
                plan.items.set(index);
                for (ItemList list : lists.of(index)) {
                    oldest.merge(list, outline.order(index), Math::min);
                    grown.merge(list, 1, Integer::sum);
                }
            } else {
                plan.removed.add(SiteLayout.item(change.key().value()));
            }
            if (change.oldOrder().isPresent()) {
                long order = change.oldOrder().get();
                List<ItemList> before = new ArrayList<>();
                before.add(lists.front());
                before.addAll(change.oldSubscription().map(lists::ofSubscription).orElse(List.of()));
                YearMonth month = YearMonth.from(Instant.ofEpochMilli(order).atZone(zone));
                lists.month(month).ifPresentOrElse(before::add, () -> emptiedMonths.merge(month, 1, Integer::sum));
                for (ItemList list : before) {
                    oldest.merge(list, order, Math::min);
                    grown.merge(list, -1, Integer::sum);
                }
            }
        }
        oldest.forEach((list, order) -> plan.touch(list, order, grown.getOrDefault(list, 0)));
        emptiedMonths.forEach((month, count) -> {
            String folder = SiteLists.monthFolder(month);
            for (int page = 0; page <= new Paging(count, pageSize).numbered(); page++) {
                plan.removed.add(SiteLayout.listPage(folder, page));
            }
        });
        return plan;
    }

    private void touch(ItemList list, long oldestOrder, int grownBy) {
        int reach = list.countBefore(lists.firstOlderThan(oldestOrder));
        Paging now = new Paging(list.size(), pageSize);
        Paging before = new Paging(list.size() - grownBy, pageSize);
        int from = reach == 0 ? now.numbered() + 1 : now.pageOf(reach - 1);
        if (from == 0) {
            from = now.numbered() + 1;
        }
        if (now.numbered() != before.numbered()) {
            // New numbered pages, and the pager of the newest one before and now.
            from = Math.min(from, Math.max(1, Math.min(now.numbered(), before.numbered())));
        }
        lowest.put(list, from);
        for (int page = now.numbered() + 1; page <= before.numbered(); page++) {
            removed.add(SiteLayout.listPage(list.folder(), page));
        }
        if (list == lists.front()) {
            frontReach = reach;
        }
    }

    /** Whether this plan renders every page. */
    boolean everything() {
        return everything;
    }

    /** Whether page {@code page} of {@code list} is rendered. */
    boolean renders(ItemList list, int page) {
        Integer from = lowest.get(list);
        return from != null && (page == 0 || page >= from);
    }

    /** Whether the lists touched include {@code list}. */
    boolean touches(ItemList list) {
        return lowest.containsKey(list);
    }

    /** Whether the page of the item at outline index {@code index} is rendered. */
    boolean rendersItem(int index) {
        return items.get(index);
    }

    /** The first search shard to render. */
    int shardsFrom() {
        return SearchIndex.shardOf(lists.outline().size() - frontReach);
    }

    /** The first part of the sitemap to render. */
    int sitemapFrom() {
        return Sitemap.partOf(lists.outline().size() - frontReach);
    }

    /** The files of the last build that the changes removed: pages of items no longer shown, list pages past the end. */
    Set<String> removed() {
        return removed;
    }

    /** The outline indexes of the items this plan shows on some page, feed or shard it renders, or renders the page of. */
    BitSet needed() {
        BitSet needed = (BitSet) items.clone();
        int size = lists.outline().size();
        lowest.forEach((list, from) -> {
            Paging paging = new Paging(list.size(), pageSize);
            int reach = from > paging.numbered() ? paging.count(0) : paging.from(from) + paging.count(from);
            reach = Math.max(reach, Math.min(list.size(), FeedPages.FEED_ITEMS));
            for (int index = 0; index < reach; index++) {
                needed.set(list.member(index));
            }
        });
        int shardItems = size - shardsFrom() * SearchIndex.ITEMS_PER_SHARD;
        if (frontReach > 0 || everything) {
            needed.set(0, Math.max(0, shardItems));
        }
        return needed;
    }
}
