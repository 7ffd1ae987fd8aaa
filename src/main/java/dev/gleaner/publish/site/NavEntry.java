package dev.gleaner.publish.site;

import java.util.Objects;

/**
 * One category in the navigation tree.
 *
 * @param depth 1 for a top category, 2 for a site, 3 for a feed, and so on
 * @param name its name
 * @param href its page
 * @param open whether the page showing the tree lies in this category (its own page or one below it)
 * @param current whether the page showing the tree is this category's own
 */
public record NavEntry(int depth, String name, String href, boolean open, boolean current) {
    public NavEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(href, "href");
    }
}
