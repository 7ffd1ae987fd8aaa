package dev.gleaner.cli;

import dev.gleaner.config.CategoryPath;
import java.io.PrintWriter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads a category path given on the command line, saying what a path looks like when it is not one. */
final class TreePaths {
    private TreePaths() {
    }

    /** The path {@code text} names; empty when it is null, or after saying on {@code err} why it is no path. */
    static Optional<CategoryPath> parse(@Nullable String text, String command, PrintWriter err) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CategoryPath.parse(text));
        } catch (IllegalArgumentException e) {
            err.println("gleaner: " + command + " " + text + ": expected a category path like 社交媒体/知乎/知乎热榜");
            return Optional.empty();
        }
    }
}
