package dev.gleaner.store;

import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry as the store keeps it.
 *
 * @param key its stable identity
 * @param subscriptionPath the category path of its subscription
 * @param entry what the feed last said of it
 * @param firstSeen when a fetch first found it
 * @param postPath the post file reserved or written for it, relative to the posts folder
 */
public record StoredEntry(
        EntryKey key,
        String subscriptionPath,
        Entry entry,
        Instant firstSeen,
        Optional<String> postPath) {

    public StoredEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subscriptionPath, "subscriptionPath");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(postPath, "postPath");
    }
}
