package dev.gleaner.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which published entries to list, and in what order.
 *
 * @param read only read ones (true), only unread ones (false), or both (empty)
 * @param starred only starred ones (true), only not starred (false), or both
 * @param feeds only those of these subscriptions; empty for every one
 * @param beforeId only those numbered below this
 * @param afterId only those numbered above this
 * @param publishedBefore only those dated before this
 * @param publishedAfter only those dated after this
 * @param search only those whose title or body holds this text, case aside
 * @param order what to sort by
 * @param ascending the direction
 * @param limit how many at most
 * @param offset how many to skip first
 * @param seenAfter only those first seen after this
 * @param seenBefore only those first seen before this
 */
public record EntryQuery(Optional<Boolean> read, Optional<Boolean> starred, Optional<List<Long>> feeds,
        Optional<Long> beforeId, Optional<Long> afterId, Optional<Instant> publishedBefore,
        Optional<Instant> publishedAfter, Optional<String> search, Order order, boolean ascending, int limit,
        int offset, Optional<Instant> seenAfter, Optional<Instant> seenBefore) {

    /** What entries can be sorted by. */
    public enum Order {
        ID("r.id"), STATUS("r.is_read"), PUBLISHED("COALESCE(e.published_at, e.updated_at, e.first_seen_at)"),
        CREATED("e.first_seen_at"), CHANGED("r.changed_at");

        final String column;

        Order(String column) {
            this.column = column;
        }
    }

    public EntryQuery {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(starred, "starred");
        feeds = feeds.map(List::copyOf);
        Objects.requireNonNull(beforeId, "beforeId");
        Objects.requireNonNull(afterId, "afterId");
        Objects.requireNonNull(publishedBefore, "publishedBefore");
        Objects.requireNonNull(publishedAfter, "publishedAfter");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(seenAfter, "seenAfter");
        Objects.requireNonNull(seenBefore, "seenBefore");
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative: " + limit + ", " + offset);
        }
    }

    /** A query with no bound on when entries were first seen. */
    public EntryQuery(Optional<Boolean> read, Optional<Boolean> starred, Optional<List<Long>> feeds,
            Optional<Long> beforeId, Optional<Long> afterId, Optional<Instant> publishedBefore,
            Optional<Instant> publishedAfter, Optional<String> search, Order order, boolean ascending, int limit,
            int offset) {
        this(read, starred, feeds, beforeId, afterId, publishedBefore, publishedAfter, search, order, ascending, limit,
                offset, Optional.empty(), Optional.empty());
    }

    /** Every published entry, oldest first, at most {@code limit}. */
    public static EntryQuery all(int limit) {
        return new EntryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Order.PUBLISHED, true, limit, 0);
    }

    /**
     * A page of entries: those it holds, and how many match in all.
     *
     * @param total how many entries match, whatever the limit
     */
    public record Page(long total, List<ReaderEntry> entries) {
        public Page {
            entries = List.copyOf(entries);
        }
    }
}
