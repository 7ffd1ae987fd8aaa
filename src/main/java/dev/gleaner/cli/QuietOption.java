package dev.gleaner.cli;

import picocli.CommandLine.Option;

/** {@code -q}, for the commands that print progress and a summary. */
final class QuietOption {
    @Option(names = {"-q", "--quiet"}, description = "Print no progress bar and no summary; errors only.")
    boolean quiet;
}
