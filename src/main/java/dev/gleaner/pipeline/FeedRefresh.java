package dev.gleaner.pipeline;

import dev.gleaner.config.ScheduleOptions;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.FetchFailure;
import dev.gleaner.store.Health;
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
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes one subscription as a unit of its own: fetches and parses its feed, records what came in
 * the store with its next due time, and publishes its new posts at once. A pass runs one for every due
 * subscription; a scheduler can run one whenever a subscription is due.
 *
 * <p>The fetch runs in the background; recording and publishing run on the thread that asks for them,
 * so the store and the posts folder are written from one place.
 */
public final class FeedRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(FeedRefresh.class);

    private final Store store;
    private final FeedSource source;
    private final PostPublisher publisher;
    private final Schedule schedule;
    private final ScheduleOptions rules;
    private final int backlog;
    private final InstantSource clock;

    /**
     * @param rules when a feed that keeps answering 404 counts as gone
     * @param backlog how many items of a new subscription's first fetch are published
     */
    public FeedRefresh(Store store, FeedSource source, PostPublisher publisher, Schedule schedule,
            ScheduleOptions rules, int backlog, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.source = Objects.requireNonNull(source, "source");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.backlog = backlog;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Refreshes {@code subscription} from start to end, on this thread. */
    public FeedOutcome refresh(SubscriptionState subscription) {
        return complete(fetch(subscription).join());
    }

    /** Starts fetching and parsing in the background, politely; a failure comes back as a result too. */
    CompletableFuture<FeedResult> fetch(SubscriptionState subscription) {
        return source.submit(subscription.subscription(), subscription)
                .exceptionally(error -> unexpected(subscription, error));
    }

    /** Records what a fetch gave and publishes the subscription's queued entries. */
    FeedOutcome complete(FeedResult result) {
        // To the second, as a post writes the date of an item that has none: the site then shows the
        // same time, and a post recognised after the store was lost gives back exactly the time it holds.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SubscriptionState state = result.state();
        Subscription subscription = result.subscription();
        long id = state.id();
        if (result instanceof FeedResult.Failed failed) {
            FetchFailure failure = gone(failed.failure(), state.health(), now);
            Instant next = schedule.afterFailure(now, state.health().consecutiveFailures() + 1,
                    failed.retryAfter(), failure.permanent() || state.health().permanent());
            store.subscriptions().onFetchError(id, now, failure, next);
            return new FeedOutcome(subscription.id(), FeedOutcome.Fetch.FAILED,
                    Optional.of(new FeedFailure(subscription.id(), failure.reason())), FeedOutcome.NOTHING,
                    List.of(), publisher.publish(state));
        }
        if (result instanceof FeedResult.Unchanged unchanged) {
            Instant next = schedule.afterSuccess(now, subscription.interval(), unchanged.hint());
            store.subscriptions().onNotModified(id, now, unchanged.memo(), next, unchanged.revalidated());
            return new FeedOutcome(subscription.id(),
                    unchanged.revalidated() ? FeedOutcome.Fetch.NOT_MODIFIED : FeedOutcome.Fetch.SAME_BODY,
                    Optional.empty(), FeedOutcome.NOTHING, List.of(), publisher.publish(state));
        }
        FeedResult.Parsed parsed = (FeedResult.Parsed) result;
        for (String problem : parsed.feed().problems()) {
            LOG.warn("{}: {}", subscription.id(), problem);
        }
        Optional<Duration> hint = parsed.hint().or(() -> parsed.feed().info().ttl());
        Instant next = schedule.afterSuccess(now, subscription.interval(), hint);
        FeedEntries entries = FeedEntries.of(subscription, state.keySeed(), parsed.feed(), parsed.hashes(),
                store.entries().adopted(id), store.entries()::titles);
        List<String> warnings = new ArrayList<>();
        entries.warnings().forEach(warning -> warnings.add(subscription.id() + ": " + warning));
        RecordedFetch recorded = store.entries().onFetched(id, now, parsed.memo(), next, entries.entries(),
                backlog, subscription.update());
        return new FeedOutcome(subscription.id(), FeedOutcome.Fetch.NEW_BODY, Optional.empty(), recorded,
                warnings, publisher.publish(state));
    }

    private static FeedResult unexpected(SubscriptionState due, Throwable error) {
        LOG.error("unexpected failure on {}", due.path(), error);
        return new FeedResult.Failed(due.subscription(), due, FetchFailure.of("internal error: " + error),
                Optional.empty());
    }

    /** A 404 that has lasted past the configured time makes the feed gone, like a 410 does at once. */
    private FetchFailure gone(FetchFailure failure, Health health, Instant now) {
        boolean longNotFound = failure.status().orElse(0) == 404
                && health.failingFor(now).compareTo(rules.goneAfter()) >= 0;
        return longNotFound ? new FetchFailure(failure.reason(), failure.status(), true) : failure;
    }
}
