package dev.gleaner.store;

import dev.gleaner.fetch.Validators;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store knows of one subscription: its validators and its health.
 *
 * @param id the store's number for it
 * @param path its category path, {@code 社交媒体/知乎/知乎热榜}
 * @param url the URL it was last configured with
 * @param validators what to send back on the next fetch
 * @param lastAttempt when it was last fetched, successfully or not
 * @param lastSuccess when a fetch last succeeded
 * @param lastError why the last fetch failed; empty after a success
 * @param consecutiveFailures failures since the last success
 */
public record SubscriptionState(
        long id,
        String path,
        String url,
        Validators validators,
        Optional<Instant> lastAttempt,
        Optional<Instant> lastSuccess,
        String lastError,
        int consecutiveFailures) {

    public SubscriptionState {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastError, "lastError");
    }
}
