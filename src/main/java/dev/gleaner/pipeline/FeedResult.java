package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.Validators;
import dev.gleaner.model.Feed;
import dev.gleaner.store.SubscriptionState;

/** What fetching and parsing one subscription gave, before anything is recorded. */
sealed interface FeedResult {
    Subscription subscription();

    SubscriptionState state();

    /** A new body, parsed. */
    record Parsed(Subscription subscription, SubscriptionState state, Feed feed, String source, Validators validators)
            implements FeedResult {
    }

    /** The feed has not changed. */
    record Unchanged(Subscription subscription, SubscriptionState state, Validators validators) implements FeedResult {
    }

    /** The fetch or the parse failed. */
    record Failed(Subscription subscription, SubscriptionState state, String reason) implements FeedResult {
    }
}
