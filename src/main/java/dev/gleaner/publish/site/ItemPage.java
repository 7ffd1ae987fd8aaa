package dev.gleaner.publish.site;

import java.util.List;
import java.util.Objects;

/**
 * The page of one item.
 *
 * @param frame what every page shares
 * @param title its title
 * @param breadcrumbs its category path, each level a link
 * @param feed the feed it came from, like {@code 知乎热榜}
 * @param site the site of that feed, like {@code 知乎}
 * @param feedHref the category page of its feed
 * @param author who wrote it, empty when unknown
 * @param original its original address, empty when the feed gave none
 * @param dateTime its date as an ISO-8601 instant
 * @param dateText its date as a reader sees it
 * @param cover the feed's own cover for a body without images, empty when there is none
 * @param body its sanitized HTML
 */
public record ItemPage(
        PageFrame frame,
        String title,
        List<Link> breadcrumbs,
        String feed,
        String site,
        String feedHref,
        String author,
        String original,
        String dateTime,
        String dateText,
        String cover,
        String body) {

    public ItemPage {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(title, "title");
        breadcrumbs = List.copyOf(breadcrumbs);
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(feedHref, "feedHref");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(dateTime, "dateTime");
        Objects.requireNonNull(dateText, "dateText");
        Objects.requireNonNull(cover, "cover");
        Objects.requireNonNull(body, "body");
    }
}
