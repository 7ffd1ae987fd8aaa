package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.store.SiteEntry;
import java.time.Instant;

/**
 * An entry as the site places it.
 *
 * @param entry what the store holds of it
 * @param path its subscription's category path
 * @param author who the site names as its author
 * @param date the date it shows
 * @param order where it sorts: its date, but never later than when it was first seen
 * @param title its title, one line
 * @param memoFingerprint what its excerpt and cover are taken from
 * @param pageFingerprint what its page is made from
 */
record SiteItem(
        SiteEntry entry,
        CategoryPath path,
        String author,
        Instant date,
        Instant order,
        String title,
        String memoFingerprint,
        String pageFingerprint) {

    String key() {
        return entry.key().value();
    }

    String file() {
        return SiteLayout.item(key());
    }

    /** Newest first; the key breaks ties, so every build orders alike. */
    static int newestFirst(SiteItem a, SiteItem b) {
        int byOrder = b.order.compareTo(a.order);
        return byOrder != 0 ? byOrder : a.key().compareTo(b.key());
    }
}
