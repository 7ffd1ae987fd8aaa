package dev.gleaner.pipeline;

import dev.gleaner.config.CategoryPath;
import java.util.List;

/**
 * What one pass covers.
 *
 * @param only subtrees to limit the pass to; empty for every subscription
 * @param all whether to fetch every subscription, due or not
 */
public record RunOptions(List<CategoryPath> only, boolean all) {
    public RunOptions {
        only = List.copyOf(only);
    }

    /** Every subscription that is due. */
    public static RunOptions due() {
        return new RunOptions(List.of(), false);
    }
}
