package dev.gleaner.store;

import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.Validators;
import dev.gleaner.model.FeedUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store knows of one subscription: what to send back on the next fetch, and its health.
 *
 * @param id the store's number for it
 * @param subscription the subscription as last declared: its path, URL and options
 * @param origin where it was declared: the configuration file, or a command
 * @param keySeed what its entries' keys are made from: the path it was first stored at, kept when it moves
 * @param retiredAt when it left the tree (the configuration stopped declaring it, or it was removed);
 *     empty while it is followed
 * @param memo what the last successful fetch left for the next one
 * @param health how it has been doing and when it is next due
 * @param pausedAt when it was paused: no pass fetches it until it is resumed; empty while it is fetched
 */
public record SubscriptionState(long id, Subscription subscription, Origin origin, String keySeed,
        Optional<Instant> retiredAt, FetchMemo memo, Health health, Optional<Instant> pausedAt) {

    public SubscriptionState {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keySeed, "keySeed");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(pausedAt, "pausedAt");
    }

    /** A subscription the store has not seen yet: never fetched, due now. */
    public static SubscriptionState unknown(Subscription subscription) {
        return new SubscriptionState(0, subscription, Origin.CONFIG, subscription.id(), Optional.empty(),
                FetchMemo.NONE, Health.NEVER_FETCHED, Optional.empty());
    }

    /** Its category path as text, {@code 社交媒体/知乎/知乎热榜}. */
    public String path() {
        return subscription.id();
    }

    /** The URL it is fetched from. */
    public FeedUrl url() {
        return subscription.url();
    }

    /** The validators to send back on the next fetch. */
    public Validators validators() {
        return memo.validators();
    }

    /** Whether it has left the configuration. */
    public boolean retired() {
        return retiredAt.isPresent();
    }

    /** Whether it is paused. */
    public boolean paused() {
        return pausedAt.isPresent();
    }

    /** Failing for over a day first, the longest first; then everything else by path, retired ones last. */
    public static Comparator<SubscriptionState> worstFirst(Instant now) {
        return Comparator.comparing((SubscriptionState state) ->
                        state.health().failingFor(now).compareTo(Duration.ofDays(1)) < 0)
                .thenComparing(SubscriptionState::retired)
                .thenComparing(state -> state.health().failingFor(now), Comparator.reverseOrder())
                .thenComparing(SubscriptionState::path);
    }
}
