package dev.gleaner.store;

import dev.gleaner.model.EntryKey;
import java.util.Objects;

/**
 * A post whose subscription moved in the tree and whose file has not yet followed.
 *
 * @param key the entry's key
 * @param subscriptionPath where its subscription is now
 * @param from the file to move, relative to the posts folder
 * @param to where it goes; equal to {@code from} until a place has been reserved for it
 */
public record MovingPost(EntryKey key, String subscriptionPath, String from, String to) {
    public MovingPost {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subscriptionPath, "subscriptionPath");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
