package dev.gleaner.store;

import dev.gleaner.fetch.Validators;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store knows of one subscription: what to send back on the next fetch, and its health.
 *
 * @param id the store's number for it
 * @param path its category path, {@code 社交媒体/知乎/知乎热榜}
 * @param url the URL it was last configured with
 * @param keySeed what its entries' keys are made from: the path it was first stored at, kept when it moves
 * @param retiredAt when it left the configuration; empty while the configuration declares it
 * @param memo what the last successful fetch left for the next one
 * @param health how it has been doing and when it is next due
 */
public record SubscriptionState(long id, String path, String url, String keySeed, Optional<Instant> retiredAt,
        FetchMemo memo, Health health) {

    public SubscriptionState {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keySeed, "keySeed");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(health, "health");
    }

    /** A subscription the store has not seen yet: never fetched, due now. */
    public static SubscriptionState unknown(String path, String url) {
        return new SubscriptionState(0, path, url, path, Optional.empty(), FetchMemo.NONE, Health.NEVER_FETCHED);
    }

    /** The validators to send back on the next fetch. */
    public Validators validators() {
        return memo.validators();
    }

    /** Whether it has left the configuration. */
    public boolean retired() {
        return retiredAt.isPresent();
    }
}
