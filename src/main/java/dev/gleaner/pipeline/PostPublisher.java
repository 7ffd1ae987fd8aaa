package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.publish.BaseUri;
import dev.gleaner.publish.HexoPostMover;
import dev.gleaner.publish.PostWriter;
import dev.gleaner.publish.PostInput;
import dev.gleaner.store.EntryStore;
import dev.gleaner.store.MovingPost;
import dev.gleaner.store.StoredEntry;
import dev.gleaner.store.SubscriptionState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the posts up to date with the store: moves the posts of subscriptions that moved, and
 * publishes queued entries, each as one post. One that fails stays queued for the next pass.
 */
public final class PostPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PostPublisher.class);
    private final EntryStore entries;
    private final PostWriter writer;
    private final HexoPostMover mover;

    public PostPublisher(EntryStore entries, PostWriter writer, HexoPostMover mover) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.mover = Objects.requireNonNull(mover, "mover");
    }

    /**
     * Moves the posts of subscriptions that moved to their new places.
     *
     * @param followed every subscription followed: the moved posts' new places
     */
    public RunSummary.Posts move(List<Subscription> followed) {
        Map<String, Subscription> byPath = byPath(followed);
        List<String> failures = new ArrayList<>();
        int moved = 0;
        for (MovingPost post : entries.moving()) {
            Subscription subscription = byPath.get(post.subscriptionPath());
            if (subscription == null) {
                continue;
            }
            try {
                if (mover.move(post, subscription.path(), subscription.author())) {
                    moved++;
                }
            } catch (IOException e) {
                failures.add(subscription.id() + ": post " + post.from() + " not moved: " + e.getMessage());
            }
        }
        return new RunSummary.Posts(0, 0, moved, failures);
    }

    /** Publishes the queued entries of one subscription, as soon as its fetch is recorded. */
    public RunSummary.Posts publish(SubscriptionState subscription) {
        return publish(entries.pending(subscription.id()), byPath(List.of(subscription.subscription())));
    }

    /**
     * Publishes the queued entries of every subscription in {@code publishing}, such as those an
     * interrupted pass left queued.
     */
    public RunSummary.Posts publish(List<Subscription> publishing) {
        return publish(entries.pending(), byPath(publishing));
    }

    private RunSummary.Posts publish(List<StoredEntry> queued, Map<String, Subscription> published) {
        List<String> failures = new ArrayList<>();
        int written = 0;
        int kept = 0;
        for (StoredEntry pending : queued) {
            Subscription subscription = published.get(pending.subscriptionPath());
            if (subscription == null) {
                continue;
            }
            try {
                switch (writer.publish(input(subscription, pending), pending.postPath())) {
                    case WRITTEN -> written++;
                    case KEPT -> kept++;
                    case UNCHANGED -> {
                        // a post an interrupted pass had already written
                    }
                }
            } catch (IOException e) {
                failures.add(subscription.id() + ": '" + pending.entry().title() + "': " + e.getMessage());
            } catch (RuntimeException e) {
                // A bug, not bad input: said loudly with its trace, and the other posts still go out.
                LOG.error("{}: '{}' not published", subscription.id(), pending.entry().title(), e);
                failures.add(subscription.id() + ": '" + pending.entry().title() + "': internal error: " + e);
            }
        }
        return new RunSummary.Posts(written, kept, 0, failures);
    }

    private static Map<String, Subscription> byPath(List<Subscription> subscriptions) {
        Map<String, Subscription> byPath = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            byPath.put(subscription.id(), subscription);
        }
        return byPath;
    }

    private static PostInput input(Subscription subscription, StoredEntry stored) {
        String base = BaseUri.of(stored.entry().link(), subscription.url().text());
        return new PostInput(subscription.path(), subscription.author(), subscription.comments(),
                subscription.image(), stored.key(), stored.entry(), stored.firstSeen(), base);
    }
}
