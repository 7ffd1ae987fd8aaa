package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.store.SiteOutline;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lists of one build over the site's outline: the front page, one per category (each holds its
 * subtree), one per month of the archive. An item is in the front page's, in one per level of its
 * category path, and in its month's.
 */
final class SiteLists {
    private final SiteOutline outline;
    private final ItemList front;
    private final Map<CategoryPath, ItemList> categories;
    private final List<ItemList> months;
    private final Map<Long, List<ItemList>> bySubscription = new HashMap<>();
    // The outline index where each month's items start; months follow one another, newest first.
    private final int[] monthStarts;

    private SiteLists(SiteOutline outline, ItemList front, Map<CategoryPath, ItemList> categories,
            List<ItemList> months, int[] monthStarts) {
        this.outline = outline;
        this.front = front;
        this.categories = categories;
        this.months = months;
        this.monthStarts = monthStarts;
    }

    /** The lists of {@code outline}, every category of {@code tree} among them, months in {@code zone}. */
    static SiteLists of(SiteOutline outline, CategoryTree tree, ZoneId zone) {
        int size = outline.size();
        int[] all = new int[size];
        Arrays.setAll(all, index -> index);
        ItemList front = new ItemList("", Optional.empty(), Optional.empty(), all, 0, size);

        Map<Long, int[]> levelsOf = new HashMap<>();
        List<CategoryTree.Node> nodes = new ArrayList<>(tree.all());
        Map<CategoryPath, Integer> nodeIndex = new HashMap<>();
        for (int n = 0; n < nodes.size(); n++) {
            nodeIndex.put(nodes.get(n).path(), n);
        }
        outline.paths().forEach((id, text) -> {
            CategoryPath path = CategoryPath.parse(text);
            if (nodeIndex.containsKey(path)) {
                levelsOf.put(id, path.prefixes().stream().mapToInt(nodeIndex::get).toArray());
            }
        });
        int[] counts = new int[nodes.size()];
        // A feed whose first post came after the tree was read waits for the next build's tree.
        int[] none = new int[0];
        for (int index = 0; index < size; index++) {
            for (int node : levelsOf.getOrDefault(outline.subscription(index), none)) {
                counts[node]++;
            }
        }
        int[][] members = new int[nodes.size()][];
        for (int n = 0; n < nodes.size(); n++) {
            members[n] = new int[counts[n]];
        }
        int[] filled = new int[nodes.size()];
        for (int index = 0; index < size; index++) {
            for (int node : levelsOf.getOrDefault(outline.subscription(index), none)) {
                members[node][filled[node]++] = index;
            }
        }
        Map<CategoryPath, ItemList> categories = new LinkedHashMap<>();
        for (int n = 0; n < nodes.size(); n++) {
            CategoryTree.Node node = nodes.get(n);
            categories.put(node.path(), new ItemList(node.folder(), Optional.of(node.path()), Optional.empty(),
                    members[n], 0, members[n].length));
        }

        List<ItemList> months = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        long monthBegins = Long.MAX_VALUE;
        for (int index = 0; index < size; index++) {
            long order = outline.order(index);
            if (order < monthBegins) {
                ZonedDateTime at = Instant.ofEpochMilli(order).atZone(zone);
                YearMonth month = YearMonth.from(at);
                monthBegins = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
                starts.add(index);
            }
        }
        int[] monthStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        for (int m = 0; m < monthStarts.length; m++) {
            int from = monthStarts[m];
            int to = m + 1 < monthStarts.length ? monthStarts[m + 1] : size;
            YearMonth month = YearMonth.from(Instant.ofEpochMilli(outline.order(from)).atZone(zone));
            months.add(new ItemList(monthFolder(month), Optional.empty(), Optional.of(month), all, from, to - from));
        }
        SiteLists lists = new SiteLists(outline, front, categories, months, monthStarts);
        levelsOf.forEach((id, levels) -> {
            List<ItemList> of = new ArrayList<>();
            for (int node : levels) {
                of.add(categories.get(nodes.get(node).path()));
            }
            lists.bySubscription.put(id, List.copyOf(of));
        });
        return lists;
    }

    /** The folder of a month's list. */
    static String monthFolder(YearMonth month) {
        return String.format("archives/%04d/%02d/", month.getYear(), month.getMonthValue());
    }

    SiteOutline outline() {
        return outline;
    }

    ItemList front() {
        return front;
    }

    /** Each category's list, in the tree's order. */
    Map<CategoryPath, ItemList> categories() {
        return categories;
    }

    /** Each month's list, newest first. */
    List<ItemList> months() {
        return months;
    }

    /** Every list: the front page's, the categories', the months'. */
    List<ItemList> all() {
        List<ItemList> all = new ArrayList<>(1 + categories.size() + months.size());
        all.add(front);
        all.addAll(categories.values());
        all.addAll(months);
        return all;
    }

    /** The lists the item at outline index {@code index} is in. */
    List<ItemList> of(int index) {
        List<ItemList> lists = new ArrayList<>(6);
        lists.add(front);
        lists.addAll(bySubscription.getOrDefault(outline.subscription(index), List.of()));
        int month = Arrays.binarySearch(monthStarts, index);
        lists.add(months.get(month >= 0 ? month : -month - 2));
        return lists;
    }

    /** The category lists of the items of subscription {@code id}: one per level of its path. */
    List<ItemList> ofSubscription(long id) {
        return bySubscription.getOrDefault(id, List.of());
    }

    /** The month list of {@code month}, if the outline has items in it. */
    Optional<ItemList> month(YearMonth month) {
        return months.stream().filter(list -> list.month().orElseThrow().equals(month)).findFirst();
    }

    /** The outline index of the newest item older than {@code order} (milliseconds), or the outline's size. */
    int firstOlderThan(long order) {
        int low = 0;
        int high = outline.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (outline.order(mid) >= order) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
