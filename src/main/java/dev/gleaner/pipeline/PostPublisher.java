package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.publish.BaseUri;
import dev.gleaner.publish.HexoPostWriter;
import dev.gleaner.publish.PostInput;
import dev.gleaner.store.EntryStore;
import dev.gleaner.store.StoredEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Publishes the entries the store has queued, each as one post; one that fails stays queued. */
public final class PostPublisher {
    private final EntryStore entries;
    private final HexoPostWriter writer;

    public PostPublisher(EntryStore entries, HexoPostWriter writer) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * What publishing did.
     *
     * @param written files written
     * @param failures one line per entry that could not be published
     */
    record Published(int written, List<String> failures) {
    }

    /** Publishes the queued entries of the given subscriptions. */
    Published publishPending(List<Subscription> subscriptions) {
        Map<String, Subscription> byPath = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            byPath.put(subscription.id(), subscription);
        }
        int written = 0;
        List<String> failures = new ArrayList<>();
        for (StoredEntry pending : entries.pending()) {
            Subscription subscription = byPath.get(pending.subscriptionPath());
            if (subscription == null) {
                continue;
            }
            try {
                if (writer.publish(input(subscription, pending), pending.postPath())) {
                    written++;
                }
            } catch (IOException | RuntimeException e) {
                failures.add(subscription.id() + ": '" + pending.entry().title() + "': " + e.getMessage());
            }
        }
        return new Published(written, failures);
    }

    private static PostInput input(Subscription subscription, StoredEntry stored) {
        String base = BaseUri.of(stored.entry().link(), subscription.url());
        return new PostInput(subscription.path(), subscription.author(), subscription.comments(),
                subscription.image(), stored.key(), stored.entry(), stored.firstSeen(), base);
    }
}
