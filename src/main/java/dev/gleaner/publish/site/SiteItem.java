package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.store.ItemMemo;
import dev.gleaner.store.SiteEntry;
import java.time.Instant;

/**
 * An entry as the site places it.
 *
 * @param entry what the store holds of it
 * @param path its subscription's category path
 * @param author who the site names as its author
 * @param date the date it shows
 * @param title its title, one line
 * @param memo its excerpt and cover, as its page gave them
 */
record SiteItem(SiteEntry entry, CategoryPath path, String author, Instant date, String title, ItemMemo memo) {
    /** What an item without a rendered page shows: no excerpt, no cover. */
    static final ItemMemo NO_MEMO = new ItemMemo("", "");

    String key() {
        return entry.key().value();
    }

    String file() {
        return SiteLayout.item(key());
    }

    /** The same item with the excerpt and cover its page gave. */
    SiteItem with(ItemMemo newMemo) {
        return new SiteItem(entry, path, author, date, title, newMemo);
    }
}
