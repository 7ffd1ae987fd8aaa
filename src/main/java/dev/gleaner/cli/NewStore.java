package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.pipeline.PostAdoption;
import java.io.PrintWriter;

/** What a command does first when it made the store anew. */
final class NewStore {
    private NewStore() {
    }

    /**
     * A store made anew beside existing posts (a CI runner that kept only the repository, a deleted
     * store) first adopts them, so that no item is written a second time; says so on {@code said}.
     */
    static void adoptPosts(Gleaner gleaner, PrintWriter said) {
        if (!gleaner.store().created()) {
            return;
        }
        PostAdoption.Adopted adopted = gleaner.adoption().adopt(gleaner.config().subscriptions());
        if (adopted.total() > 0) {
            said.printf("adopted %d posts already in %s (the store was new)%n", adopted.total(),
                    gleaner.config().site().postsDir());
        }
    }
}
