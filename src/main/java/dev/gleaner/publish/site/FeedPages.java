package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.store.SiteMemo.ItemMemo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The site's Atom and JSON feeds: one pair for the site and one for each category, of their newest items. */
final class FeedPages {
    private static final int FEED_ITEMS = 20;

    private final SiteContext site;
    private final ItemBodies reader;
    private final PageOutput out;
    private final Map<String, ItemMemo> memos;
    // Feeds of a category and of its parents share items: each body is read once.
    private final Map<String, String> bodies;

    /**
     * @param memos the excerpt and cover of each item, by item key
     * @param bodies the page bodies the item pages kept, by item key
     */
    FeedPages(SiteContext site, ItemBodies reader, PageOutput out, Map<String, ItemMemo> memos,
            Map<String, String> bodies) {
        this.site = site;
        this.reader = reader;
        this.out = out;
        this.memos = memos;
        this.bodies = new ConcurrentHashMap<>(bodies);
    }

    /**
     * The items the feeds show.
     *
     * @param front the site's feed, newest first
     * @param byCategory each category's feed, newest first; a category without items has none
     */
    record Selection(List<SiteItem> front, Map<CategoryPath, List<SiteItem>> byCategory) {
        Selection {
            front = List.copyOf(front);
            Map<CategoryPath, List<SiteItem>> lists = new HashMap<>();
            byCategory.forEach((path, items) -> lists.put(path, List.copyOf(items)));
            byCategory = Map.copyOf(lists);
        }

        /** The keys of the items some feed shows. */
        Set<String> keys() {
            Set<String> keys = new HashSet<>();
            front.forEach(item -> keys.add(item.key()));
            byCategory.values().forEach(items -> items.forEach(item -> keys.add(item.key())));
            return keys;
        }
    }

    /** The newest items of the site and of each category. */
    static Selection select(List<SiteItem> newestFirst) {
        Map<CategoryPath, List<SiteItem>> newest = new LinkedHashMap<>();
        for (SiteItem item : newestFirst) {
            for (CategoryPath level : item.path().prefixes()) {
                List<SiteItem> list = newest.computeIfAbsent(level, path -> new ArrayList<>());
                if (list.size() < FEED_ITEMS) {
                    list.add(item);
                }
            }
        }
        return new Selection(newestFirst.subList(0, Math.min(FEED_ITEMS, newestFirst.size())), newest);
    }

    /** The rendering of each feed, not run yet. */
    List<LargestFirst.Task> tasks(Selection selection) {
        List<LargestFirst.Task> tasks = new ArrayList<>();
        tasks.add(new LargestFirst.Task(FEED_ITEMS, () -> feed("", site.settings().title(), selection.front())));
        for (CategoryTree.Node node : site.tree().all()) {
            tasks.add(new LargestFirst.Task(FEED_ITEMS, () -> feed(node.folder(),
                    node.name() + " · " + site.settings().title(),
                    selection.byCategory().getOrDefault(node.path(), List.of()))));
        }
        return tasks;
    }

    private void feed(String folder, String title, List<SiteItem> items) {
        StringBuilder inputs = new StringBuilder(site.fingerprint()).append(folder).append(title);
        for (SiteItem item : items) {
            inputs.append('\n').append(item.pageFingerprint());
        }
        String fingerprint = Fingerprint.of(inputs.toString());
        String atomFile = folder + "atom.xml";
        String jsonFile = folder + "feed.json";
        if (!out.needs(atomFile, fingerprint) && !out.needs(jsonFile, fingerprint)) {
            out.keep(atomFile, fingerprint);
            out.keep(jsonFile, fingerprint);
            return;
        }
        readBodies(items);
        SiteLayout layout = site.layout();
        List<FeedsOut.Item> feedItems = new ArrayList<>();
        for (SiteItem item : items) {
            ItemMemo memo = memos.get(item.key());
            feedItems.add(new FeedsOut.Item(layout.absolute(item.file()), item.title(),
                    SiteText.webLink(item.entry().link()), item.date(), item.author(), item.path().levels(),
                    memo == null ? "" : memo.excerpt(), bodies.getOrDefault(item.key(), ""),
                    memo == null ? "" : memo.cover()));
        }
        String page = layout.absolute(SiteLayout.listPage(folder, 0));
        out.emit(atomFile, fingerprint, () -> SiteText.utf8(FeedsOut.atom(
                new FeedsOut.Feed(title, page, layout.absolute(atomFile), SiteContext.LANGUAGE, feedItems))));
        out.emit(jsonFile, fingerprint, () -> SiteText.utf8(FeedsOut.jsonFeed(
                new FeedsOut.Feed(title, page, layout.absolute(jsonFile), SiteContext.LANGUAGE, feedItems))));
    }

    /** Reads, in one query, the bodies of {@code items} that no page or feed has read yet. */
    private void readBodies(List<SiteItem> items) {
        List<SiteItem> missing = new ArrayList<>();
        for (SiteItem item : items) {
            if (!bodies.containsKey(item.key())) {
                missing.add(item);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        reader.read(missing).forEach((key, safeHtml) -> bodies.putIfAbsent(key, PageBody.of(safeHtml, 0).html()));
    }
}
