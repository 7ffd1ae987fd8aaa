package dev.gleaner.publish;

import dev.gleaner.config.CategoryPath;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The Hexo posts folder ({@code source/_posts}): where a subscription's posts go, and the file of a
 * post path the store holds, never outside the folder.
 */
public final class PostsFolder {
    private final Path root;

    public PostsFolder(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The folder itself. */
    public Path root() {
        return root;
    }

    /** The folder of a subscription's posts, relative to the posts folder, ending in {@code /}. */
    public static String folderOf(CategoryPath path) {
        StringBuilder folder = new StringBuilder();
        for (String level : path.levels()) {
            folder.append(PostNames.directory(level)).append('/');
        }
        return folder.toString();
    }

    /**
     * The file of a post path.
     *
     * @throws IOException when the path would lead outside the posts folder
     */
    public Path resolve(String relative) throws IOException {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IOException("post path escapes the posts folder: " + relative);
        }
        return file;
    }

    /** Deletes a post's file, and the folders it leaves empty up to the posts folder. */
    public void delete(String relative) throws IOException {
        Path file = resolve(relative);
        Files.deleteIfExists(file);
        removeEmptyFolders(file.getParent());
    }

    /** Removes {@code folder} and its parents while they are empty, up to the posts folder. */
    void removeEmptyFolders(Path folder) throws IOException {
        for (Path at = folder; at != null && at.startsWith(root) && !at.equals(root); at = at.getParent()) {
            try {
                Files.deleteIfExists(at);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }
}
