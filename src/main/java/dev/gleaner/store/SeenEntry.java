package dev.gleaner.store;

import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.util.Objects;

/**
 * An entry of a fetched feed, with its key and fingerprint, ready to be recorded.
 *
 * @param key its stable identity
 * @param entry what the feed said of it
 * @param contentHash fingerprint of what it shows
 */
public record SeenEntry(EntryKey key, Entry entry, String contentHash) {
    public SeenEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
