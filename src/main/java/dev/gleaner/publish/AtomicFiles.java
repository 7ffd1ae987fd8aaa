package dev.gleaner.publish;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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

    /**
     * Why a write of {@code target} failed, in the system's words ("Permission denied", "No space left
     * on device", "File too large"), with the path that stopped it when that is not the target itself
     * or its temporary file (a folder in the way, say).
     *
     * <p>The JDK's own messages say only the path for some failures (access denied) and only the
     * reason for others (disk full), so neither alone tells a person what to fix.
     */
    public static String reason(IOException failure, Path target) {
        if (!(failure instanceof FileSystemException fs)) {
            return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        }
        String why = fs.getReason() != null ? fs.getReason() : reasonOf(fs);
        if (fs.getFile() == null) {
            return why;
        }
        Path where = Path.of(fs.getFile()).toAbsolutePath();
        Path folder = target.toAbsolutePath().getParent();
        return folder != null && folder.equals(where.getParent()) ? why : why + ": " + where;
    }

    /** The system's words for the failures the JDK reports by type alone. */
    private static String reasonOf(FileSystemException failure) {
        if (failure instanceof AccessDeniedException) {
            return "Permission denied";
        } else if (failure instanceof FileAlreadyExistsException) {
            return "File exists";
        } else if (failure instanceof NoSuchFileException) {
            return "No such file or directory";
        } else if (failure instanceof NotDirectoryException) {
            return "Not a directory";
        } else if (failure instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        return failure.getClass().getSimpleName();
    }
}
