package dev.gleaner.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A key for Miniflux's clients, as the store knows it: never the key itself, only what it is for.
 *
 * @param description what the key is for, as its maker named it; unique
 * @param lastUsed when a request last signed in with it
 */
public record ApiKey(long id, String description, Instant created, Optional<Instant> lastUsed) {
    public ApiKey {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }
}
