package dev.gleaner.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a feed, as the feed describes it. Text fields are never null: an absent value is
 * the empty string.
 *
 * @param guid the feed's own identifier for the item (RSS guid, Atom id, JSON Feed id), or empty
 * @param link absolute URL of the item's page, or empty
 * @param title plain-text title, or empty
 * @param author plain-text author, or empty
 * @param published when the item was published, if the feed says and the date could be read
 * @param updated when the item was last updated, if the feed says and the date could be read
 * @param summary HTML summary (RSS description), or empty
 * @param content HTML full content (content:encoded, Atom content, content_html), or empty
 * @param categories the item's own tags, in document order
 * @param enclosures attached files, in document order
 */
public record Entry(
        String guid,
        String link,
        String title,
        String author,
        Optional<Instant> published,
        Optional<Instant> updated,
        String summary,
        String content,
        List<String> categories,
        List<Enclosure> enclosures) {

    public Entry {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(content, "content");
        categories = List.copyOf(categories);
        enclosures = List.copyOf(enclosures);
    }

    /** The HTML to publish: the full content where the feed has it, else the summary. */
    public String body() {
        return content.isBlank() ? summary : content;
    }

    /** The published date, else the updated date. */
    public Optional<Instant> date() {
        return published.or(this::updated);
    }
}
