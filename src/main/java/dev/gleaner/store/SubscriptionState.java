package dev.gleaner.store;

import dev.gleaner.fetch.Validators;
import java.util.Objects;

/**
 * What the store knows of one subscription: what to send back on the next fetch, and its health.
 *
 * @param id the store's number for it
 * @param path its category path, {@code 社交媒体/知乎/知乎热榜}
 * @param url the URL it was last configured with
 * @param memo what the last successful fetch left for the next one
 * @param health how it has been doing and when it is next due
 */
public record SubscriptionState(long id, String path, String url, FetchMemo memo, Health health) {

    public SubscriptionState {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(health, "health");
    }

    /** The validators to send back on the next fetch. */
    public Validators validators() {
        return memo.validators();
    }
}
