package dev.gleaner.store;

import dev.gleaner.model.EntryKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The entries seen in feeds, and which of them have been published where. */
public interface EntryStore {

    /**
     * Records a successful fetch in one transaction: what the fetch left for the next one, the
     * subscription's health and next due time, and every entry of the feed.
     *
     * <p>A new entry that adopts a post takes it over as its own, published. Other new entries are queued
     * to be published; when the subscription has never had an entry from a feed, only the newest
     * {@code backlog} of them are, and the rest are remembered as skipped so they are never published. A
     * known entry whose content changed is updated, and queued to be published again, only if it was not
     * yet published or {@code updates} is set; otherwise the first version stays.
     *
     * @param entries the feed's entries, newest first
     * @param updates whether changed entries are published again
     */
    RecordedFetch onFetched(long subscriptionId, Instant at, FetchMemo memo, Instant nextDue, List<SeenEntry> entries,
            int backlog, boolean updates);

    /** The titles of the entries the store holds among {@code keys}, by key. */
    Map<EntryKey, String> titles(Collection<EntryKey> keys);

    /** Entries queued to be published, oldest first. */
    List<StoredEntry> pending();

    /** The entries of one subscription queued to be published, oldest first. */
    List<StoredEntry> pending(long subscriptionId);

    /**
     * Reserves {@code postPath} for the entry, before its file is written.
     *
     * @return false when another entry holds that path
     */
    boolean reservePath(EntryKey key, String postPath);

    /**
     * Reserves {@code postPath} for the entry's new post, before its file is written, with the body that
     * file will hold and when it is written; {@link #onWritten} then changes no more than its status.
     *
     * @return false when another entry holds that path
     */
    boolean reservePost(EntryKey key, String postPath, Instant at, String bodyHtml);

    /** The entry that holds {@code postPath}, if any. */
    Optional<EntryKey> pathOwner(String postPath);

    /** Every post path the store holds. */
    Set<String> postPaths();

    /**
     * Runs {@code work} with every call this thread makes to the store in one transaction, each kind of
     * statement prepared once: many small writes for the cost of one commit. All of it is kept or, when
     * {@code work} throws, none of it.
     */
    <T> T together(String operation, Supplier<T> work);

    /**
     * Records that the entry's file was written.
     *
     * @param bodyHtml the sanitized body the post holds, which the site shows too
     */
    void onWritten(EntryKey key, Instant at, String bodyHtml);

    /**
     * Records that a post already on disk at {@code postPath} is the entry's, so it is published without
     * being written.
     *
     * @param bodyHtml the post's body, sanitized, which the site shows too
     * @param firstSeen the date the post was written with, to keep for an entry without a date of its own
     * @return false when another entry holds that path
     */
    boolean onClaimed(EntryKey key, String postPath, Instant at, String bodyHtml, Optional<Instant> firstSeen);

    /**
     * Records posts found on disk for a subscription, in one transaction.
     *
     * @return how many were recorded: a path the store already holds is left as it is
     */
    int adopt(long subscriptionId, List<AdoptedPost> posts, Instant at);

    /** The adopted posts of a subscription that no fetched item has taken over yet. */
    List<StoredEntry> adopted(long subscriptionId);

    /**
     * Posts whose subscription moved and whose files have not yet followed; {@link #reservePath} reserves
     * the place each goes to.
     */
    List<MovingPost> moving();

    /** Records that a moving post's file has followed its subscription. */
    void onMoved(EntryKey key);

    /** Every stored entry of a subscription, newest first seen first. */
    List<StoredEntry> ofSubscription(long subscriptionId);
}
