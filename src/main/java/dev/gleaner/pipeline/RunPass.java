package dev.gleaner.pipeline;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Config;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.FetchFailure;
import dev.gleaner.store.Health;
import dev.gleaner.store.Reconciliation;
import dev.gleaner.store.RecordedFetch;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the subscriptions: make the store agree with the configuration's tree, fetch and parse
 * the due subscriptions concurrently (politely, per host), record each result in the store as it comes,
 * then move the posts of moved subscriptions and publish every entry the store has queued.
 *
 * <p>Entries are recorded before their posts are written and marked published after, so a pass
 * killed at any point is finished by the next one. One failing feed never stops the others.
 */
public final class RunPass {
    private static final Logger LOG = LoggerFactory.getLogger(RunPass.class);

    private final Config config;
    private final Store store;
    private final FeedSource source;
    private final PostPublisher publisher;
    private final Schedule schedule;
    private final InstantSource clock;

    public RunPass(Config config, Store store, FeedSource source, PostPublisher publisher, Schedule schedule,
            InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.source = Objects.requireNonNull(source, "source");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
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
                .filter(state -> options.all() || state.health().isDue(start)).toList();
        Tally tally = new Tally();
        fetchAll(due, progress, tally);
        RunSummary.Posts posts = publisher.publish(subscriptions(tree.states()), subscriptions(covered));
        return new RunSummary(
                new RunSummary.Fetches(covered.size(), covered.size() - due.size(), tally.fetched, tally.notModified,
                        tally.revalidated,
                        tally.failures, tally.warnings),
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

    /** Fetches concurrently; results are recorded here, on the pass's own thread, as they arrive. */
    private void fetchAll(List<SubscriptionState> due, ProgressListener progress, Tally tally) {
        BlockingQueue<FeedResult> results = new LinkedBlockingQueue<>();
        for (SubscriptionState one : due) {
            source.submit(one.subscription(), one).whenComplete((result, error) -> results.add(
                    error == null ? result : unexpected(one, error)));
        }
        for (int done = 1; done <= due.size(); done++) {
            record(take(results), tally);
            progress.onFeedDone(done, due.size());
        }
    }

    private static FeedResult unexpected(SubscriptionState due, Throwable error) {
        LOG.error("unexpected failure on {}", due.path(), error);
        return new FeedResult.Failed(due.subscription(), due, FetchFailure.of("internal error: " + error),
                Optional.empty());
    }

    private static FeedResult take(BlockingQueue<FeedResult> results) {
        try {
            return results.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching", e);
        }
    }

    private void record(FeedResult result, Tally tally) {
        long id = result.state().id();
        // To the second, as a post writes the date of an item that has none: the site then shows the
        // same time, and a post recognised after the store was lost gives back exactly the time it holds.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Subscription subscription = result.subscription();
        if (result instanceof FeedResult.Failed failed) {
            FetchFailure failure = gone(failed.failure(), result.state().health(), now);
            Instant next = schedule.afterFailure(now, result.state().health().consecutiveFailures() + 1,
                    failed.retryAfter(), failure.permanent() || result.state().health().permanent());
            store.subscriptions().onFetchError(id, now, failure, next);
            tally.failures.add(new FeedFailure(subscription.id(), failure.reason()));
        } else if (result instanceof FeedResult.Unchanged unchanged) {
            Instant next = schedule.afterSuccess(now, subscription.interval(), unchanged.hint());
            store.subscriptions().onNotModified(id, now, unchanged.memo(), next, unchanged.revalidated());
            tally.notModified++;
            if (unchanged.revalidated()) {
                tally.revalidated++;
            }
        } else if (result instanceof FeedResult.Parsed parsed) {
            for (String problem : parsed.feed().problems()) {
                LOG.warn("{}: {}", subscription.id(), problem);
            }
            Optional<Duration> hint = parsed.hint().or(() -> parsed.feed().info().ttl());
            Instant next = schedule.afterSuccess(now, subscription.interval(), hint);
            FeedEntries entries = FeedEntries.of(subscription, result.state().keySeed(), parsed.feed(),
                    store.entries().adopted(id), store.entries()::titles);
            entries.warnings().forEach(warning -> tally.warnings.add(subscription.id() + ": " + warning));
            RecordedFetch recorded = store.entries().onFetched(id, now, parsed.memo(), next, entries.entries(),
                    config.backlog(), subscription.update());
            tally.fetched++;
            tally.itemsSeen += recorded.seen();
            tally.itemsNew += recorded.added();
            tally.heldBack += recorded.skipped();
            tally.adopted += recorded.adopted();
            tally.updated += recorded.updated();
        }
    }

    /** A 404 that has lasted past the configured time makes the feed gone, like a 410 does at once. */
    private FetchFailure gone(FetchFailure failure, Health health, Instant now) {
        boolean longNotFound = failure.status().orElse(0) == 404
                && health.failingFor(now).compareTo(config.schedule().goneAfter()) >= 0;
        return longNotFound ? new FetchFailure(failure.reason(), failure.status(), true) : failure;
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
    }
}
