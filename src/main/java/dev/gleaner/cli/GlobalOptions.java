package dev.gleaner.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.gleaner.config.Config;
import dev.gleaner.config.ConfigException;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.fetch.FetchSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The options every command takes: which configuration, and how much to log. */
final class GlobalOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: gleaner.yml in the current folder, else $GLEANER_CONFIG).")
    @Nullable Path config;

    @Option(names = {"-v", "--verbose"}, description = "Log more to standard error: -v for INFO, -vv for DEBUG.")
    boolean[] verbose = new boolean[0];

    /** The configuration file to read. */
    Path configFile() {
        if (config != null) {
            return config;
        }
        Path local = Path.of("gleaner.yml");
        String fromEnvironment = System.getenv("GLEANER_CONFIG");
        if (!Files.exists(local) && fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        return local;
    }

    /** The configuration, or empty after saying on {@code err} every reason it cannot be used. */
    Optional<Config> loadConfig(PrintWriter err) {
        try {
            return Optional.of(new ConfigLoader(FetchSettings::allowProblem).load(configFile()));
        } catch (ConfigException e) {
            e.problems().forEach(problem -> err.println("gleaner: " + problem));
            return Optional.empty();
        }
    }

    /** Sets the log level the options ask for. */
    void applyLogLevel() {
        Level level = verbose.length >= 2 ? Level.DEBUG : verbose.length == 1 ? Level.INFO : Level.WARN;
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(level);
    }
}
