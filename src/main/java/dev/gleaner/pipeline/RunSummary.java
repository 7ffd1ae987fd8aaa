package dev.gleaner.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * What one pass did.
 *
 * @param feeds subscriptions covered
 * @param notDue of those, the ones left for a later pass because they were not due
 * @param fetched feeds fetched with a new body and parsed
 * @param notModified feeds that had not changed
 * @param failures feeds that failed, with the reason
 * @param itemsSeen items in the fetched feeds
 * @param itemsNew of those, items never seen before
 * @param postsWritten post files written
 * @param postFailures entries whose post could not be written; they stay queued for the next pass
 * @param took how long the pass took
 */
public record RunSummary(
        int feeds,
        int notDue,
        int fetched,
        int notModified,
        List<FeedFailure> failures,
        int itemsSeen,
        int itemsNew,
        int postsWritten,
        List<String> postFailures,
        Duration took) {

    public RunSummary {
        failures = List.copyOf(failures);
        postFailures = List.copyOf(postFailures);
    }
}
