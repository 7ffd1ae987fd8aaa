package dev.gleaner.pipeline;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Config;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.Reconciliation;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One pass over the subscriptions: make the store agree with the configuration's tree and move the posts
 * of moved subscriptions, then refresh every due subscription ({@link FeedRefresh}: fetched concurrently,
 * politely per host; each recorded and its new posts published as soon as it comes), and last publish
 * what an interrupted pass left queued.
 *
 * <p>Entries are recorded before their posts are written and marked published after, so a pass
 * killed at any point is finished by the next one. One failing feed never stops the others.
 */
public final class RunPass {
    private final Config config;
    private final Store store;
    private final FeedRefresh refresh;
    private final PostPublisher publisher;
    private final InstantSource clock;

    public RunPass(Config config, Store store, FeedRefresh refresh, PostPublisher publisher, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the pass and says what it did: makes the store agree with the configuration's tree (moves,
     * retirements), fetches what is due, records it, and brings the posts up to date.
     */
    public RunSummary run(RunOptions options, ProgressListener progress) {
        Instant start = clock.instant();
        Reconciliation tree = store.subscriptions().reconcileAll(config.subscriptions(), start);
        List<SubscriptionState> covered = covered(tree.states(), options.only());
        List<SubscriptionState> due = covered.stream()
                // A paused subscription is fetched only when the pass names it.
                .filter(state -> !state.paused() || !options.only().isEmpty())
                .filter(state -> options.all() || state.health().isDue(start)).toList();
        RunSummary.Posts posts = publisher.move(subscriptions(tree.states()));
        Tally tally = new Tally();
        BlockingQueue<FeedResult> results = new LinkedBlockingQueue<>();
        Map<String, Instant> turns = new HashMap<>();
        for (SubscriptionState one : due) {
            turns.put(one.path(), clock.instant());
            refresh.fetch(one).thenAccept(results::add);
        }
        for (int done = 1; done <= due.size(); done++) {
            FeedOutcome outcome = refresh.complete(take(results));
            progress.onFeed(outcome, Duration.between(turns.getOrDefault(outcome.path(), start), clock.instant()));
            tally.add(outcome);
            posts = posts.plus(outcome.posts());
            progress.onFeedDone(done, due.size());
        }
        // Due ones had their turn as they came; the others may hold what an interrupted pass left queued.
        List<SubscriptionState> notDue = covered.stream().filter(state -> !due.contains(state)).toList();
        posts = posts.plus(publisher.publish(subscriptions(notDue)));
        return new RunSummary(
                new RunSummary.Fetches(covered.size(), covered.size() - due.size(), tally.fetched, tally.notModified,
                        tally.revalidated, tally.failures, tally.warnings),
                new RunSummary.Items(tally.itemsSeen, tally.itemsNew, tally.heldBack, tally.adopted, tally.updated),
                posts, tree, Duration.between(start, clock.instant()));
    }

    private static List<SubscriptionState> covered(List<SubscriptionState> followed, List<CategoryPath> only) {
        if (only.isEmpty()) {
            return followed;
        }
        return followed.stream()
                .filter(state -> only.stream().anyMatch(prefix -> state.subscription().path().startsWith(prefix)))
                .toList();
    }

    private static List<Subscription> subscriptions(List<SubscriptionState> states) {
        return states.stream().map(SubscriptionState::subscription).toList();
    }

    private static FeedResult take(BlockingQueue<FeedResult> results) {
        try {
            return results.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching", e);
        }
    }

    /** Counts kept while results come in. */
    private static final class Tally {
        int fetched;
        int notModified;
        int revalidated;
        int itemsSeen;
        int itemsNew;
        int heldBack;
        int adopted;
        int updated;
        final List<FeedFailure> failures = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        void add(FeedOutcome outcome) {
            switch (outcome.fetch()) {
                case NEW_BODY -> fetched++;
                case SAME_BODY -> notModified++;
                case NOT_MODIFIED -> {
                    notModified++;
                    revalidated++;
                }
                case FAILED -> outcome.failure().ifPresent(failures::add);
            }
            itemsSeen += outcome.recorded().seen();
            itemsNew += outcome.recorded().added();
            heldBack += outcome.recorded().skipped();
            adopted += outcome.recorded().adopted();
            updated += outcome.recorded().updated();
            warnings.addAll(outcome.warnings());
        }
    }
}
