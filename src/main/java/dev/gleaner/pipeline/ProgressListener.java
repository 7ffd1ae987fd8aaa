package dev.gleaner.pipeline;

/** Told how a pass advances, for a progress bar. */
@FunctionalInterface
public interface ProgressListener {
    /** Nothing is shown. */
    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} feeds have been fetched. */
    void onFeedDone(int done, int total);
}
