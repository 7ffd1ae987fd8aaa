package dev.gleaner.store;

import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A post found on disk whose feed item the store has not seen, recorded as published so that the
 * item, when a fetch brings it, takes the post over instead of writing a second one.
 *
 * @param key its key until an item takes it over
 * @param entry what the post says: its title, date and body
 * @param postPath the post file, relative to the posts folder
 * @param date the date the post was written with: when it was first seen
 * @param bodyHtml the post's body, sanitized, as the site shows it
 */
public record AdoptedPost(EntryKey key, Entry entry, String postPath, Instant date, String bodyHtml) {
    public AdoptedPost {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(postPath, "postPath");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(bodyHtml, "bodyHtml");
    }
}
