package dev.gleaner.store;

import dev.gleaner.model.Enclosure;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A published entry as the reader APIs show it.
 *
 * @param id its number for the reader APIs, in the order entries were published
 * @param feedId the number of its subscription
 * @param title its title
 * @param url its link
 * @param author its author, as the post shows it; empty when the feed names none
 * @param published its date: published, else updated, else when it was first seen
 * @param created when it was first seen
 * @param changed when its read or starred state last changed, else when it was published
 * @param content its body as its post holds it, sanitized
 * @param hash the hash of its content
 * @param read whether it has been read
 * @param starred whether it is starred
 * @param enclosures the files it carries: a podcast's audio, a video
 */
public record ReaderEntry(long id, long feedId, String title, String url, String author, Instant published,
        Instant created, Instant changed, String content, String hash, boolean read, boolean starred, List<Enclosure> enclosures) {
    public ReaderEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(hash, "hash");
        enclosures = List.copyOf(enclosures);
    }
}
