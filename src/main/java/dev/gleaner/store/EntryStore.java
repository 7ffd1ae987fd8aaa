package dev.gleaner.store;

import dev.gleaner.model.EntryKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The entries seen in feeds, and which of them have been published where. */
public interface EntryStore {

    /**
     * Records a successful fetch in one transaction: what the fetch left for the next one, the
     * subscription's health and next due time, and every entry of the feed. New entries are queued to be published; when the subscription has
     * never had an entry, only the newest {@code backlog} of them are, and the rest are remembered
     * as skipped so they are never published.
     *
     * @param entries the feed's entries, newest first
     */
    RecordedFetch onFetched(long subscriptionId, Instant at, FetchMemo memo, Instant nextDue, List<SeenEntry> entries,
            int backlog);

    /** Entries queued to be published, oldest first. */
    List<StoredEntry> pending();

    /**
     * Reserves {@code postPath} for the entry, before its file is written.
     *
     * @return false when another entry holds that path
     */
    boolean reservePath(EntryKey key, String postPath);

    /** The entry that holds {@code postPath}, if any. */
    Optional<EntryKey> pathOwner(String postPath);

    /**
     * Records that the entry's file was written.
     *
     * @param bodyHtml the sanitized body the post holds, which the site shows too
     */
    void onWritten(EntryKey key, Instant at, String bodyHtml);

    /** Every stored entry of a subscription, newest first seen first. */
    List<StoredEntry> ofSubscription(long subscriptionId);
}
