package dev.gleaner.testing;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Folder trees for tests. */
public final class Trees {
    private Trees() {
    }

    /**
     * Copies the tree under {@code source} into {@code target}, which may exist, and returns {@code target};
     * with {@code REPLACE_EXISTING}, files already there are overwritten, as extracting an archive does.
     */
    public static Path copy(Path source, Path target, CopyOption... options) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.createDirectories(copy.getParent());
                    Files.copy(path, copy, options);
                }
            }
        }
        return target;
    }

    /** Every file's text under {@code folder}, by path relative to it, in order. */
    public static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
