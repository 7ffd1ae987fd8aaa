package dev.gleaner.publish.site;

import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.model.EntryKey;
import dev.gleaner.publish.BaseUri;
import dev.gleaner.store.SiteBody;
import dev.gleaner.store.SiteStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads items' bodies from the store, sanitized as their posts hold them. Thread-safe. */
final class ItemBodies {
    private final SiteStore store;
    // The sanitizer of the posts: an item's page shows the body its post holds.
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    ItemBodies(SiteStore store) {
        this.store = store;
    }

    /** The sanitized bodies of {@code items}, read in one query, by item key; an item without a body is left out. */
    Map<String, String> read(List<SiteItem> items) {
        Map<EntryKey, SiteBody> read = store.bodies(items.stream().map(item -> item.entry().key()).toList());
        Map<String, String> bodies = new HashMap<>();
        for (SiteItem item : items) {
            SiteBody body = read.get(item.entry().key());
            if (body != null) {
                bodies.put(item.key(), safeHtml(item, body));
            }
        }
        return bodies;
    }

    /** The body its post holds, else (no post yet, or the item changed since) the same, sanitized now. */
    private String safeHtml(SiteItem item, SiteBody body) {
        return body.publishedHtml().orElseGet(() -> sanitizer.sanitize(body.entry().body(),
                BaseUri.of(item.entry().link(), item.entry().subscriptionUrl())));
    }
}
