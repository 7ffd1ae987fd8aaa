package dev.gleaner.publish.site;

import java.util.List;
import java.util.Objects;

/**
 * The archive: every month that has items, newest first, grouped by year.
 *
 * @param frame what every page shares
 * @param nav the category tree
 * @param years the years, newest first
 */
public record ArchivePage(PageFrame frame, List<NavEntry> nav, List<Year> years) {
    public ArchivePage {
        Objects.requireNonNull(frame, "frame");
        nav = List.copyOf(nav);
        years = List.copyOf(years);
    }

    /**
     * One year of the archive.
     *
     * @param year like {@code 2026}
     * @param months its months, newest first, each with its item count
     */
    public record Year(String year, List<Month> months) {
        public Year {
            Objects.requireNonNull(year, "year");
            months = List.copyOf(months);
        }
    }

    /**
     * One month of the archive.
     *
     * @param name like {@code 11 月}
     * @param href its first page
     * @param count how many items it holds
     */
    public record Month(String name, String href, int count) {
        public Month {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(href, "href");
        }
    }
}
