package dev.gleaner.pipeline;

import java.util.Objects;

/**
 * A subscription whose fetch or parse failed this pass.
 *
 * @param path the subscription's category path
 * @param reason why, in a few words
 */
public record FeedFailure(String path, String reason) {
    public FeedFailure {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
