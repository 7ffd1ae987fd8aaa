package dev.gleaner.cli;

import dev.gleaner.pipeline.FeedFailure;
import dev.gleaner.pipeline.RunSummary;
import dev.gleaner.store.Reconciliation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** Prints the summary of a pass for a person to read. */
final class SummaryPrinter {
    private final PrintWriter out;

    SummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    /** What changed in the tree: moves, retirements and returns, one line each. */
    void printTree(Reconciliation tree, ToIntFunction<String> postsOf) {
        for (Reconciliation.Move move : tree.moved()) {
            out.printf(Locale.ROOT, "moved %s -> %s (%d posts)%n", move.from(), move.to(), move.posts());
        }
        for (String path : tree.retired()) {
            out.printf(Locale.ROOT, "retired %s: no longer in the configuration; its %d posts stay until "
                    + "gleaner prune %s%n", path, postsOf.applyAsInt(path), path);
        }
        for (String path : tree.restored()) {
            out.printf(Locale.ROOT, "restored %s: back in the configuration%n", path);
        }
        out.flush();
    }

    /** The counts of a pass; {@code backlog} is what a new feed publishes at most. */
    void print(RunSummary summary, int backlog) {
        RunSummary.Fetches fetches = summary.fetches();
        RunSummary.Items items = summary.items();
        RunSummary.Posts posts = summary.posts();
        out.printf(Locale.ROOT, "%d feeds in %.1f s%n", fetches.feeds(), summary.took().toMillis() / 1000.0);
        if (fetches.notDue() > 0) {
            out.printf(Locale.ROOT, "  not due        %d (--all fetches them anyway)%n", fetches.notDue());
        }
        out.printf(Locale.ROOT, "  fetched        %d%n", fetches.fetched());
        int resent = fetches.notModified() - fetches.revalidated();
        out.printf(Locale.ROOT, "  not modified   %d%s%n", fetches.notModified(),
                resent == 0 ? "" : " (" + resent + " sent again in full, " + fetches.revalidated() + " by 304)");
        out.printf(Locale.ROOT, "  failed         %d%n", fetches.failures().size());
        for (FeedFailure failure : fetches.failures()) {
            out.printf(Locale.ROOT, "    %s: %s%n", failure.path(), failure.reason());
        }
        out.printf(Locale.ROOT, "  items seen     %d (%d new)%n", items.seen(), items.added());
        if (items.heldBack() > 0) {
            out.printf(Locale.ROOT, "  held back      %d (a new feed publishes its newest %d: backlog)%n",
                    items.heldBack(), backlog);
        }
        if (items.updated() > 0) {
            out.printf(Locale.ROOT, "  items updated  %d%n", items.updated());
        }
        out.printf(Locale.ROOT, "  posts written  %d%n", posts.written());
        if (items.adopted() + posts.kept() > 0) {
            out.printf(Locale.ROOT, "  posts kept     %d (already on disk)%n", items.adopted() + posts.kept());
        }
        if (posts.moved() > 0) {
            out.printf(Locale.ROOT, "  posts moved    %d%n", posts.moved());
        }
        if (!posts.failures().isEmpty()) {
            out.printf(Locale.ROOT, "  posts failed   %d (kept for the next run)%n", posts.failures().size());
        }
        out.flush();
    }
}
