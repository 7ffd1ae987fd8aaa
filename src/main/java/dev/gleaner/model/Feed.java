package dev.gleaner.model;

import java.util.List;
import java.util.Objects;

/**
 * A parsed feed document: its channel-level texts and its entries in document order. Text fields
 * are never null: an absent value is the empty string.
 *
 * @param format the format the document was written in
 * @param title plain-text title of the feed
 * @param link absolute URL of the site the feed belongs to, or empty
 * @param description plain-text description, or empty
 * @param entries the items, in document order
 * @param problems what was wrong with the document but could be recovered, capped in number
 */
public record Feed(
        FeedFormat format,
        String title,
        String link,
        String description,
        List<Entry> entries,
        List<String> problems) {

    public Feed {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(description, "description");
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
