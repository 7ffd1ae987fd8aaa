package dev.gleaner.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A configuration that cannot be used; the message names the file, line and key and what was expected,
 * one line for each problem the file has.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    ConfigException(Path file, int line, String key, String problem) {
        this(List.of(file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + problem));
    }

    ConfigException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.problems = List.of(getMessage());
    }

    private ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** One exception for all the problems of a file, in the order they were found. */
    static ConfigException of(List<ConfigException> all) {
        return new ConfigException(all.stream().flatMap(e -> e.problems().stream()).toList());
    }

    /** Each problem, one line each: {@code gleaner.yml:12: fetch.timeout: expected a duration …}. */
    public List<String> problems() {
        return problems;
    }
}
