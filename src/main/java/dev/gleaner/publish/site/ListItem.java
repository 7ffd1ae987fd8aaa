package dev.gleaner.publish.site;

import java.util.Objects;

/**
 * An item as a list shows it.
 *
 * @param title its title
 * @param href its page on the site
 * @param source the feed and site it came from, like {@code 知乎热榜 · 知乎}
 * @param sourceHref the category page of its feed
 * @param dateTime its date as an ISO-8601 instant, for {@code <time datetime>}
 * @param dateText its date as a reader sees it
 * @param excerpt the start of its text
 * @param cover the item's own picture (its body's first, else its subscription's {@code image}), empty
 *     when it has none
 */
public record ListItem(
        String title,
        String href,
        String source,
        String sourceHref,
        String dateTime,
        String dateText,
        String excerpt,
        String cover) {

    public ListItem {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceHref, "sourceHref");
        Objects.requireNonNull(dateTime, "dateTime");
        Objects.requireNonNull(dateText, "dateText");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(cover, "cover");
    }
}
