package dev.gleaner.fetch;

import java.util.Objects;
import java.util.Optional;

/**
 * The cache validators a server gave for a feed, sent back on the next fetch so that an unchanged
 * feed costs a {@code 304 Not Modified} and nothing more, and the way this server is asked.
 *
 * @param etag the {@code ETag} header, verbatim
 * @param lastModified the {@code Last-Modified} header, verbatim
 * @param revalidation which of them to send, and how: what this server was last found to honour
 */
public record Validators(Optional<String> etag, Optional<String> lastModified, Revalidation revalidation) {
    /** No validators: the first fetch of a feed. */
    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    public Validators {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(revalidation, "revalidation");
    }

    /** Validators sent back the way that suits most servers. */
    public Validators(Optional<String> etag, Optional<String> lastModified) {
        this(etag, lastModified, Revalidation.first(etag, lastModified));
    }

    /** Validators from two header values, either of which may be absent or blank. */
    public static Validators of(String etag, String lastModified) {
        return new Validators(nonBlank(etag), nonBlank(lastModified));
    }

    /**
     * Validators from two header values, sent back the way {@code revalidation} names (the name of a
     * {@link Revalidation}, as the store keeps it); an unknown or absent name gets the usual way.
     */
    public static Validators of(String etag, String lastModified, String revalidation) {
        Validators validators = of(etag, lastModified);
        for (Revalidation way : Revalidation.values()) {
            if (way.name().equals(revalidation)) {
                return validators.askedBy(way);
            }
        }
        return validators;
    }

    /**
     * These validators, each missing one taken from {@code previous}: a 304 that repeats only its
     * ETag has not withdrawn the Last-Modified date. The way of asking stays {@code previous}'s.
     */
    public Validators or(Validators previous) {
        return new Validators(etag.or(previous::etag), lastModified.or(previous::lastModified))
                .askedBy(previous.revalidation);
    }

    /** These validators, sent back by {@code way} if it fits them, else by the usual way. */
    public Validators askedBy(Revalidation way) {
        return new Validators(etag, lastModified, way.fitting(new Validators(etag, lastModified)));
    }

    /**
     * These validators, fresh from a server's answer, sent back the way {@code sent} was: the way
     * that server was found to honour. After a fetch that sent nothing, the usual way.
     */
    public Validators askedAs(Validators sent) {
        return sent.isEmpty() ? this : askedBy(sent.revalidation);
    }

    /** Whether there is anything to send back. */
    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }

    /** The {@code If-None-Match} header to send, if any. */
    public Optional<String> ifNoneMatch() {
        return revalidation.ifNoneMatch(this);
    }

    /** The {@code If-Modified-Since} header to send, if any. */
    public Optional<String> ifModifiedSince() {
        return revalidation.ifModifiedSince(this);
    }

    /** These validators, asked the next way: the server resent an unchanged body to this one. */
    Validators askedTheNextWay() {
        return new Validators(etag, lastModified, revalidation.next(this));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
