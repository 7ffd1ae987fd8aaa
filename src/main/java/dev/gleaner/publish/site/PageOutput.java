package dev.gleaner.publish.site;

import dev.gleaner.content.ContentHash;
import dev.gleaner.publish.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The files of one build: each is rendered only when what it is made from changed since the last
 * build (or its file is gone), and written only when its bytes differ from the file's.
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
    private final Map<String, String> previous;
    private final boolean full;
    private final Map<String, String> rendered = new ConcurrentHashMap<>();
    private final Set<String> produced = ConcurrentHashMap.newKeySet();
    // A first build makes each folder once; asking the file system again for every file costs a system call.
    private final Map<Path, Boolean> madeFolders = new ConcurrentHashMap<>();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();

    /**
     * @param root the site's output folder
     * @param previous the fingerprints the last build recorded, by file
     * @param full whether to render every file, whatever the fingerprints say
     */
    PageOutput(Path root, Map<String, String> previous, boolean full) {
        this.root = root.toAbsolutePath().normalize();
        this.previous = previous;
        this.full = full;
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

    /** Whether the file must be rendered: its inputs changed, or it is missing. */
    boolean needs(String file, String fingerprint) {
        return full || staging != null || !fingerprint.equals(previous.get(file))
                || !Files.isRegularFile(root.resolve(file));
    }

    /** Produces {@code file}, rendering it with {@code render} if {@link #needs} says so. */
    void emit(String file, String fingerprint, Supplier<byte[]> render) {
        produced.add(file);
        if (needs(file, fingerprint)) {
            write(file, fingerprint, render.get());
        } else {
            unchanged.incrementAndGet();
        }
    }

    /**
     * Produces {@code file} as the last build left it, for a caller that found with {@link #needs}
     * that it need not be rendered.
     *
     * @throws IllegalStateException when the last build did not record {@code fingerprint} for it, or
     *     this build renders every file
     */
    void keep(String file, String fingerprint) {
        if (full || staging != null || !fingerprint.equals(previous.get(file))) {
            throw new IllegalStateException("cannot keep " + file + ": it must be rendered");
        }
        produced.add(file);
        unchanged.incrementAndGet();
    }

    /** Produces {@code file} with these bytes, written only if the file holds others. */
    void emitBytes(String file, byte[] bytes) {
        produced.add(file);
        String fingerprint = ContentHash.of(bytes);
        if (needs(file, fingerprint)) {
            write(file, fingerprint, bytes);
        } else {
            unchanged.incrementAndGet();
        }
    }

    private void write(String file, String fingerprint, byte[] bytes) {
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
        rendered.put(file, fingerprint);
    }

    /**
     * Removes the files the last build made that this one did not, and the folders they leave empty
     * (a category that moved or was pruned), and returns them.
     */
    Set<String> removeStale() {
        Set<String> stale = new HashSet<>(previous.keySet());
        stale.removeAll(produced);
        if (staging != null) {
            return stale;
        }
        for (String file : stale) {
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
        return stale;
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

    /** The files rendered, with their fingerprints. */
    Map<String, String> rendered() {
        return rendered;
    }

    /** The files produced by this build, relative to the site folder. */
    Set<String> producedFiles() {
        return Set.copyOf(produced);
    }

    /** Files produced by this build. */
    int produced() {
        return produced.size();
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
