package dev.gleaner.pipeline;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Config;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.FetchFailure;
import dev.gleaner.store.Health;
import dev.gleaner.store.RecordedFetch;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the subscriptions: fetch and parse the due ones concurrently (politely, per host),
 * record each result in the store as it comes, then publish every entry the store has queued.
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

    /** Runs the pass and says what it did. */
    public RunSummary run(RunOptions options, ProgressListener progress) {
        Instant start = clock.instant();
        List<Subscription> covered = covered(options.only());
        List<Due> due = new ArrayList<>();
        List<SubscriptionState> states = store.subscriptions().reconcileAll(covered, start);
        for (int i = 0; i < covered.size(); i++) {
            if (options.all() || states.get(i).health().isDue(start)) {
                due.add(new Due(covered.get(i), states.get(i)));
            }
        }
        Tally tally = new Tally();
        fetchAll(due, progress, tally);
        PostPublisher.Published published = publisher.publishPending(covered);
        return new RunSummary(covered.size(), covered.size() - due.size(), tally.fetched, tally.notModified,
                tally.failures, tally.itemsSeen, tally.itemsNew, published.written(), published.failures(),
                Duration.between(start, clock.instant()));
    }

    private List<Subscription> covered(List<CategoryPath> only) {
        if (only.isEmpty()) {
            return config.subscriptions();
        }
        return config.subscriptions().stream()
                .filter(subscription -> only.stream().anyMatch(prefix -> subscription.path().startsWith(prefix)))
                .toList();
    }

    /** Fetches concurrently; results are recorded here, on the pass's own thread, as they arrive. */
    private void fetchAll(List<Due> due, ProgressListener progress, Tally tally) {
        BlockingQueue<FeedResult> results = new LinkedBlockingQueue<>();
        for (Due one : due) {
            source.submit(one.subscription(), one.state()).whenComplete((result, error) -> results.add(
                    error == null ? result : unexpected(one, error)));
        }
        for (int done = 1; done <= due.size(); done++) {
            record(take(results), tally);
            progress.onFeedDone(done, due.size());
        }
    }

    private static FeedResult unexpected(Due due, Throwable error) {
        LOG.error("unexpected failure on {}", due.subscription().id(), error);
        return new FeedResult.Failed(due.subscription(), due.state(), FetchFailure.of("internal error: " + error),
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
        Instant now = clock.instant();
        Subscription subscription = result.subscription();
        if (result instanceof FeedResult.Failed failed) {
            FetchFailure failure = gone(failed.failure(), result.state().health(), now);
            Instant next = schedule.afterFailure(now, result.state().health().consecutiveFailures() + 1,
                    failed.retryAfter(), failure.permanent() || result.state().health().permanent());
            store.subscriptions().onFetchError(id, now, failure, next);
            tally.failures.add(new FeedFailure(subscription.id(), failure.reason()));
        } else if (result instanceof FeedResult.Unchanged unchanged) {
            Instant next = schedule.afterSuccess(now, subscription.interval(), unchanged.hint());
            store.subscriptions().onNotModified(id, now, unchanged.memo(), next);
            tally.notModified++;
        } else if (result instanceof FeedResult.Parsed parsed) {
            for (String problem : parsed.feed().problems()) {
                LOG.warn("{}: {}", subscription.id(), problem);
            }
            Optional<Duration> hint = parsed.hint().or(() -> parsed.feed().info().ttl());
            Instant next = schedule.afterSuccess(now, subscription.interval(), hint);
            RecordedFetch recorded = store.entries().onFetched(id, now, parsed.memo(), next,
                    FeedEntries.of(subscription, parsed.feed()), config.backlog());
            tally.fetched++;
            tally.itemsSeen += recorded.seen();
            tally.itemsNew += recorded.added();
        }
    }

    /** A 404 that has lasted past the configured time makes the feed gone, like a 410 does at once. */
    private FetchFailure gone(FetchFailure failure, Health health, Instant now) {
        boolean longNotFound = failure.status().orElse(0) == 404
                && health.failingFor(now).compareTo(config.schedule().goneAfter()) >= 0;
        return longNotFound ? new FetchFailure(failure.reason(), failure.status(), true) : failure;
    }

    /** A subscription due this pass, with what the store knows of it. */
    private record Due(Subscription subscription, SubscriptionState state) {
    }

    /** Counts kept while results come in. */
    private static final class Tally {
        int fetched;
        int notModified;
        int itemsSeen;
        int itemsNew;
        final List<FeedFailure> failures = new ArrayList<>();
    }
}
