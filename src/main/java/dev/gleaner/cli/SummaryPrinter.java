package dev.gleaner.cli;

import dev.gleaner.pipeline.FeedFailure;
import dev.gleaner.pipeline.RunSummary;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints the summary of a pass for a person to read. */
final class SummaryPrinter {
    private final PrintWriter out;

    SummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(RunSummary summary) {
        out.printf(Locale.ROOT, "%d feeds in %.1f s%n", summary.feeds(), summary.took().toMillis() / 1000.0);
        if (summary.notDue() > 0) {
            out.printf(Locale.ROOT, "  not due        %d (--all fetches them anyway)%n", summary.notDue());
        }
        out.printf(Locale.ROOT, "  fetched        %d%n", summary.fetched());
        out.printf(Locale.ROOT, "  not modified   %d%n", summary.notModified());
        out.printf(Locale.ROOT, "  failed         %d%n", summary.failures().size());
        for (FeedFailure failure : summary.failures()) {
            out.printf(Locale.ROOT, "    %s: %s%n", failure.path(), failure.reason());
        }
        out.printf(Locale.ROOT, "  items seen     %d (%d new)%n", summary.itemsSeen(), summary.itemsNew());
        out.printf(Locale.ROOT, "  posts written  %d%n", summary.postsWritten());
        if (!summary.postFailures().isEmpty()) {
            out.printf(Locale.ROOT, "  posts failed   %d (kept for the next run)%n", summary.postFailures().size());
        }
    }
}
