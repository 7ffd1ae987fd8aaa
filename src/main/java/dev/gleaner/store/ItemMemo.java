package dev.gleaner.store;

import java.util.Objects;

/**
 * What a build took from an entry's body when it rendered its page, so that lists, feeds and the
 * search index show it without reading the body again.
 *
 * @param excerpt the start of its text
 * @param cover the image that stands for it, or empty
 */
public record ItemMemo(String excerpt, String cover) {
    public ItemMemo {
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(cover, "cover");
    }
}
