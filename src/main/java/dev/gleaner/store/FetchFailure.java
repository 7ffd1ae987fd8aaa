package dev.gleaner.store;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A failed fetch, as the store records it.
 *
 * @param reason why, in a few words
 * @param status the HTTP status, when there was one
 * @param permanent whether the feed is to be flagged as gone
 */
public record FetchFailure(String reason, OptionalInt status, boolean permanent) {
    public FetchFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
    }

    /** A failure with no HTTP status, not permanent. */
    public static FetchFailure of(String reason) {
        return new FetchFailure(reason, OptionalInt.empty(), false);
    }
}
