package dev.gleaner.publish;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a post is made from.
 *
 * @param path the subscription's category path: the post's categories and folders
 * @param author the {@code author} of the front matter
 * @param comments the {@code comments} flag of the front matter
 * @param imageTemplate cover image URL for items without an image, {@code {n}} standing for the
 *     item's stable number; empty for the default
 * @param key the entry's stable identity
 * @param entry the entry
 * @param firstSeen when the entry was first seen: its date when the feed gives none
 * @param baseUri the URL relative links in the body are resolved against
 */
public record PostInput(
        CategoryPath path,
        String author,
        boolean comments,
        Optional<String> imageTemplate,
        EntryKey key,
        Entry entry,
        Instant firstSeen,
        String baseUri) {

    public PostInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(imageTemplate, "imageTemplate");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(baseUri, "baseUri");
    }
}
