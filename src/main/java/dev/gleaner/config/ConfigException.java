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
    private final int line;

    ConfigException(Path file, int line, String key, String problem) {
        this(List.of(file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + problem), line);
    }

    ConfigException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.problems = List.of(getMessage());
        this.line = 0;
    }

    private ConfigException(List<String> problems, int line) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
        this.line = line;
    }

    /** One exception for all the problems of a file, in the order of their lines. */
    static ConfigException of(List<ConfigException> all) {
        List<ConfigException> byLine = all.stream()
                .sorted(java.util.Comparator.comparingInt((ConfigException e) -> e.line)).toList();
        return new ConfigException(byLine.stream().flatMap(e -> e.problems().stream()).toList(),
                byLine.isEmpty() ? 0 : byLine.get(0).line);
    }

    /** Each problem, one line each: {@code gleaner.yml:12: fetch.timeout: expected a duration …}. */
    public List<String> problems() {
        return problems;
    }
}
