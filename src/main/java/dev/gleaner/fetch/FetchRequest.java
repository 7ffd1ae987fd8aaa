package dev.gleaner.fetch;

import java.util.Objects;
import java.util.Optional;

/**
 * What to fetch, and what the last fetch of it left to remember.
 *
 * <pre>{@code
 * FetchRequest next = new FetchRequest(url, last.validators(), Optional.of(last.bodyHash()), last.instance());
 * }</pre>
 *
 * @param url an {@code http(s):}, {@code file:} or {@code rsshub://ROUTE} URL
 * @param validators what the last successful fetch of this URL returned
 * @param bodyHash the {@link FetchOutcome.Fetched#bodyHash()} of the last body: a server that
 *     ignores validators and sends the same bytes again is then reported as not modified
 * @param preferredInstance the RSSHub instance that answered last time
 *     ({@link FetchOutcome#instance()}), tried first for an {@code rsshub://} route
 */
public record FetchRequest(String url, Validators validators, Optional<String> bodyHash,
        Optional<String> preferredInstance) {
    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(bodyHash, "bodyHash");
        Objects.requireNonNull(preferredInstance, "preferredInstance");
    }

    /** A fetch of {@code url} with the validators of the last one, and nothing else remembered. */
    public FetchRequest(String url, Validators validators) {
        this(url, validators, Optional.empty(), Optional.empty());
    }

    /** A first fetch of {@code url}, with no validators. */
    public static FetchRequest of(String url) {
        return new FetchRequest(url, Validators.NONE);
    }

    /** This request, remembering the hash of the last body. */
    public FetchRequest withBodyHash(String hash) {
        return new FetchRequest(url, validators, Optional.of(hash), preferredInstance);
    }

    /** This request, trying this RSSHub instance first. */
    public FetchRequest withPreferredInstance(String instance) {
        return new FetchRequest(url, validators, bodyHash, Optional.of(instance));
    }
}
