package dev.gleaner.pipeline;

import dev.gleaner.config.CategoryPath;
import java.util.List;

/**
 * What one pass covers.
 *
 * @param only subtrees to limit the pass to; empty for every subscription
 * @param concurrency how many feeds are fetched at once
 */
public record RunOptions(List<CategoryPath> only, int concurrency) {
    public RunOptions {
        only = List.copyOf(only);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
    }

    /** Every subscription, eight at a time. */
    public static RunOptions all() {
        return new RunOptions(List.of(), 8);
    }
}
