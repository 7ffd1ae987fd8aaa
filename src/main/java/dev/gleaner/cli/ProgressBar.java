package dev.gleaner.cli;

import dev.gleaner.pipeline.ProgressListener;
import java.io.PrintWriter;

/** A one-line progress bar, redrawn in place; shown only on a terminal. */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean visible;
    private boolean drawn;

    private ProgressBar(PrintWriter out, boolean visible) {
        this.out = out;
        this.visible = visible;
    }

    /** A bar on {@code out} when standard output is a terminal and {@code quiet} is off; otherwise silent. */
    static ProgressBar forTerminal(PrintWriter out, boolean quiet) {
        return new ProgressBar(out, !quiet && System.console() != null);
    }

    @Override
    public synchronized void onFeedDone(int done, int total) {
        if (!visible) {
            return;
        }
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " feeds");
        out.flush();
        drawn = true;
    }

    /** Clears the bar, so the summary starts on a clean line. */
    synchronized void finish() {
        if (drawn) {
            out.print("\r" + " ".repeat(WIDTH + 24) + "\r");
            out.flush();
        }
    }
}
