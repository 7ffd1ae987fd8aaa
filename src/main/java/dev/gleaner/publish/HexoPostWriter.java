package dev.gleaner.publish;

import dev.gleaner.model.EntryKey;
import dev.gleaner.store.EntryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes posts under {@code source/_posts/<category>/<site>/<feed>/<title>.md}, once per entry.
 *
 * <p>The file's path is reserved in the store before the file is written, so a run killed at any
 * point writes the same file again on the next run rather than a second one. A name another entry
 * holds, or a file that is not ours, gets a short suffix from the entry's key instead of being
 * overwritten.
 *
 * <p>Not thread-safe: one writer publishes at a time.
 */
public final class HexoPostWriter {
    private final Path postsDir;
    private final HexoPostRenderer renderer;
    private final EntryStore entries;
    private final InstantSource clock;

    public HexoPostWriter(Path postsDir, HexoPostRenderer renderer, EntryStore entries, InstantSource clock) {
        this.postsDir = Objects.requireNonNull(postsDir, "postsDir");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the post of {@code input} and records it as published.
     *
     * @param reserved the path already reserved for this entry by an earlier, interrupted run
     * @return whether a file was written (false when an identical file was already there)
     * @throws IOException when the file cannot be written (the message names it and says why); the entry
     *     then stays queued
     */
    public boolean publish(PostInput input, Optional<String> reserved) throws IOException {
        HexoPostRenderer.Rendered post = renderer.renderWithBody(input);
        byte[] bytes = post.text().getBytes(StandardCharsets.UTF_8);
        String relative = reserved.isPresent() ? reserved.get() : reserve(input, bytes);
        Path file = resolve(relative);
        boolean written;
        try {
            written = AtomicFiles.writeIfChanged(file, bytes);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + AtomicFiles.reason(e, file), e);
        }
        entries.onWritten(input.key(), clock.instant(), post.body());
        return written;
    }

    private String reserve(PostInput input, byte[] bytes) throws IOException {
        String folder = folderOf(input);
        String stem = PostNames.fileStem(input.entry().title());
        String suffix = input.key().shortForm();
        String plain = folder + PostNames.fileName(stem.isEmpty() ? suffix : stem, "");
        if (isFree(input, plain, bytes) && entries.reservePath(input.key(), plain)) {
            return plain;
        }
        // Without a stem the plain name is already the short key; the whole key tells it apart.
        String distinct = folder + (stem.isEmpty()
                ? PostNames.fileName(input.key().value(), "")
                : PostNames.fileName(stem, "-" + suffix));
        if (isFree(input, distinct, bytes) && entries.reservePath(input.key(), distinct)) {
            return distinct;
        }
        throw new IOException("no free file name for entry " + input.key() + " in " + resolve(folder));
    }

    /** Free: held by no other entry, and not a file of someone else's (an identical file is adopted). */
    private boolean isFree(PostInput input, String relative, byte[] bytes) throws IOException {
        Optional<EntryKey> owner = entries.pathOwner(relative);
        if (owner.isPresent()) {
            return owner.get().equals(input.key());
        }
        Path file = resolve(relative);
        return !Files.exists(file) || (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes));
    }

    private static String folderOf(PostInput input) {
        StringBuilder folder = new StringBuilder();
        for (String level : input.path().levels()) {
            folder.append(PostNames.directory(level)).append('/');
        }
        return folder.toString();
    }

    private Path resolve(String relative) throws IOException {
        Path file = postsDir.resolve(relative).normalize();
        if (!file.startsWith(postsDir.normalize())) {
            throw new IOException("post path escapes the posts folder: " + relative);
        }
        return file;
    }
}
