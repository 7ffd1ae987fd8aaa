package dev.gleaner.publish.site;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a list into pages that stay put as it grows: pages are counted from the oldest item, so
 * page 3 holds the same items next month and a new item changes only the newest pages. The first
 * page shows the newest full page of items and the partial one above it, so it holds between one
 * and two pages' worth and never repeats what an older page shows.
 */
final class Paging {
    private Paging() {
    }

    /**
     * One page.
     *
     * @param number 0 for the first (newest) page, else its number counted from the oldest
     * @param items its items, newest first
     * @param newer the number of the page of newer items, or -1
     * @param older the number of the page of older items, or -1
     */
    record Page<T>(int number, List<T> items, int newer, int older) {
    }

    /** The pages of {@code newestFirst}, with {@code size} items a page. */
    static <T> List<Page<T>> of(List<T> newestFirst, int size) {
        int total = newestFirst.size();
        // The first page takes the newest full page and the partial one above it, if any.
        int numbered = Math.max(0, total / size - 1);
        int frontCount = total - numbered * size;
        List<Page<T>> pages = new ArrayList<>(numbered + 1);
        pages.add(new Page<>(0, newestFirst.subList(0, frontCount), -1, numbered > 0 ? numbered : -1));
        for (int k = numbered; k >= 1; k--) {
            int from = total - k * size;
            pages.add(new Page<>(k, newestFirst.subList(from, from + size), k == numbered ? 0 : k + 1,
                    k > 1 ? k - 1 : -1));
        }
        return pages;
    }
}
