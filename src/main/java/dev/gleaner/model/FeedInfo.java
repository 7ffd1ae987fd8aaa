package dev.gleaner.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a feed says of itself. Text fields are plain text, never null: an absent value is the empty
 * string.
 *
 * @param title the feed's title
 * @param link absolute URL of the site the feed belongs to
 * @param subtitle the feed's description or subtitle
 * @param language its language code, as the feed writes it
 * @param updated when the feed says it last changed, if that could be read
 * @param author the feed's author or managing editor
 * @param image absolute URL of the feed's logo or icon
 * @param generator the software that wrote the feed
 * @param rights its copyright notice
 * @param ttl how long the feed says it may be cached (RSS {@code <ttl>}), if it says
 */
public record FeedInfo(
        String title,
        String link,
        String subtitle,
        String language,
        Optional<Instant> updated,
        String author,
        String image,
        String generator,
        String rights,
        Optional<Duration> ttl) {

    /** A feed that says nothing of itself. */
    public static final FeedInfo EMPTY = new FeedInfo("", "", "", "", Optional.empty(), "", "", "", "",
            Optional.empty());

    public FeedInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(ttl, "ttl");
    }

    /** This information with another title and link, the rest unchanged. */
    public FeedInfo withTitleAndLink(String newTitle, String newLink) {
        return new FeedInfo(newTitle, newLink, subtitle, language, updated, author, image, generator, rights, ttl);
    }
}
