package dev.gleaner.publish;

import dev.gleaner.model.EntryKey;
import dev.gleaner.parse.FeedDates;
import dev.gleaner.store.EntryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
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
 * <p>The posts are the memory of last resort: a post already at the entry's path, which the store does
 * not know (the store was lost, or restored from an older copy), whose front matter names the same
 * title, is the entry's post. It is kept byte for byte (its date, cover and body as written) and
 * recorded as published.
 *
 * <p>{@link #render} is thread-safe; {@link #write} is not: one thread writes at a time.
 */
public final class HexoPostWriter implements PostWriter {
    private final PostsFolder folder;
    private final HexoPostRenderer renderer;
    private final EntryStore entries;
    private final InstantSource clock;

    public HexoPostWriter(Path postsDir, HexoPostRenderer renderer, EntryStore entries, InstantSource clock) {
        this.folder = new PostsFolder(Objects.requireNonNull(postsDir, "postsDir"));
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public HexoPostRenderer.Rendered render(PostInput input) {
        return renderer.renderWithBody(input);
    }

    /**
     * {@inheritDoc}
     *
     * <p>In three steps: every post's path is reserved in one transaction, the files are written, and
     * they are recorded as written in a second; a pass killed between the two writes the same files
     * again under the same names.
     */
    @Override
    public List<Written> write(List<Post> posts) {
        int count = posts.size();
        Written[] done = new Written[count];
        String[] paths = new String[count];
        byte[][] bytes = new byte[count][];
        entries.together("reserve post paths", () -> {
            for (int i = 0; i < count; i++) {
                Post post = posts.get(i);
                bytes[i] = post.rendered().text().getBytes(StandardCharsets.UTF_8);
                try {
                    if (post.reserved().isPresent()) {
                        paths[i] = post.reserved().get();
                    } else if (keepExisting(post.input(), post.rendered(), bytes[i])) {
                        done[i] = Written.as(Outcome.KEPT);
                    } else {
                        paths[i] = reserve(post.input(), post.rendered(), bytes[i]);
                    }
                } catch (IOException e) {
                    done[i] = Written.failed(e);
                }
            }
            return null;
        });
        boolean[] changed = new boolean[count];
        for (int i = 0; i < count; i++) {
            if (paths[i] == null) {
                continue;
            }
            try {
                changed[i] = writeFile(folder.resolve(paths[i]), bytes[i]);
            } catch (IOException e) {
                done[i] = Written.failed(e);
                paths[i] = null;
            }
        }
        entries.together("record written posts", () -> {
            for (int i = 0; i < count; i++) {
                if (paths[i] != null) {
                    entries.onWritten(posts.get(i).input().key(), clock.instant(), posts.get(i).rendered().body());
                    done[i] = Written.as(changed[i] ? Outcome.WRITTEN : Outcome.UNCHANGED);
                }
            }
            return null;
        });
        return List.of(done);
    }

    private static boolean writeFile(Path file, byte[] bytes) throws IOException {
        try {
            return AtomicFiles.writeIfChanged(file, bytes);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + AtomicFiles.reason(e, file), e);
        }
    }

    /** The entry's own distinct name first: of two items with one title, each finds its own post. */
    private boolean keepExisting(PostInput input, HexoPostRenderer.Rendered post, byte[] bytes) throws IOException {
        for (String relative : List.of(distinctName(input), plainName(input))) {
            if (entries.pathOwner(relative).isPresent()) {
                continue;
            }
            Path file = folder.resolve(relative);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            byte[] existing = Files.readAllBytes(file);
            Optional<PostFile> found = PostFile.read(new String(existing, StandardCharsets.UTF_8));
            if (found.isEmpty() || !sameTitle(found.get().title(), input.entry().title())) {
                continue;
            }
            boolean identical = Arrays.equals(existing, bytes);
            String body = identical ? post.body() : renderer.sanitized(found.get().body(), input.baseUri());
            Optional<Instant> date = input.entry().date().isPresent() ? Optional.empty()
                    : found.get().date().flatMap(FeedDates::parse);
            if (entries.onClaimed(input.key(), relative, clock.instant(), body, date)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a post's title is the one this item's post would be written with. */
    public static boolean sameTitle(String postTitle, String itemTitle) {
        return PostNames.title(postTitle).equals(PostNames.title(itemTitle));
    }

    private String reserve(PostInput input, HexoPostRenderer.Rendered post, byte[] bytes) throws IOException {
        Instant at = clock.instant();
        String plain = plainName(input);
        if (isFree(input, plain, bytes) && entries.reservePost(input.key(), plain, at, post.body())) {
            return plain;
        }
        String distinct = distinctName(input);
        if (isFree(input, distinct, bytes) && entries.reservePost(input.key(), distinct, at, post.body())) {
            return distinct;
        }
        throw new IOException("no free file name for entry " + input.key() + " in "
                + folder.resolve(PostsFolder.folderOf(input.path())));
    }

    private static String plainName(PostInput input) {
        String stem = PostNames.fileStem(input.entry().title());
        return PostsFolder.folderOf(input.path())
                + PostNames.fileName(stem.isEmpty() ? input.key().shortForm() : stem, "");
    }

    /** Without a stem the plain name is already the short key; the whole key tells it apart. */
    private static String distinctName(PostInput input) {
        String stem = PostNames.fileStem(input.entry().title());
        return PostsFolder.folderOf(input.path()) + (stem.isEmpty()
                ? PostNames.fileName(input.key().value(), "")
                : PostNames.fileName(stem, "-" + input.key().shortForm()));
    }

    /** Free: held by no other entry, and not a file of someone else's (an identical file is adopted). */
    private boolean isFree(PostInput input, String relative, byte[] bytes) throws IOException {
        Optional<EntryKey> owner = entries.pathOwner(relative);
        if (owner.isPresent()) {
            return owner.get().equals(input.key());
        }
        Path file = folder.resolve(relative);
        return !Files.exists(file) || (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes));
    }
}
