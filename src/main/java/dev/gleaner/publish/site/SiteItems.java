package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.SiteEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Places the store's entries on the site: each one's category, author, date, title and fingerprints. */
final class SiteItems {
    private final SiteContext site;
    // Thousands of entries share a few hundred paths; each text is parsed once.
    private final Map<String, CategoryPath> parsedPaths = new ConcurrentHashMap<>();

    SiteItems(SiteContext site) {
        this.site = site;
    }

    /** The items of {@code entries}, newest first. */
    List<SiteItem> place(List<SiteEntry> entries) {
        List<SiteItem> items = new ArrayList<>(entries.parallelStream().map(this::item).toList());
        items.sort(SiteItem::newestFirst);
        return items;
    }

    private SiteItem item(SiteEntry entry) {
        CategoryPath path = parsedPaths.computeIfAbsent(entry.subscriptionPath(), CategoryPath::parse);
        Optional<Subscription> subscription = site.subscription(path);
        String author = !entry.author().isBlank() ? SiteText.oneLine(entry.author())
                : subscription.map(Subscription::author).orElse(path.site());
        Instant date = entry.date().orElse(entry.firstSeen());
        Instant order = date.isAfter(entry.firstSeen()) ? entry.firstSeen() : date;
        String title = SiteText.oneLine(entry.title());
        if (title.isEmpty()) {
            title = "（无标题）";
        }
        // What the excerpt and cover are taken from: the body (in the content hash), where its links
        // resolve, and the feed's fallback cover.
        String memoFingerprint = Fingerprint.of(entry.contentHash(), entry.link(), entry.subscriptionUrl(),
                subscription.flatMap(Subscription::image).orElse(""));
        String pageFingerprint = Fingerprint.of(site.fingerprint(), entry.key().value(), path.toString(),
                site.tree().node(path).folder(), author, memoFingerprint, date.toString(), title);
        return new SiteItem(entry, path, author, date, order, title, memoFingerprint, pageFingerprint);
    }
}
