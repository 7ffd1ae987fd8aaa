package dev.gleaner.store;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The subscriptions the store knows, with what to send back on their next fetch and their health. The
 * tree is the configuration file's subscriptions (which the file owns) and those added from a command
 * (which live here alone).
 */
public interface SubscriptionStore {

    /**
     * Makes the store agree with one subscription the configuration declares: adds it, or updates its URL
     * and options (a new URL forgets what the old one's fetches left, and its schedule). Others are left as
     * they are.
     */
    SubscriptionState reconcile(Subscription subscription, Instant now);

    /**
     * Makes the store agree with the whole configuration, in one transaction. A subscription is found by
     * its path; a path the store does not know whose URL belongs to a stored subscription the
     * configuration no longer declares is that subscription moved (its entries keep their keys, and its
     * posts are marked to move); a stored subscription the configuration no longer declares is retired,
     * keeping its entries; a retired one declared again is restored. Subscriptions added from a command
     * are left as they are, unless the configuration declares their path, which then owns them.
     */
    Reconciliation reconcileAll(List<Subscription> declared, Instant now);

    /**
     * Adds a subscription from a command, owned by the store.
     *
     * @throws SubscriptionConflictException when its path or its URL is already followed, or a feed is
     *     followed above or below its path; nothing is added
     */
    default SubscriptionState add(Subscription subscription, Instant now) {
        return addAll(List.of(subscription), now).get(0);
    }

    /**
     * Adds subscriptions from a command (an imported list), owned by the store: all of them, in order,
     * or none.
     *
     * @throws SubscriptionConflictException when one's path or URL is already followed (by the store or
     *     an earlier one of the list), or a feed is followed above or below its path; nothing is added
     */
    List<SubscriptionState> addAll(List<Subscription> subscriptions, Instant now);

    /**
     * Retires the added subscriptions at or below {@code prefix}, as leaving the configuration does: their
     * entries and posts stay until pruned.
     *
     * @return the subscriptions retired
     * @throws SubscriptionConflictException when none is followed there, or the configuration file owns one
     *     of them; nothing is retired
     */
    List<SubscriptionState> retire(CategoryPath prefix, Instant now);

    /**
     * Moves the added subscriptions at or below {@code from} to the same places below {@code to}: a feed,
     * a site or a category renamed. Their entries keep their keys, and their posts are marked to move.
     *
     * @throws SubscriptionConflictException when none is followed at {@code from}, the configuration file
     *     owns one of them, or a new path is taken; nothing is moved
     */
    List<Reconciliation.Move> move(CategoryPath from, CategoryPath to);

    /**
     * Pauses a followed subscription, or resumes it: no pass fetches it while it is paused.
     *
     * @return false when no subscription is followed with that number
     */
    boolean pause(long subscriptionId, boolean paused, Instant now);

    /**
     * Changes the options of a subscription added from a command (one the configuration file declares
     * changes there): its posts' author, the items published of each fetch, how often it is fetched, and
     * whether an item that changes after it was published rewrites its post.
     *
     * @throws SubscriptionConflictException when none is followed with that number, or the file declares it
     */
    SubscriptionState edit(long subscriptionId, String author, OptionalInt limit, Duration interval, boolean update);

    /** The subscriptions followed (not retired), declared ones first in the configuration's order. */
    List<SubscriptionState> followed();

    /** The subscription at {@code path}, if the store knows it. */
    Optional<SubscriptionState> find(String path);

    /** Every subscription, retired ones included, by path. */
    List<SubscriptionState> all();

    /** How many posts each subscription has written or adopted, by subscription id. */
    Map<Long, Integer> postCounts();

    /** How many entries each subscription has, by subscription id. */
    Map<Long, Integer> entryCounts();

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

    /**
     * Makes followed subscriptions due at {@code now}, for a refresh someone asked for: the one numbered
     * {@code subscriptionId}, or every one when it is empty.
     *
     * @return how many were made due
     */
    int dueNow(Optional<Long> subscriptionId, Instant now);

    /**
     * Those of {@code listed} that are not followed yet; for each left out, {@code conflicts} gets why (its
     * URL is followed elsewhere, or its path holds another feed).
     */
    default List<Subscription> notFollowed(List<Subscription> listed, List<String> conflicts) {
        Map<String, String> pathOfUrl = new HashMap<>();
        Map<String, String> urlOfPath = new HashMap<>();
        followed().forEach(state -> {
            pathOfUrl.put(state.url().text(), state.path());
            urlOfPath.put(state.path(), state.url().text());
        });
        List<Subscription> fresh = new ArrayList<>();
        for (Subscription subscription : listed) {
            String url = subscription.url().text();
            if (pathOfUrl.containsKey(url)) {
                conflicts.add(url + " is already followed, as " + pathOfUrl.get(url));
            } else if (urlOfPath.containsKey(subscription.id())) {
                conflicts.add(subscription.id() + " is already followed, from " + urlOfPath.get(subscription.id()));
            } else {
                fresh.add(subscription);
            }
        }
        return fresh;
    }
}
