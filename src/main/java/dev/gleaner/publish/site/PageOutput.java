package dev.gleaner.publish.site;

import dev.gleaner.publish.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The files of one build: each is written only when its bytes differ from the file's, so a page
 * rendered again with the same content keeps its modification time.
 *
 * <p>Every file is written atomically: over an existing site, each through a temporary file and a
 * rename; when there is no site yet, the whole tree is written into a temporary folder that
 * {@link #finish()} renames into place, which costs one rename instead of one per file.
 *
 * <p>Thread-safe.
 */
final class PageOutput {
    private static final String TEMP_SUFFIX = ".gleaner-tmp";

    private final Path root;
    private final Path staging;
    private final Set<String> emitted;
    // A first build makes each folder once; asking the file system again for every file costs a system call.
    private final Map<Path, Boolean> madeFolders = new ConcurrentHashMap<>();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();

    /**
     * @param root the site's output folder
     * @param remember whether to keep the names of the files emitted ({@link #emitted()}); a build of
     *     every page knows them without
     */
    PageOutput(Path root, boolean remember) {
        this.root = root.toAbsolutePath().normalize();
        this.emitted = remember ? ConcurrentHashMap.newKeySet() : null;
        Path temporary = this.root.resolveSibling("." + this.root.getFileName() + TEMP_SUFFIX);
        try {
            // What a killed first build left is of no use: it was never in place.
            deleteTree(temporary);
            if (Files.isDirectory(this.root)) {
                staging = null;
            } else {
                staging = Files.createDirectories(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(temporary + ": " + e.getMessage(), e);
        }
    }

    /** Whether this build writes a new site into place, rather than over one. */
    boolean firstBuild() {
        return staging != null;
    }

    /** Puts a first build in place; a build over an existing site is in place already. */
    void finish() {
        if (staging == null) {
            return;
        }
        try {
            Files.createDirectories(root.getParent());
            Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": " + e.getMessage(), e);
        }
    }

    /** Produces {@code file} with the bytes {@code render} gives. */
    void emit(String file, Supplier<byte[]> render) {
        emitBytes(file, render.get());
    }

    /** Produces {@code file} with these bytes, written only if the file holds others. */
    void emitBytes(String file, byte[] bytes) {
        if (emitted != null) {
            emitted.add(file);
        }
        write(file, bytes);
    }

    private void write(String file, byte[] bytes) {
        try {
            if (staging != null) {
                Path target = staging.resolve(file);
                madeFolders.computeIfAbsent(target.getParent(), PageOutput::createFolder);
                Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                written.incrementAndGet();
            } else if (AtomicFiles.writeIfChanged(root.resolve(file), bytes)) {
                written.incrementAndGet();
            } else {
                unchanged.incrementAndGet();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(file) + ": "
                    + AtomicFiles.reason(e, root.resolve(file)), e);
        }
    }

    /**
     * Removes {@code files}, which the last build made and this one does not, and the folders they
     * leave empty (a category that moved or was pruned).
     */
    void remove(Collection<String> files) {
        if (staging != null) {
            return;
        }
        for (String file : files) {
            Path path = root.resolve(file);
            try {
                Files.deleteIfExists(path);
                for (Path folder = path.getParent(); folder != null && !folder.equals(root)
                        && folder.startsWith(root) && isEmptyFolder(folder); folder = folder.getParent()) {
                    Files.delete(folder);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static Boolean createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            return Boolean.TRUE;
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The files emitted so far, when this output keeps them. */
    Set<String> emitted() {
        if (emitted == null) {
            throw new IllegalStateException("this output does not keep the names of its files");
        }
        return Set.copyOf(emitted);
    }

    /** Files written because their bytes changed. */
    int written() {
        return written.get();
    }

    /** Files left as they were. */
    int unchanged() {
        return unchanged.get();
    }
}
