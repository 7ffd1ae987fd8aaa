package dev.gleaner.publish;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.store.EntryStore;
import dev.gleaner.store.MovingPost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves the posts of a subscription that moved in the category tree to its new folders, their
 * {@code categories} and {@code author} rewritten and every other byte kept, so that git sees a rename.
 *
 * <p>The new path is reserved in the store before the file is written there, and the old file is
 * deleted only after, so a run killed at any point leaves the post at one place or both, and the next
 * run finishes the move.
 *
 * <p>Not thread-safe: one writer publishes at a time.
 */
public final class HexoPostMover {
    private final PostsFolder folder;
    private final EntryStore entries;

    public HexoPostMover(Path postsDir, EntryStore entries) {
        this.folder = new PostsFolder(Objects.requireNonNull(postsDir, "postsDir"));
        this.entries = Objects.requireNonNull(entries, "entries");
    }

    /**
     * Moves one post to the folders of {@code path}.
     *
     * @param author the {@code author} its subscription now writes
     * @return whether a file was moved (false when its file was gone, or it already sat there)
     * @throws IOException when the file cannot be read or written; the move is then tried again next run
     */
    public boolean move(MovingPost post, CategoryPath path, String author) throws IOException {
        String to = post.to().equals(post.from()) ? reserve(post, path) : post.to();
        Path source = folder.resolve(post.from());
        Path target = folder.resolve(to);
        boolean moved = false;
        if (Files.isRegularFile(source)) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            String rewritten = FrontMatter.find(text)
                    .map(front -> FrontMatter.rewrite(text, front, path.levels(), author)).orElse(text);
            try {
                AtomicFiles.writeIfChanged(target, rewritten.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + AtomicFiles.reason(e, target), e);
            }
            if (!source.equals(target)) {
                folder.delete(post.from());
                moved = true;
            }
        }
        entries.onMoved(post.key());
        return moved;
    }

    /** The post's file name in its new folder, or the name with its key's suffix when another post has it. */
    private String reserve(MovingPost post, CategoryPath path) throws IOException {
        String name = post.from().substring(post.from().lastIndexOf('/') + 1);
        String plain = PostsFolder.folderOf(path) + name;
        if (plain.equals(post.from())) {
            return plain;
        }
        String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        String distinct = PostsFolder.folderOf(path) + PostNames.fileName(stem, "-" + post.key().shortForm());
        for (String candidate : new String[] {plain, distinct}) {
            Optional<?> owner = entries.pathOwner(candidate);
            boolean free = owner.isEmpty() ? !Files.exists(folder.resolve(candidate))
                    : owner.get().equals(post.key());
            if (free && entries.reservePath(post.key(), candidate)) {
                return candidate;
            }
        }
        throw new IOException("no free file name for the post " + post.from() + " in "
                + folder.resolve(PostsFolder.folderOf(path)));
    }
}
