package dev.gleaner.store;

import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry of a fetched feed, with its key and fingerprint, ready to be recorded.
 *
 * @param key its stable identity
 * @param entry what the feed said of it
 * @param contentHash fingerprint of what it shows
 * @param adopts the adopted post that is this entry's, which it takes over when it is new
 */
public record SeenEntry(EntryKey key, Entry entry, String contentHash, Optional<EntryKey> adopts) {
    public SeenEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(adopts, "adopts");
    }

    /** An entry that no adopted post claims. */
    public SeenEntry(EntryKey key, Entry entry, String contentHash) {
        this(key, entry, contentHash, Optional.empty());
    }
}
