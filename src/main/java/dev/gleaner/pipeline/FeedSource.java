package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.content.ContentHash;
import dev.gleaner.fetch.FetchException;
import dev.gleaner.fetch.FetchOutcome;
import dev.gleaner.fetch.FetchRequest;
import dev.gleaner.fetch.FetchSettings;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.fetch.HostGate;
import dev.gleaner.model.Feed;
import dev.gleaner.parse.FeedDocument;
import dev.gleaner.parse.FeedParseException;
import dev.gleaner.parse.FeedParser;
import dev.gleaner.store.FetchFailure;
import dev.gleaner.store.FetchMemo;
import dev.gleaner.store.SubscriptionState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Fetches and parses one subscription's feed in the background, politely (per-host limits and gaps
 * through a {@link HostGate}), and says what came of it.
 */
public final class FeedSource {
    private final Supplier<Fetcher> fetcher;
    private final Supplier<FeedParser> parser;
    private final HostGate gate;
    private final FetchSettings settings;

    /**
     * @param fetcher gives the fetcher when the first feed is fetched: a pass with nothing due never
     *     pays for starting an HTTP client
     * @param parser gives the parser, likewise
     */
    public FeedSource(Supplier<Fetcher> fetcher, Supplier<FeedParser> parser, HostGate gate, FetchSettings settings) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Starts fetching and parsing; failures come back as results too. */
    CompletableFuture<FeedResult> submit(Subscription subscription, SubscriptionState state) {
        FetchRequest request = request(subscription, state);
        return gate.submit(HostGate.hostOf(request, settings), () -> fetchAndParse(subscription, state, request));
    }

    /** What was remembered of the last fetch goes back to the server, and to the body-hash check. */
    private static FetchRequest request(Subscription subscription, SubscriptionState state) {
        FetchMemo memo = state.memo();
        FetchRequest request = new FetchRequest(subscription.url().text(), memo.validators());
        if (memo.bodyHash().isPresent()) {
            request = request.withBodyHash(memo.bodyHash().get());
        }
        if (memo.instance().isPresent()) {
            request = request.withPreferredInstance(memo.instance().get());
        }
        return request;
    }

    private FeedResult fetchAndParse(Subscription subscription, SubscriptionState state, FetchRequest request) {
        try {
            FetchOutcome outcome = fetcher.get().fetch(request);
            if (outcome instanceof FetchOutcome.Fetched fetched) {
                Feed feed = parser.get().parse(new FeedDocument(fetched.source(), fetched.body(), fetched.charset()));
                FetchMemo memo = new FetchMemo(fetched.validators(), Optional.of(fetched.bodyHash()), fetched.instance());
                List<String> hashes = feed.entries().stream().map(ContentHash::of).toList();
                return new FeedResult.Parsed(subscription, state, feed, hashes, memo, fetched.freshFor());
            }
            FetchMemo memo = new FetchMemo(outcome.validators(), Optional.empty(), outcome.instance());
            return new FeedResult.Unchanged(subscription, state, memo, outcome.freshFor(),
                    ((FetchOutcome.NotModified) outcome).revalidated());
        } catch (FetchException e) {
            return new FeedResult.Failed(subscription, state, new FetchFailure(e.reason(), e.status(), e.permanent()),
                    e.retryAfter());
        } catch (FeedParseException e) {
            return new FeedResult.Failed(subscription, state,
                    new FetchFailure(e.reason(), OptionalInt.empty(), false), Optional.empty());
        }
    }
}
