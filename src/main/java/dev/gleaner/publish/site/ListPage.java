package dev.gleaner.publish.site;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of a list of items: the front page, a category, a month of the archive.
 *
 * @param frame what every page shares
 * @param heading the list's name
 * @param breadcrumbs the way from the front page to this list, this list last
 * @param nav the category tree
 * @param items the items on this page, newest first
 * @param newer the page of newer items, if any
 * @param older the page of older items, if any
 * @param pageLabel which page this is, empty on a list's first page
 */
public record ListPage(
        PageFrame frame,
        String heading,
        List<Link> breadcrumbs,
        List<NavEntry> nav,
        List<ListItem> items,
        Optional<Link> newer,
        Optional<Link> older,
        String pageLabel) {

    public ListPage {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(heading, "heading");
        breadcrumbs = List.copyOf(breadcrumbs);
        nav = List.copyOf(nav);
        items = List.copyOf(items);
        Objects.requireNonNull(newer, "newer");
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(pageLabel, "pageLabel");
    }
}
