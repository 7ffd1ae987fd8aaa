package dev.gleaner.cli;

import dev.gleaner.config.Config;
import dev.gleaner.store.StoreException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works from the configuration: it reads it first (exit 2 with every problem when it
 * cannot be used), and a store that fails says so with its URL (exit 1).
 */
abstract class ConfiguredCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        global.applyLogLevel();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Optional<Config> loaded = global.loadConfig(err);
            if (loaded.isEmpty()) {
                return ExitCodes.USAGE;
            }
            try {
                return run(loaded.get(), out, err);
            } catch (StoreException e) {
                err.println("gleaner: store " + loaded.get().storage() + ": " + e.getMessage());
                return ExitCodes.FAILED;
            }
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Does the command's work with the configuration read; returns its exit code. */
    abstract int run(Config config, PrintWriter out, PrintWriter err) throws Exception;
}
