package dev.gleaner.pipeline;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.publish.PostsFolder;
import dev.gleaner.store.Store;
import dev.gleaner.store.StoredEntry;
import dev.gleaner.store.SubscriptionState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Removes retired subscriptions for good: their posts, then their rows in the store (entries and the
 * site's memo of them go with them); the next site build removes their pages.
 *
 * <p>Posts go first, so a prune killed half-way leaves rows whose files are partly gone, and pruning
 * again finishes the job; never files the store has forgotten.
 */
public final class Pruning {
    private final Store store;
    private final PostsFolder folder;

    public Pruning(Store store, Path postsDir) {
        this.store = Objects.requireNonNull(store, "store");
        this.folder = new PostsFolder(Objects.requireNonNull(postsDir, "postsDir"));
    }

    /**
     * What a prune removed of one subscription.
     *
     * @param path its category path
     * @param posts post files deleted
     * @param entries items forgotten
     */
    public record Pruned(String path, int posts, int entries) {
    }

    /** The retired subscriptions at or below {@code prefix}, which {@link #prune} would remove. */
    public List<SubscriptionState> retiredUnder(CategoryPath prefix) {
        return store.subscriptions().all().stream()
                .filter(state -> state.retired() && CategoryPath.parse(state.path()).startsWith(prefix))
                .toList();
    }

    /**
     * Removes the retired subscriptions at or below {@code prefix}.
     *
     * @throws IOException when a post cannot be deleted; what was pruned before stays pruned
     */
    public List<Pruned> prune(CategoryPath prefix) throws IOException {
        List<Pruned> pruned = new ArrayList<>();
        for (SubscriptionState state : retiredUnder(prefix)) {
            List<StoredEntry> entries = store.entries().ofSubscription(state.id());
            int posts = 0;
            for (StoredEntry entry : entries) {
                if (entry.postPath().isPresent()) {
                    Path file = folder.resolve(entry.postPath().get());
                    boolean existed = java.nio.file.Files.exists(file);
                    folder.delete(entry.postPath().get());
                    posts += existed ? 1 : 0;
                }
            }
            store.subscriptions().delete(state.id());
            pruned.add(new Pruned(state.path(), posts, entries.size()));
        }
        return pruned;
    }
}
