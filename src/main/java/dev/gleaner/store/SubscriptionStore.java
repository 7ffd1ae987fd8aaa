package dev.gleaner.store;

import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.Validators;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The subscriptions the store knows, with their validators and health. */
public interface SubscriptionStore {

    /**
     * Makes the store agree with a configured subscription: adds it, or updates its URL (forgetting
     * the validators of the old URL).
     */
    SubscriptionState reconcile(Subscription subscription, Instant now);

    /** The subscription at {@code path}, if the store knows it. */
    Optional<SubscriptionState> find(String path);

    /** Every subscription, by path. */
    List<SubscriptionState> all();

    /** Records a failed fetch. */
    void onFetchError(long subscriptionId, Instant at, String reason);

    /** Records a fetch that found the feed unchanged. */
    void onNotModified(long subscriptionId, Instant at, Validators validators);
}
