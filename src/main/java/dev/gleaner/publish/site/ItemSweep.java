package dev.gleaner.publish.site;

import dev.gleaner.model.EntryKey;
import dev.gleaner.store.ItemMemo;
import dev.gleaner.store.SiteEntry;
import dev.gleaner.store.SiteOutline;
import dev.gleaner.store.SiteStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Goes through the items a plan needs, newest first, a chunk at a time: reads what the store holds
 * of them, renders the pages of those that changed, and hands each item to the list pages, feeds and
 * search shards it shows on, which are rendered as soon as they are complete. Memory holds a chunk
 * and the pages still being filled, whatever the size of the archive.
 */
final class ItemSweep {
    private static final int CHUNK = 1000;
    private static final int BODIES_PER_READ = 100;

    private final SiteStore store;
    private final SiteLists lists;
    private final RenderPlan plan;
    private final SiteItems places;
    private final ItemPages itemPages;
    private final ListPages listPages;
    private final FeedPages feeds;
    private final SearchIndex search;
    private final String title;
    private final int pageSize;

    private final Map<ItemList, Paging> pagings = new IdentityHashMap<>();
    private final Map<ItemList, ListPages.Listing> listings = new IdentityHashMap<>();
    private final Map<ItemList, Map<Integer, List<SiteItem>>> pages = new IdentityHashMap<>();
    private final Map<ItemList, List<SiteItem>> feedItems = new IdentityHashMap<>();
    private final Map<Integer, List<SiteItem>> shards = new HashMap<>();
    private final Map<Integer, String> shardFingerprints = new ConcurrentHashMap<>();
    private final List<LargestFirst.Task> ready = new ArrayList<>();
    private int rendered;

    ItemSweep(SiteContext site, SiteStore store, SiteLists lists, RenderPlan plan, ItemPages itemPages,
            ListPages listPages, FeedPages feeds, SearchIndex search) {
        this.store = store;
        this.lists = lists;
        this.plan = plan;
        this.places = new SiteItems(site);
        this.itemPages = itemPages;
        this.listPages = listPages;
        this.feeds = feeds;
        this.search = search;
        this.title = site.settings().title();
        this.pageSize = site.settings().pageSize();
    }

    /** Renders everything the plan asks for; returns the number of item pages rendered. */
    int run() {
        SiteOutline outline = lists.outline();
        BitSet needed = plan.needed();
        List<Integer> chunk = new ArrayList<>(CHUNK);
        for (int index = needed.nextSetBit(0); index >= 0; index = needed.nextSetBit(index + 1)) {
            chunk.add(index);
            if (chunk.size() == CHUNK) {
                sweep(outline, chunk);
                chunk.clear();
            }
        }
        sweep(outline, chunk);
        for (ItemList list : lists.all()) {
            if (list.size() == 0 && plan.renders(list, 0)) {
                listPage(list, 0, List.of());
                if (list.month().isEmpty()) {
                    feed(list, List.of());
                }
            }
        }
        // What is left was short of items that left the store during the build; the next build sees them go.
        pages.forEach((list, open) -> open.forEach((page, items) -> listPage(list, page, items)));
        feedItems.forEach(this::feed);
        shards.forEach(this::shard);
        LargestFirst.run(ready);
        return rendered;
    }

    /** The fingerprint of each search shard rendered, by shard. */
    Map<Integer, String> shardFingerprints() {
        return shardFingerprints;
    }

    private void sweep(SiteOutline outline, List<Integer> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<EntryKey> keys = new ArrayList<>(chunk.size());
        chunk.forEach(index -> keys.add(new EntryKey(outline.key(index))));
        Map<EntryKey, SiteEntry> entries = store.entries(keys);
        Map<EntryKey, ItemMemo> memos = plan.everything() ? Map.of() : store.memos(keys);
        List<SiteItem> items = new ArrayList<>(chunk.size());
        List<Integer> present = new ArrayList<>(chunk.size());
        List<SiteItem> toRender = new ArrayList<>();
        for (int index : chunk) {
            EntryKey key = new EntryKey(outline.key(index));
            SiteEntry entry = entries.get(key);
            if (entry != null) {
                SiteItem item = places.item(entry, memos.getOrDefault(key, SiteItem.NO_MEMO));
                items.add(item);
                present.add(index);
                if (plan.rendersItem(index)) {
                    toRender.add(item);
                }
            }
        }
        Map<String, ItemMemo> renderedMemos = renderItems(toRender);
        rendered += renderedMemos.size();
        Map<EntryKey, ItemMemo> remembered = new HashMap<>();
        renderedMemos.forEach((key, memo) -> remembered.put(new EntryKey(key), memo));
        store.remember(remembered);
        for (int i = 0; i < items.size(); i++) {
            SiteItem item = items.get(i);
            ItemMemo memo = renderedMemos.get(item.key());
            dispatch(present.get(i), memo == null ? item : item.with(memo));
        }
        LargestFirst.run(ready);
        ready.clear();
    }

    private Map<String, ItemMemo> renderItems(List<SiteItem> toRender) {
        List<List<SiteItem>> batches = new ArrayList<>();
        for (int from = 0; from < toRender.size(); from += BODIES_PER_READ) {
            batches.add(toRender.subList(from, Math.min(toRender.size(), from + BODIES_PER_READ)));
        }
        Map<String, ItemMemo> memos = new ConcurrentHashMap<>();
        batches.parallelStream().forEach(batch -> memos.putAll(itemPages.render(batch)));
        return memos;
    }

    private void dispatch(int index, SiteItem item) {
        for (ItemList list : lists.of(index)) {
            int at = list.indexOf(index);
            if (at < 0) {
                continue;
            }
            Paging paging = pagings.computeIfAbsent(list, l -> new Paging(l.size(), pageSize));
            int page = paging.pageOf(at);
            if (plan.renders(list, page)) {
                Map<Integer, List<SiteItem>> open = pages.computeIfAbsent(list, l -> new HashMap<>());
                List<SiteItem> onPage = open.computeIfAbsent(page, p -> new ArrayList<>(paging.count(p)));
                onPage.add(item);
                if (onPage.size() == paging.count(page)) {
                    open.remove(page);
                    listPage(list, page, onPage);
                }
            }
            if (list.month().isEmpty() && plan.touches(list) && at < FeedPages.FEED_ITEMS) {
                List<SiteItem> shown = feedItems.computeIfAbsent(list, l -> new ArrayList<>());
                shown.add(item);
                if (shown.size() == Math.min(list.size(), FeedPages.FEED_ITEMS)) {
                    feedItems.remove(list);
                    feed(list, shown);
                }
            }
        }
        int size = lists.outline().size();
        int shard = SearchIndex.shardOf(size - 1 - index);
        if (shard >= plan.shardsFrom()) {
            List<SiteItem> inShard = shards.computeIfAbsent(shard, s -> new ArrayList<>());
            inShard.add(item);
            if (inShard.size() == SearchIndex.count(shard, size)) {
                shards.remove(shard);
                shard(shard, inShard);
            }
        }
    }

    private void listPage(ItemList list, int page, List<SiteItem> items) {
        ListPages.Listing listing = listings.computeIfAbsent(list, listPages::listing);
        Paging paging = pagings.computeIfAbsent(list, l -> new Paging(l.size(), pageSize));
        ready.add(new LargestFirst.Task(items.size(), () -> listPages.render(listing, paging, page, items)));
    }

    private void feed(ItemList list, List<SiteItem> items) {
        String feedTitle = list.category().map(path -> path.name() + " · " + title).orElse(title);
        ready.add(new LargestFirst.Task(items.size(), () -> feeds.render(list.folder(), feedTitle, items)));
    }

    private void shard(int shard, List<SiteItem> newestFirst) {
        List<SiteItem> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        ready.add(new LargestFirst.Task(oldestFirst.size(),
                () -> shardFingerprints.put(shard, search.shard(shard, oldestFirst))));
    }
}
