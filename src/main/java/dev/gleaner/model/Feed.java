package dev.gleaner.model;

import java.util.List;
import java.util.Objects;

/**
 * A parsed feed document: what it says of itself and its entries in document order.
 *
 * @param format the format the document was written in
 * @param info the feed's own title, link, subtitle and the like
 * @param entries the items, in document order
 * @param bozo whether the document was not well-formed (or declared a wrong encoding) and was
 *     recovered
 * @param problems what was wrong with the document but could be recovered, capped in number
 */
public record Feed(FeedFormat format, FeedInfo info, List<Entry> entries, boolean bozo, List<String> problems) {

    public Feed {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(info, "info");
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** The feed's title. */
    public String title() {
        return info.title();
    }

    /** Absolute URL of the site the feed belongs to, or empty. */
    public String link() {
        return info.link();
    }
}
