package dev.gleaner.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reader APIs of {@code gleaner serve} keep beside the archive: the numbers of categories and
 * entries, and which entries have been read or starred.
 */
public interface ReaderStore {
    /**
     * The number of each category path, numbering those that have none yet; a number, once given, is kept.
     *
     * @param paths category paths as text ({@code 社交媒体/知乎})
     */
    Map<String, Long> categoryIds(Collection<String> paths);

    /** The published entries {@code query} asks for. */
    EntryQuery.Page entries(EntryQuery query);

    /**
     * The entries beside entry {@code id} in the list {@code query} gives, in its order: the one before and
     * the one after. The entry need not be in the list any more (read since it was opened, say).
     */
    Neighbours neighbours(EntryQuery query, long id);

    /** The entries next to one in a list: {@code before} it and {@code after} it, where there are. */
    record Neighbours(Optional<Long> before, Optional<Long> after) {
    }

    /** The numbers of the published entries {@code query} asks for, in its order, within its limit and offset. */
    List<Long> ids(EntryQuery query);

    /** One published entry by its number. */
    Optional<ReaderEntry> entry(long id);

    /** The published entries of these numbers, in the order asked; a number that names none is left out. */
    List<ReaderEntry> entries(Collection<Long> ids);

    /**
     * Marks entries read or unread.
     *
     * @return how many of the numbers named an entry
     */
    int markRead(Collection<Long> ids, boolean read, Instant at);

    /**
     * Marks every unread entry read: those of these subscriptions, or all when {@code feeds} is empty.
     *
     * @return how many were unread
     */
    int markAllRead(Optional<Collection<Long>> feeds, Instant at);

    /**
     * Marks read the unread entries of a list, whatever its limit and offset.
     *
     * @return the numbers of those marked, so that the mark can be undone
     */
    List<Long> markRead(EntryQuery query, Instant at);

    /**
     * Adds the text of up to {@code most} published entries not yet searchable to the search index, oldest first.
     *
     * @return how many were added: 0 once every published entry is searchable
     */
    int indexForSearch(int most);

    /**
     * Marks read the unread entries first seen at or before {@code seenUpTo}: those of these subscriptions, or
     * all when {@code feeds} is empty. Entries that arrived later stay unread.
     *
     * @return how many were marked
     */
    int markAllRead(Optional<Collection<Long>> feeds, Instant seenUpTo, Instant at);

    /**
     * Stars an entry that is not starred and unstars one that is.
     *
     * @return false when no entry has that number
     */
    boolean toggleStar(long id, Instant at);

    /**
     * Stars or unstars entries, whatever they were.
     *
     * @return how many of the numbers named an entry
     */
    int markStarred(Collection<Long> ids, boolean starred, Instant at);

    /** Per subscription number, how many of its published entries are unread ({@code [0]}) and read ({@code [1]}). */
    Map<Long, long[]> counts();

    /** Per subscription number that has unread published entries, when the newest of them was first seen. */
    Map<Long, Instant> newestUnread();
}
