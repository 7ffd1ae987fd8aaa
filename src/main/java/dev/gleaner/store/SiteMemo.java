package dev.gleaner.store;

import java.util.Map;
import java.util.Objects;

/**
 * What the last build of the site left: per entry what its page was rendered from, per output file
 * the fingerprint of its inputs.
 *
 * @param items by entry key
 * @param pages fingerprints by output path, relative to the site folder
 */
public record SiteMemo(Map<String, ItemMemo> items, Map<String, String> pages) {
    public SiteMemo {
        items = Map.copyOf(items);
        pages = Map.copyOf(pages);
    }

    /**
     * What an entry's page was rendered from.
     *
     * @param fingerprint of everything the page showed
     * @param excerpt the start of its text, for lists and search
     * @param cover the image that stands for it
     */
    public record ItemMemo(String fingerprint, String excerpt, String cover) {
        public ItemMemo {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(excerpt, "excerpt");
            Objects.requireNonNull(cover, "cover");
        }
    }
}
