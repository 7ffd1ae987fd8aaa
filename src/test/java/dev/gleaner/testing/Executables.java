package dev.gleaner.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program the tests drive, such as Chromium or its driver: where a variable names it, else on the PATH. */
public final class Executables {
    private Executables() {
    }

    /**
     * @param variable an environment variable that, when set, names the program and is the only place looked
     * @param names the program's names on the PATH, tried in turn
     */
    public static Optional<Path> find(String variable, String... names) {
        String chosen = System.getenv(variable);
        if (chosen != null && !chosen.isBlank()) {
            Path path = Path.of(chosen);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name));
                }
            }
        }
        return Optional.empty();
    }
}
