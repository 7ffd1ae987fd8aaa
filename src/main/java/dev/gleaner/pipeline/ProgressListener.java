package dev.gleaner.pipeline;

import java.time.Duration;

/** Told how a pass advances: for a progress bar, or the metrics of a server. */
@FunctionalInterface
public interface ProgressListener {
    /** Nothing is shown. */
    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} feeds have been fetched. */
    void onFeedDone(int done, int total);

    /** One feed's refresh ended, {@code took} after its turn came (waits for its host included). */
    default void onFeed(FeedOutcome outcome, Duration took) {
    }
}
