package dev.gleaner.store;

import dev.gleaner.fetch.Validators;
import java.util.Objects;
import java.util.Optional;

/**
 * What a subscription's last successful fetch left to remember for the next one.
 *
 * @param validators ETag and Last-Modified to send back
 * @param bodyHash SHA-256 of the last body, to spot a server that ignores validators
 * @param instance the RSSHub instance that answered, to try first next time
 */
public record FetchMemo(Validators validators, Optional<String> bodyHash, Optional<String> instance) {
    /** Nothing remembered: a first fetch. */
    public static final FetchMemo NONE = new FetchMemo(Validators.NONE, Optional.empty(), Optional.empty());

    public FetchMemo {
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(bodyHash, "bodyHash");
        Objects.requireNonNull(instance, "instance");
    }

    /** A memo of validators alone. */
    public static FetchMemo of(Validators validators) {
        return new FetchMemo(validators, Optional.empty(), Optional.empty());
    }
}
