package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.FetchException;
import dev.gleaner.fetch.FetchOutcome;
import dev.gleaner.fetch.FetchRequest;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.model.Feed;
import dev.gleaner.parse.FeedDocument;
import dev.gleaner.parse.FeedParseException;
import dev.gleaner.parse.FeedParser;
import dev.gleaner.store.FetchFailure;
import dev.gleaner.store.FetchMemo;
import dev.gleaner.store.SubscriptionState;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Fetches and parses one subscription's feed in the background, and says what came of it. */
public final class FeedSource {
    private final Fetcher fetcher;
    private final FeedParser parser;
    private final ExecutorService workers;

    public FeedSource(Fetcher fetcher, FeedParser parser, ExecutorService workers) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /** Starts fetching and parsing; the result is never an exception, failures included. */
    CompletableFuture<FeedResult> submit(Subscription subscription, SubscriptionState state) {
        return CompletableFuture.supplyAsync(() -> fetchAndParse(subscription, state), workers);
    }

    private FeedResult fetchAndParse(Subscription subscription, SubscriptionState state) {
        try {
            FetchOutcome outcome = fetcher.fetch(new FetchRequest(subscription.url(), state.validators()));
            if (outcome instanceof FetchOutcome.Fetched fetched) {
                Feed feed = parser.parse(new FeedDocument(fetched.source(), fetched.body(), fetched.charset()));
                return new FeedResult.Parsed(subscription, state, feed, FetchMemo.of(fetched.validators()),
                        Optional.empty());
            }
            return new FeedResult.Unchanged(subscription, state, FetchMemo.of(outcome.validators()), Optional.empty());
        } catch (FetchException e) {
            return new FeedResult.Failed(subscription, state, FetchFailure.of(e.reason()), Optional.empty());
        } catch (FeedParseException e) {
            return new FeedResult.Failed(subscription, state, FetchFailure.of(e.reason()), Optional.empty());
        }
    }
}
