package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.ItemMemo;
import dev.gleaner.store.SiteEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Places the store's entries on the site: each one's category, author, date and title. */
final class SiteItems {
    private final SiteContext site;
    // Thousands of entries share a few hundred paths; each text is parsed once.
    private final Map<String, CategoryPath> parsedPaths = new ConcurrentHashMap<>();

    SiteItems(SiteContext site) {
        this.site = site;
    }

    /** The item of {@code entry}, showing {@code memo} until its page is rendered again. */
    SiteItem item(SiteEntry entry, ItemMemo memo) {
        CategoryPath path = parsedPaths.computeIfAbsent(entry.subscriptionPath(), CategoryPath::parse);
        Optional<Subscription> subscription = site.subscription(path);
        String author = !entry.author().isBlank() ? SiteText.oneLine(entry.author())
                : subscription.map(Subscription::author).orElse(path.site());
        Instant date = entry.date().orElse(entry.firstSeen());
        String title = SiteText.oneLine(entry.title());
        if (title.isEmpty()) {
            title = "（无标题）";
        }
        return new SiteItem(entry, path, author, date, title, memo);
    }
}
