package dev.gleaner.config;

import java.util.ArrayList;
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

    /**
     * The path that {@link #toString()} wrote: levels separated by {@code /}, a {@code /} or
     * {@code \} inside a level escaped with {@code \}.
     *
     * @throws IllegalArgumentException when the text holds no level
     */
    public static CategoryPath parse(String text) {
        List<String> levels = new ArrayList<>();
        StringBuilder level = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                level.append(text.charAt(++i));
            } else if (c == '/') {
                addLevel(levels, level);
            } else {
                level.append(c);
            }
        }
        addLevel(levels, level);
        return new CategoryPath(levels);
    }

    private static void addLevel(List<String> levels, StringBuilder level) {
        if (!level.toString().isBlank()) {
            levels.add(level.toString().strip());
        }
        level.setLength(0);
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

    /**
     * Every path this one lies in, outermost first and ending with this path itself: for
     * {@code 社交媒体/知乎/知乎热榜}, {@code 社交媒体}, {@code 社交媒体/知乎} and {@code 社交媒体/知乎/知乎热榜}.
     */
    public List<CategoryPath> prefixes() {
        List<CategoryPath> prefixes = new ArrayList<>(levels.size());
        for (int depth = 1; depth < levels.size(); depth++) {
            prefixes.add(new CategoryPath(levels.subList(0, depth)));
        }
        prefixes.add(this);
        return List.copyOf(prefixes);
    }

    /** Whether this path is {@code prefix} or lies below it. */
    public boolean startsWith(CategoryPath prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return levels.size() >= prefix.levels.size()
                && levels.subList(0, prefix.levels.size()).equals(prefix.levels);
    }

    /**
     * The levels joined with {@code /}, as written on the command line; a {@code /} inside a level
     * (the real feed name {@code 首页 - 白金攻略 / 游戏开箱}) is escaped as {@code \/}, so every path has
     * one text and every text one path.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String level : levels) {
            if (!text.isEmpty()) {
                text.append('/');
            }
            text.append(level.replace("\\", "\\\\").replace("/", "\\/"));
        }
        return text.toString();
    }
}
