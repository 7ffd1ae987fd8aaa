package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.model.Feed;
import dev.gleaner.store.FetchFailure;
import dev.gleaner.store.FetchMemo;
import dev.gleaner.store.SubscriptionState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What fetching and parsing one subscription gave, before anything is recorded. */
sealed interface FeedResult {
    Subscription subscription();

    SubscriptionState state();

    /**
     * A new body, parsed.
     *
     * @param hashes the {@link dev.gleaner.content.ContentHash} of each of the feed's entries, in their
     *     order: made where the feed was parsed, off the thread that records
     * @param hint how long the server or the feed says this answer stays fresh
     */
    record Parsed(Subscription subscription, SubscriptionState state, Feed feed, List<String> hashes,
            FetchMemo memo, Optional<Duration> hint) implements FeedResult {
        public Parsed {
            hashes = List.copyOf(hashes);
            if (hashes.size() != feed.entries().size()) {
                throw new IllegalArgumentException(hashes.size() + " hashes for " + feed.entries().size() + " entries");
            }
        }
    }

    /**
     * The feed has not changed.
     *
     * @param revalidated whether the server said so with a {@code 304}
     */
    record Unchanged(Subscription subscription, SubscriptionState state, FetchMemo memo, Optional<Duration> hint,
            boolean revalidated) implements FeedResult {
    }

    /**
     * The fetch or the parse failed.
     *
     * @param retryAfter what the server asked for with {@code Retry-After}
     */
    record Failed(Subscription subscription, SubscriptionState state, FetchFailure failure,
            Optional<Duration> retryAfter) implements FeedResult {
    }
}
