package dev.gleaner.config;

import java.util.List;
import java.util.Objects;

/**
 * Where a subscription sits in the category tree, outermost level first: {@code 社交媒体/知乎/知乎热榜}.
 *
 * @param levels the names of the levels; at least one, none blank
 */
public record CategoryPath(List<String> levels) {
    public CategoryPath {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a category path needs at least one level");
        }
        for (String level : levels) {
            if (level.isBlank()) {
                throw new IllegalArgumentException("a category path level must not be blank: " + levels);
            }
        }
    }

    /** A path of the given levels. */
    public static CategoryPath of(String... levels) {
        return new CategoryPath(List.of(levels));
    }

    /** The innermost level: the feed's own name. */
    public String name() {
        return levels.get(levels.size() - 1);
    }

    /**
     * The site the feed belongs to: the level just above the feed (知乎 in 社交媒体/知乎/知乎热榜), or the
     * feed's own name for a path of one level.
     */
    public String site() {
        return levels.size() >= 2 ? levels.get(levels.size() - 2) : name();
    }

    /** Whether this path is {@code prefix} or lies below it. */
    public boolean startsWith(CategoryPath prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return levels.size() >= prefix.levels.size()
                && levels.subList(0, prefix.levels.size()).equals(prefix.levels);
    }

    /** The levels joined with {@code /}, as written on the command line. */
    @Override
    public String toString() {
        return String.join("/", levels);
    }
}
