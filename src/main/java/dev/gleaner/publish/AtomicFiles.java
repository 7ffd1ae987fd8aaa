package dev.gleaner.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes files so that a reader, or a run killed half-way, never sees a partial one: the bytes go to
 * a temporary file beside the target, which is then renamed over it. A file that already holds the
 * same bytes is left alone, modification time included.
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".gleaner-tmp";

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code target} unless it already holds them.
     *
     * @return whether the file was written
     */
    public static boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        write(target, bytes);
        return true;
    }

    /** Writes {@code bytes} to {@code target} through a temporary file and a rename. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // A fixed temporary name: a run killed mid-write leaves at most one, which the next write replaces.
        Path temp = parent.resolve("." + target.getFileName() + TEMP_SUFFIX);
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
