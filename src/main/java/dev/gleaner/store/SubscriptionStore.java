package dev.gleaner.store;

import dev.gleaner.config.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The subscriptions the store knows, with what to send back on their next fetch and their health. */
public interface SubscriptionStore {

    /**
     * Makes the store agree with one configured subscription: adds it, or updates its URL (forgetting
     * what the old URL's fetches left, and its schedule). Others are left as they are.
     */
    SubscriptionState reconcile(Subscription subscription, Instant now);

    /**
     * Makes the store agree with the whole configuration, in one transaction. A subscription is found by
     * its path; a path the store does not know whose URL belongs to a stored subscription the
     * configuration no longer declares is that subscription moved (its entries keep their keys, and its
     * posts are marked to move); a stored subscription the configuration no longer declares is retired,
     * keeping its entries; a retired one declared again is restored.
     */
    Reconciliation reconcileAll(List<Subscription> subscriptions, Instant now);

    /** The subscription at {@code path}, if the store knows it. */
    Optional<SubscriptionState> find(String path);

    /** Every subscription, retired ones included, by path. */
    List<SubscriptionState> all();

    /** How many posts each subscription has written or adopted, by subscription id. */
    Map<Long, Integer> postCounts();

    /**
     * Records a failed fetch and when to try again. A failure run starts its clock at the first
     * failure; a permanent one flags the feed as gone.
     */
    void onFetchError(long subscriptionId, Instant at, FetchFailure failure, Instant nextDue);

    /**
     * Records a fetch that found the feed unchanged, and when it is next due.
     *
     * @param revalidated whether the server said so with a {@code 304}, rather than by resending the body
     */
    void onNotModified(long subscriptionId, Instant at, FetchMemo memo, Instant nextDue, boolean revalidated);

    /** Forgets a subscription with every entry it had and what the site remembers of them. */
    void delete(long subscriptionId);
}
