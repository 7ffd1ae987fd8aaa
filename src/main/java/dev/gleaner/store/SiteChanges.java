package dev.gleaner.store;

import dev.gleaner.model.EntryKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed on the site's side of the store since its last build, as the store's triggers noted it.
 *
 * @param upTo the last change read; the build that reads these forgets them up to here when it is recorded
 * @param everything whether more than single entries changed (a subscription's path or address, or
 *     more changes than are worth reading one by one): then the whole site must be rendered
 * @param entries the entries that changed, each once, with where the site listed it before; empty when {@code everything}
 */
public record SiteChanges(long upTo, boolean everything, List<Change> entries) {
    public SiteChanges {
        entries = List.copyOf(entries);
    }

    /**
     * One entry that changed: added, edited, moved, hidden or deleted.
     *
     * @param key the entry
     * @param oldSubscription its subscription at the last build, when the site showed it then
     * @param oldOrder where the site listed it at the last build, when it showed it then
     */
    public record Change(EntryKey key, Optional<Long> oldSubscription, Optional<Long> oldOrder) {
        public Change {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(oldSubscription, "oldSubscription");
            Objects.requireNonNull(oldOrder, "oldOrder");
        }
    }
}
