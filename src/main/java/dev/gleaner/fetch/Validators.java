package dev.gleaner.fetch;

import java.util.Objects;
import java.util.Optional;

/**
 * The cache validators a server gave for a feed, sent back on the next fetch so that an unchanged
 * feed costs a {@code 304 Not Modified} and nothing more.
 *
 * @param etag the {@code ETag} header, verbatim
 * @param lastModified the {@code Last-Modified} header, verbatim
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {
    /** No validators: the first fetch of a feed. */
    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    public Validators {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /** Validators from two header values, either of which may be absent or blank. */
    public static Validators of(String etag, String lastModified) {
        return new Validators(nonBlank(etag), nonBlank(lastModified));
    }

    /**
     * These validators, each missing one taken from {@code previous}: a 304 that repeats only its
     * ETag has not withdrawn the Last-Modified date.
     */
    public Validators or(Validators previous) {
        return new Validators(etag.or(previous::etag), lastModified.or(previous::lastModified));
    }

    /** Whether there is anything to send back. */
    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
