package dev.gleaner.publish.site;

/**
 * Splits a list into pages that stay put as it grows: pages are counted from the oldest item, so
 * page 3 holds the same items next month and a new item changes only the newest pages. The first
 * page shows the newest full page of items and the partial one above it, so it holds between one
 * and two pages' worth and never repeats what an older page shows.
 *
 * <p>Items are named by their index in the list, newest first.
 */
final class Paging {
    private final int total;
    private final int size;
    private final int numbered;

    /** The pages of a list of {@code total} items, with {@code size} items a page. */
    Paging(int total, int size) {
        if (total < 0 || size < 1) {
            throw new IllegalArgumentException("total " + total + ", size " + size);
        }
        this.total = total;
        this.size = size;
        // The first page takes the newest full page and the partial one above it, if any.
        this.numbered = Math.max(0, total / size - 1);
    }

    /** The number of numbered pages, 1 to this; page 0 is the first (newest) page. */
    int numbered() {
        return numbered;
    }

    /** The page that holds the item at {@code index}. */
    int pageOf(int index) {
        int fromOldest = total - 1 - index;
        return fromOldest >= numbered * size ? 0 : fromOldest / size + 1;
    }

    /** The index of the newest item on {@code page}. */
    int from(int page) {
        return page == 0 ? 0 : total - page * size;
    }

    /** The number of items on {@code page}. */
    int count(int page) {
        return page == 0 ? total - numbered * size : size;
    }

    /** The number of the page of newer items, or -1. */
    int newer(int page) {
        return page == 0 ? -1 : page == numbered ? 0 : page + 1;
    }

    /** The number of the page of older items, or -1. */
    int older(int page) {
        return page == 0 ? (numbered > 0 ? numbered : -1) : page > 1 ? page - 1 : -1;
    }
}
