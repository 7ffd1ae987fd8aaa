package dev.gleaner.publish.site;

import java.util.List;
import java.util.Objects;

/**
 * The page shown for an address the site does not have.
 *
 * @param frame what every page shares
 * @param nav the category tree
 */
public record NotFoundPage(PageFrame frame, List<NavEntry> nav) {
    public NotFoundPage {
        Objects.requireNonNull(frame, "frame");
        nav = List.copyOf(nav);
    }
}
