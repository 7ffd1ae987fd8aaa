package dev.gleaner.publish.site;

import dev.gleaner.store.SiteOutline;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Every file one build leaves, known from its lists and its outline without keeping a name per
 * file: a million item pages are named by the outline's keys, a list's numbered pages by its count.
 */
final class SiteFiles {
    private static final String PAGE_SUFFIX = "/" + SiteLayout.INDEX;

    private final SiteOutline outline;
    private final Set<String> few;
    // Each list's folder, with its count of numbered pages.
    private final Map<String, Integer> numbered = new HashMap<>();
    private Set<String> keys;

    /**
     * @param lists the build's lists
     * @param pageSize items on a page of a list
     * @param others the files besides item pages and numbered list pages: assets, feeds, search, sitemap, and such
     */
    SiteFiles(SiteLists lists, int pageSize, Collection<String> others) {
        this.outline = lists.outline();
        this.few = new LinkedHashSet<>(others);
        for (ItemList list : lists.all()) {
            numbered.put(list.folder(), new Paging(list.size(), pageSize).numbered());
            few.add(SiteLayout.listPage(list.folder(), 0));
        }
    }

    /** The number of files. */
    int count() {
        return few.size() + outline.size() + numbered.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every file, named one at a time. */
    Iterable<String> all() {
        return () -> new Iterator<>() {
            private final Iterator<String> fewFiles = few.iterator();
            private final Iterator<Map.Entry<String, Integer>> lists = numbered.entrySet().iterator();
            private String folder;
            private int page;
            private int pages;
            private int item;

            @Override
            public boolean hasNext() {
                while (page >= pages && lists.hasNext()) {
                    Map.Entry<String, Integer> list = lists.next();
                    folder = list.getKey();
                    page = 0;
                    pages = list.getValue();
                }
                return fewFiles.hasNext() || page < pages || item < outline.size();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (fewFiles.hasNext()) {
                    return fewFiles.next();
                }
                if (page < pages) {
                    return SiteLayout.listPage(folder, ++page);
                }
                return SiteLayout.item(outline.key(item++));
            }
        };
    }

    /** Whether {@code file} is one of this build's. */
    boolean contains(String file) {
        if (few.contains(file)) {
            return true;
        }
        Optional<String> key = SiteLayout.itemKey(file);
        if (key.isPresent()) {
            return keys().contains(key.get());
        }
        if (!file.endsWith(PAGE_SUFFIX)) {
            return false;
        }
        String pageFolder = file.substring(0, file.length() - PAGE_SUFFIX.length());
        int slash = pageFolder.lastIndexOf('/');
        String number = pageFolder.substring(slash + 1);
        String listPart = pageFolder.substring(0, slash + 1);
        if (!listPart.endsWith("page/") || number.isEmpty() || number.length() > 9
                || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        Integer pages = numbered.get(listPart.substring(0, listPart.length() - "page/".length()));
        int page = Integer.parseInt(number);
        return pages != null && page >= 1 && page <= pages && number.equals(Integer.toString(page));
    }

    /** The output folders the files lie in, for {@link OutputWitness}. */
    List<String> folders() {
        List<String> samples = new ArrayList<>(few);
        if (outline.size() > 0) {
            samples.add(SiteLayout.item(outline.key(0)));
        }
        numbered.forEach((folder, pages) -> {
            if (pages > 0) {
                samples.add(SiteLayout.listPage(folder, 1));
            }
        });
        return OutputWitness.folders(samples);
    }

    private synchronized Set<String> keys() {
        if (keys == null) {
            keys = new HashSet<>(outline.size() * 2);
            for (int index = 0; index < outline.size(); index++) {
                keys.add(outline.key(index));
            }
        }
        return keys;
    }
}
