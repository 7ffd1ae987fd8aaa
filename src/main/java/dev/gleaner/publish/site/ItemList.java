package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;

/**
 * One list of the site: the front page, a category, or a month of the archive, with its items as
 * indexes into the site's outline, newest first.
 */
final class ItemList {
    private final String folder;
    private final Optional<CategoryPath> category;
    private final Optional<YearMonth> month;
    private final int[] members;
    private final int first;
    private final int size;

    /**
     * @param members the outline indexes of its items, ascending (newest first), from {@code first}
     * @param size how many of {@code members} are its own
     */
    ItemList(String folder, Optional<CategoryPath> category, Optional<YearMonth> month, int[] members, int first,
            int size) {
        this.folder = folder;
        this.category = category;
        this.month = month;
        this.members = members;
        this.first = first;
        this.size = size;
    }

    /** The folder its pages live in: empty for the front page, {@code c/…/} for a category, {@code archives/…/} for a month. */
    String folder() {
        return folder;
    }

    /** The category it lists; empty for the front page and the months. */
    Optional<CategoryPath> category() {
        return category;
    }

    /** The month it lists; empty for the front page and the categories. */
    Optional<YearMonth> month() {
        return month;
    }

    int size() {
        return size;
    }

    /** The outline index of its item {@code index}, counted from the newest. */
    int member(int index) {
        return members[first + index];
    }

    /** The index in this list of the item at outline index {@code member}, or a negative number when it is not in it. */
    int indexOf(int member) {
        int found = Arrays.binarySearch(members, first, first + size, member);
        return found < 0 ? -1 : found - first;
    }

    /** The number of its items listed before (newer than) outline index {@code member}, in it or not. */
    int countBefore(int member) {
        int found = Arrays.binarySearch(members, first, first + size, member);
        return (found < 0 ? -found - 1 : found) - first;
    }
}
