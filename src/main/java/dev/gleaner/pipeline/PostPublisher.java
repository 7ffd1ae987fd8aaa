package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.publish.BaseUri;
import dev.gleaner.publish.HexoPostMover;
import dev.gleaner.publish.HexoPostRenderer;
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
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the posts up to date with the store: moves the posts of subscriptions that moved, and
 * publishes queued entries, each as one post. One that fails stays queued for the next pass.
 *
 * <p>Posts are rendered on the {@code rendering} executor, up to a window ahead of the one being
 * written, and written in the queue's order, a window's batch at a time (see {@link PostWriter#write}).
 */
public final class PostPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PostPublisher.class);
    private final EntryStore entries;
    private final PostWriter writer;
    private final HexoPostMover mover;
    private final Executor rendering;
    private final int window;

    /**
     * @param rendering where posts are rendered
     * @param window how many posts may be rendered ahead of the one being written, and how many are
     *     written as one batch
     */
    public PostPublisher(EntryStore entries, PostWriter writer, HexoPostMover mover, Executor rendering, int window) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.mover = Objects.requireNonNull(mover, "mover");
        this.rendering = Objects.requireNonNull(rendering, "rendering");
        this.window = window;
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
        List<Queued> publishing = new ArrayList<>();
        for (StoredEntry pending : queued) {
            Subscription subscription = published.get(pending.subscriptionPath());
            if (subscription == null) {
                continue;
            }
            try {
                publishing.add(new Queued(subscription, pending, input(subscription, pending)));
            } catch (RuntimeException e) {
                failures.add(internalError(subscription, pending, e));
            }
        }
        Lookahead<Queued, HexoPostRenderer.Rendered> rendered =
                new Lookahead<>(publishing, one -> writer.render(one.input()), rendering, window);
        int written = 0;
        int kept = 0;
        for (int from = 0; from < publishing.size(); from += window) {
            List<Queued> batch = new ArrayList<>();
            List<PostWriter.Post> posts = new ArrayList<>();
            for (Queued one : publishing.subList(from, Math.min(publishing.size(), from + window))) {
                try {
                    posts.add(new PostWriter.Post(one.input(), rendered.next(), one.entry().postPath()));
                    batch.add(one);
                } catch (RuntimeException e) {
                    failures.add(internalError(one.subscription(), one.entry(), e));
                }
            }
            List<PostWriter.Written> outcomes;
            try {
                outcomes = writer.write(posts);
            } catch (RuntimeException e) {
                // The store failed: what the batch did not record as written stays queued for the next pass.
                LOG.error("{} posts not published", batch.size(), e);
                batch.forEach(one -> failures.add(describe(one.subscription(), one.entry(), e)));
                continue;
            }
            for (int i = 0; i < batch.size(); i++) {
                Queued one = batch.get(i);
                PostWriter.Written outcome = outcomes.get(i);
                if (outcome.failure() != null) {
                    failures.add(one.subscription().id() + ": '" + one.entry().entry().title() + "': "
                            + outcome.failure().getMessage());
                } else if (outcome.outcome() == PostWriter.Outcome.WRITTEN) {
                    written++;
                } else if (outcome.outcome() == PostWriter.Outcome.KEPT) {
                    kept++;
                }
                // UNCHANGED: a post an interrupted pass had already written
            }
        }
        return new RunSummary.Posts(written, kept, 0, failures);
    }

    /** A bug or a store that failed, not bad input: said loudly with its trace, and the other posts still go out. */
    private static String internalError(Subscription subscription, StoredEntry entry, RuntimeException e) {
        LOG.error("{}: '{}' not published", subscription.id(), entry.entry().title(), e);
        return describe(subscription, entry, e);
    }

    private static String describe(Subscription subscription, StoredEntry entry, RuntimeException e) {
        return subscription.id() + ": '" + entry.entry().title() + "': internal error: " + e;
    }

    /** An entry to publish, with the subscription it is published under. */
    private record Queued(Subscription subscription, StoredEntry entry, PostInput input) {
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
