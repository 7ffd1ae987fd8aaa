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
 * @param base the URL that relative links in the summary and content resolve against: the
 *     {@code xml:base} in effect, else the item's link, else the feed's URL; or empty
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
        List<Enclosure> enclosures,
        String base) {

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
        Objects.requireNonNull(base, "base");
    }

    /** An entry as the feed gave it, with no base for relative links but its own link. */
    public Entry(String guid, String link, String title, String author, Optional<Instant> published,
            Optional<Instant> updated, String summary, String content, List<String> categories,
            List<Enclosure> enclosures) {
        this(guid, link, title, author, published, updated, summary, content, categories, enclosures, link);
    }

    /** This entry with another summary and content, the rest unchanged. */
    public Entry withHtml(String newSummary, String newContent) {
        return new Entry(guid, link, title, author, published, updated, newSummary, newContent, categories,
                enclosures, base);
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
