package dev.gleaner.fetch;

import java.util.Objects;

/**
 * What to fetch: a URL and the validators of the last fetch.
 *
 * @param url an {@code http(s):}, {@code file:} or {@code rsshub://ROUTE} URL
 * @param validators what the last successful fetch of this URL returned
 */
public record FetchRequest(String url, Validators validators) {
    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(validators, "validators");
    }

    /** A first fetch of {@code url}, with no validators. */
    public static FetchRequest of(String url) {
        return new FetchRequest(url, Validators.NONE);
    }
}
