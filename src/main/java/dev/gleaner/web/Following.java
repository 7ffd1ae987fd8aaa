package dev.gleaner.web;

import dev.gleaner.config.OpmlTree;
import dev.gleaner.config.Subscription;
import dev.gleaner.model.FeedUrl;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionConflictException;
import dev.gleaner.store.SubscriptionState;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Following feeds from the web, for the reader's pages and the Miniflux API alike: what a URL typed in
 * may be, and feeds added or imported made due at once, the poller woken to fetch them.
 */
final class Following {
    /** Feeds imported, and those of the file left out as already followed, each with why. */
    record Imported(List<SubscriptionState> added, List<String> leftOut) {
        Imported {
            added = List.copyOf(added);
            leftOut = List.copyOf(leftOut);
        }
    }

    private final Store store;
    private final InstantSource clock;
    private final Runnable wake;

    /** @param wake tells the poller, if this process has one, that subscriptions were made due */
    Following(Store store, InstantSource clock, Runnable wake) {
        this.store = store;
        this.clock = clock;
        this.wake = wake;
    }

    /**
     * Whether a URL typed into a page or sent to an API may be followed: the web and RSSHub routes only,
     * never the server's own files; where it leads is still checked by the fetcher's address guard.
     */
    static boolean isWebAddress(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("rsshub://"))
                && FeedUrl.tryParse(url.strip()).filter(parsed -> parsed.kind() != FeedUrl.Kind.FILE).isPresent();
    }

    /**
     * Follows a feed, due at once.
     *
     * @throws SubscriptionConflictException when its URL or its path is followed already
     */
    SubscriptionState add(Subscription subscription) throws SubscriptionConflictException {
        List<String> conflicts = new ArrayList<>();
        if (store.subscriptions().notFollowed(List.of(subscription), conflicts).isEmpty()) {
            throw new SubscriptionConflictException(String.join("; ", conflicts));
        }
        SubscriptionState added = store.subscriptions().add(subscription, clock.instant());
        store.subscriptions().dueNow(Optional.of(added.id()), clock.instant());
        wake.run();
        return added;
    }

    /**
     * Follows what an OPML file lists and is not followed yet, all due at once.
     *
     * @throws SubscriptionConflictException when the file's feeds clash among themselves; nothing is imported
     */
    Imported importTree(OpmlTree tree) throws SubscriptionConflictException {
        List<String> leftOut = new ArrayList<>();
        List<Subscription> adding = store.subscriptions().notFollowed(tree.subscriptions(), leftOut);
        List<SubscriptionState> added = store.subscriptions().addAll(adding, clock.instant());
        added.forEach(state -> store.subscriptions().dueNow(Optional.of(state.id()), clock.instant()));
        wake.run();
        return new Imported(added, leftOut);
    }
}
