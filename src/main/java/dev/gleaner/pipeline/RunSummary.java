package dev.gleaner.pipeline;

import dev.gleaner.store.Reconciliation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one pass did.
 *
 * @param fetches what fetching the feeds gave
 * @param items what the fetched feeds held
 * @param posts what publishing wrote
 * @param tree how the category tree changed since the last pass: moves, retirements, returns
 * @param took how long the pass took
 */
public record RunSummary(Fetches fetches, Items items, Posts posts, Reconciliation tree, Duration took) {

    public RunSummary {
        Objects.requireNonNull(fetches, "fetches");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(posts, "posts");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(took, "took");
    }

    /**
     * What fetching gave.
     *
     * @param feeds subscriptions covered
     * @param notDue of those, the ones left for a later pass because they were not due
     * @param fetched feeds fetched with a new body and parsed
     * @param notModified feeds that had not changed
     * @param revalidated of those, the ones the server said had not changed ({@code 304}), rather
     *     than sending them again
     * @param failures feeds that failed, with the reason
     * @param warnings what a person should know about the items of a fetched feed, one line each, naming it
     */
    public record Fetches(int feeds, int notDue, int fetched, int notModified, int revalidated, List<FeedFailure> failures,
            List<String> warnings) {
        public Fetches {
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * What the fetched feeds held.
     *
     * @param seen items in the fetched feeds
     * @param added of those, items never seen before
     * @param heldBack of the new ones, items a new subscription's backlog left unpublished
     * @param adopted of the new ones, items whose post was already on disk and was kept
     * @param updated known items whose changed title or body is published again ({@code update: true})
     */
    public record Items(int seen, int added, int heldBack, int adopted, int updated) {
    }

    /**
     * What publishing did.
     *
     * @param written post files written
     * @param kept posts already on disk, unknown to the store, recognised as their items' and kept
     * @param moved post files moved with their subscription to its new place in the tree
     * @param failures one line per post that could not be written or moved; it is tried again next pass
     */
    public record Posts(int written, int kept, int moved, List<String> failures) {
        /** Nothing published. */
        public static final Posts NONE = new Posts(0, 0, 0, List.of());

        public Posts {
            failures = List.copyOf(failures);
        }

        /** What this and {@code more} did together. */
        public Posts plus(Posts more) {
            List<String> all = new ArrayList<>(failures);
            all.addAll(more.failures);
            return new Posts(written + more.written, kept + more.kept, moved + more.moved, all);
        }
    }
}
