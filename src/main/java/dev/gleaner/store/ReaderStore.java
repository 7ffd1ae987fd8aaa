package dev.gleaner.store;

import java.util.Collection;
import java.util.Map;

/** What the reader APIs of {@code gleaner serve} keep beside the archive: the numbers of categories. */
public interface ReaderStore {
    /**
     * The number of each category path, numbering those that have none yet; a number, once given, is kept.
     *
     * @param paths category paths as text ({@code 社交媒体/知乎})
     */
    Map<String, Long> categoryIds(Collection<String> paths);
}
