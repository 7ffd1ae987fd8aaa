package dev.gleaner.pipeline;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Config;
import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.FetchException;
import dev.gleaner.fetch.FetchOutcome;
import dev.gleaner.fetch.FetchRequest;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.parse.FeedDocument;
import dev.gleaner.parse.FeedParseException;
import dev.gleaner.parse.FeedParser;
import dev.gleaner.store.RecordedFetch;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the subscriptions: fetch and parse them concurrently, record each result in the
 * store as it comes, then publish every entry the store has queued.
 *
 * <p>Entries are recorded before their posts are written and marked published after, so a pass
 * killed at any point is finished by the next one. One failing feed never stops the others.
 */
public final class RunPass {
    private static final Logger LOG = LoggerFactory.getLogger(RunPass.class);

    private final Config config;
    private final Store store;
    private final Fetcher fetcher;
    private final FeedParser parser;
    private final PostPublisher publisher;
    private final InstantSource clock;

    public RunPass(Config config, Store store, Fetcher fetcher, FeedParser parser, PostPublisher publisher,
            InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs the pass and says what it did. */
    public RunSummary run(RunOptions options, ProgressListener progress) {
        Instant start = clock.instant();
        List<Subscription> covered = covered(options.only());
        Tally tally = new Tally();
        fetchAll(covered, options.concurrency(), progress, tally);
        PostPublisher.Published published = publisher.publishPending(covered);
        return new RunSummary(covered.size(), tally.fetched, tally.notModified, tally.failures, tally.itemsSeen,
                tally.itemsNew, published.written(), published.failures(),
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

    private void fetchAll(List<Subscription> subscriptions, int concurrency, ProgressListener progress, Tally tally) {
        if (subscriptions.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, subscriptions.size()), runnable -> {
            Thread thread = new Thread(runnable, "fetch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<FeedResult> results = new ExecutorCompletionService<>(pool);
            List<Future<FeedResult>> futures = new ArrayList<>();
            for (Subscription subscription : subscriptions) {
                SubscriptionState state = store.subscriptions().reconcile(subscription, clock.instant());
                futures.add(results.submit(() -> fetchAndParse(subscription, state)));
            }
            for (int done = 1; done <= futures.size(); done++) {
                record(take(results), tally);
                progress.onFeedDone(done, futures.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private FeedResult fetchAndParse(Subscription subscription, SubscriptionState state) {
        try {
            FetchOutcome outcome = fetcher.fetch(new FetchRequest(subscription.url(), state.validators()));
            if (outcome instanceof FetchOutcome.Fetched fetched) {
                var feed = parser.parse(new FeedDocument(fetched.source(), fetched.body(), fetched.charset()));
                return new FeedResult.Parsed(subscription, state, feed, fetched.source(), fetched.validators());
            }
            return new FeedResult.Unchanged(subscription, state, outcome.validators());
        } catch (FetchException e) {
            return new FeedResult.Failed(subscription, state, e.reason());
        } catch (FeedParseException e) {
            return new FeedResult.Failed(subscription, state, e.reason());
        } catch (RuntimeException e) {
            LOG.error("unexpected failure on {}", subscription.id(), e);
            return new FeedResult.Failed(subscription, state, "internal error: " + e);
        }
    }

    private static FeedResult take(CompletionService<FeedResult> results) {
        try {
            return results.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fetch task failed outside its own error handling", e.getCause());
        }
    }

    private void record(FeedResult result, Tally tally) {
        long id = result.state().id();
        Instant now = clock.instant();
        if (result instanceof FeedResult.Failed failed) {
            store.subscriptions().onFetchError(id, now, failed.reason());
            tally.failures.add(new FeedFailure(result.subscription().id(), failed.reason()));
        } else if (result instanceof FeedResult.Unchanged unchanged) {
            store.subscriptions().onNotModified(id, now, unchanged.validators());
            tally.notModified++;
        } else if (result instanceof FeedResult.Parsed parsed) {
            for (String problem : parsed.feed().problems()) {
                LOG.warn("{}: {}", result.subscription().id(), problem);
            }
            RecordedFetch recorded = store.entries().onFetched(id, now, parsed.validators(),
                    FeedEntries.of(result.subscription(), parsed.feed()), config.backlog());
            tally.fetched++;
            tally.itemsSeen += recorded.seen();
            tally.itemsNew += recorded.added();
        }
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
