package dev.gleaner.publish.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The site's Atom and JSON feeds: one pair for the site and one for each category, of their newest items. */
final class FeedPages {
    /** How many of a list's newest items its feeds show. */
    static final int FEED_ITEMS = 20;

    private final SiteContext site;
    private final ItemBodies reader;
    private final PageOutput out;
    // The feeds of a category and of its parents share items: each body is read and parsed once.
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    FeedPages(SiteContext site, ItemBodies reader, PageOutput out) {
        this.site = site;
        this.reader = reader;
        this.out = out;
    }

    /** The files of the feeds of the list in {@code folder}. */
    static List<String> files(String folder) {
        return List.of(folder + "atom.xml", folder + "feed.json");
    }

    /** Renders the feeds of the list in {@code folder}, titled {@code title}, which show {@code items}, newest first. */
    void render(String folder, String title, List<SiteItem> items) {
        List<SiteItem> unread = items.stream().filter(item -> !bodies.containsKey(item.key())).toList();
        reader.read(unread).forEach((key, safeHtml) -> bodies.putIfAbsent(key, PageBody.of(safeHtml, 0).html()));
        SiteLayout layout = site.layout();
        List<FeedsOut.Item> feedItems = new ArrayList<>();
        for (SiteItem item : items) {
            String body = bodies.get(item.key());
            feedItems.add(new FeedsOut.Item(layout.absolute(item.file()), item.title(),
                    SiteText.webLink(item.entry().link()), item.date(), item.author(), item.path().levels(),
                    item.memo().excerpt(), body == null ? "" : body, item.memo().cover()));
        }
        String atomFile = folder + "atom.xml";
        String jsonFile = folder + "feed.json";
        String page = layout.absolute(SiteLayout.listPage(folder, 0));
        out.emit(atomFile, () -> SiteText.utf8(FeedsOut.atom(
                new FeedsOut.Feed(title, page, layout.absolute(atomFile), SiteContext.LANGUAGE, feedItems))));
        out.emit(jsonFile, () -> SiteText.utf8(FeedsOut.jsonFeed(
                new FeedsOut.Feed(title, page, layout.absolute(jsonFile), SiteContext.LANGUAGE, feedItems))));
    }
}
