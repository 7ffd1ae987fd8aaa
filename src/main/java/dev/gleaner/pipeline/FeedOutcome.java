package dev.gleaner.pipeline;

import dev.gleaner.store.RecordedFetch;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What refreshing one subscription did: how its fetch went, what the store recorded of it, and which
 * of its posts were written.
 *
 * @param path the subscription's category path
 * @param fetch how the fetch went
 * @param failure why it failed, when it did
 * @param recorded what the store recorded of a new body; all zero otherwise
 * @param warnings what a person should know about its items, one line each, naming the subscription
 * @param posts what publishing its queued entries did
 */
public record FeedOutcome(String path, Fetch fetch, Optional<FeedFailure> failure, RecordedFetch recorded,
        List<String> warnings, RunSummary.Posts posts) {

    /** Recorded when the feed brought no new body. */
    static final RecordedFetch NOTHING = new RecordedFetch(0, 0, 0, 0, 0, 0);

    /** How a fetch went. */
    public enum Fetch {
        /** A new body, parsed and recorded. */
        NEW_BODY,
        /** The same body as last time, told by its hash. */
        SAME_BODY,
        /** Not modified, as the server said with a {@code 304}. */
        NOT_MODIFIED,
        /** The fetch or the parse failed. */
        FAILED
    }

    public FeedOutcome {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(recorded, "recorded");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(posts, "posts");
    }
}
