package dev.gleaner.config;

import dev.gleaner.model.FeedUrl;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One feed the user follows, with where its posts are filed and how they are written.
 *
 * @param path where the feed sits in the category tree; also its identity
 * @param url where it is fetched from: an {@code http(s):}, {@code file:} or {@code rsshub://ROUTE} URL; a
 *     path in the configuration is already resolved to a {@code file:} URL
 * @param author the {@code author} written in each post; default: the site level of the path
 * @param limit at most this many items are taken from each fetch of the feed, when set
 * @param interval how often the feed wants to be fetched; default 30 minutes
 * @param comments the {@code comments} flag written in each post; default false
 * @param image the cover image URL template for items without an image, {@code {n}} standing for
 *     the item's stable number; default the picsum template of the original site
 * @param update whether an item whose title or body changes is written again, in its post and on the
 *     site; default false: the first version stays, so the blog does not churn
 */
public record Subscription(
        CategoryPath path,
        FeedUrl url,
        String author,
        OptionalInt limit,
        Duration interval,
        boolean comments,
        Optional<String> image,
        boolean update) {

    /** How often a feed is fetched unless its leaf says otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);

    public Subscription {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(image, "image");
    }

    /**
     * A subscription to the feed URL {@code url}.
     *
     * @throws IllegalArgumentException when {@code url} is of no kind Gleaner fetches
     */
    public Subscription(CategoryPath path, String url, String author, OptionalInt limit, Duration interval,
            boolean comments, Optional<String> image, boolean update) {
        this(path, FeedUrl.parse(url), author, limit, interval, comments, image, update);
    }

    /**
     * A subscription with every option at its default.
     *
     * @throws IllegalArgumentException when {@code url} is of no kind Gleaner fetches
     */
    public static Subscription of(CategoryPath path, String url) {
        return new Subscription(path, url, path.site(), OptionalInt.empty(), DEFAULT_INTERVAL, false,
                Optional.empty(), false);
    }

    /** A subscription to {@code url} with every option at its default. */
    public static Subscription of(CategoryPath path, FeedUrl url) {
        return new Subscription(path, url, path.site(), OptionalInt.empty(), DEFAULT_INTERVAL, false,
                Optional.empty(), false);
    }

    /** The identity of the subscription in the store and in entry keys: its category path. */
    public String id() {
        return path.toString();
    }
}
