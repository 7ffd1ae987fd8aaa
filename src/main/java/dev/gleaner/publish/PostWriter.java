package dev.gleaner.publish;

import java.io.IOException;
import java.util.Optional;

/**
 * Writes the post of one entry and records it as published: the seam between publishing and a
 * format of posts ({@link HexoPostWriter} writes Hexo's).
 */
public interface PostWriter {

    /** What publishing one entry did. */
    enum Outcome {
        /** The post file was written. */
        WRITTEN,
        /** The post file already held these bytes. */
        UNCHANGED,
        /** A post already on disk, unknown to the store, is the entry's and was kept as it is. */
        KEPT
    }

    /**
     * Writes the post of {@code input} and records it as published.
     *
     * @param reserved the path already reserved for this entry by an earlier, interrupted run, or the
     *     path of its post when it is published again
     * @throws IOException when the file cannot be written (the message names it and says why); the entry
     *     then stays queued
     */
    Outcome publish(PostInput input, Optional<String> reserved) throws IOException;
}
