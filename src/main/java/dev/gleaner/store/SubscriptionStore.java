package dev.gleaner.store;

import dev.gleaner.config.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The subscriptions the store knows, with what to send back on their next fetch and their health. */
public interface SubscriptionStore {

    /**
     * Makes the store agree with a configured subscription: adds it, or updates its URL (forgetting
     * what the old URL's fetches left, and its schedule).
     */
    SubscriptionState reconcile(Subscription subscription, Instant now);

    /** {@link #reconcile(Subscription, Instant)} for many subscriptions, in one transaction, in their order. */
    List<SubscriptionState> reconcileAll(List<Subscription> subscriptions, Instant now);

    /** The subscription at {@code path}, if the store knows it. */
    Optional<SubscriptionState> find(String path);

    /** Every subscription, by path. */
    List<SubscriptionState> all();

    /**
     * Records a failed fetch and when to try again. A failure run starts its clock at the first
     * failure; a permanent one flags the feed as gone.
     */
    void onFetchError(long subscriptionId, Instant at, FetchFailure failure, Instant nextDue);

    /** Records a fetch that found the feed unchanged, and when it is next due. */
    void onNotModified(long subscriptionId, Instant at, FetchMemo memo, Instant nextDue);
}
