package dev.gleaner.config;

import java.nio.file.Path;

/** A configuration that cannot be used; the message names the file, line and key and what was expected. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    ConfigException(Path file, int line, String key, String problem) {
        super(file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
    }

    ConfigException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
