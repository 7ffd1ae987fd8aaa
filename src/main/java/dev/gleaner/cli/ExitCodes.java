package dev.gleaner.cli;

/** The exit codes of every command. */
final class ExitCodes {
    /** Done; some feeds may have failed (see the summary). */
    static final int OK = 0;
    /** {@code --strict} and a feed failed, or the command failed. */
    static final int FAILED = 1;
    /** Bad usage or bad configuration; nothing was changed. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
