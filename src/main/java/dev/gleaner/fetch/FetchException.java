package dev.gleaner.fetch;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A feed could not be fetched; the message names the URL and the reason.
 *
 * <p>Besides the reason, a failure carries what a scheduler needs to space out the next attempt:
 * the HTTP status, how long the server asked to be left alone ({@code Retry-After} on a 429 or
 * 503), and whether the feed is gone for good (410).
 */
public final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String reason;
    private final int status;
    private final @Nullable Duration retryAfter;
    private final boolean permanent;

    FetchException(String url, String reason) {
        this(url, reason, null);
    }

    FetchException(String url, String reason, @Nullable Throwable cause) {
        this(url, reason, -1, null, false, cause);
    }

    private FetchException(String url, String reason, int status, @Nullable Duration retryAfter, boolean permanent,
            @Nullable Throwable cause) {
        super(url + ": " + reason, cause);
        this.url = url;
        this.reason = reason;
        this.status = status;
        this.retryAfter = retryAfter;
        this.permanent = permanent;
    }

    /** A server's refusal with this status; 410 Gone is permanent. */
    static FetchException ofStatus(String url, String reason, int status, Optional<Duration> retryAfter) {
        return new FetchException(url, reason, status, retryAfter.orElse(null), status == 410, null);
    }

    /** A failure with these hints, whatever the status. */
    static FetchException withHints(String url, String reason, OptionalInt status, Optional<Duration> retryAfter,
            boolean permanent) {
        return new FetchException(url, reason, status.orElse(-1), retryAfter.orElse(null), permanent, null);
    }

    /**
     * This failure told of {@code shownUrl}, its reason passed through {@code hiding}: an RSSHub
     * instance's key must not reach a message, a log or the store.
     */
    FetchException shownAs(String shownUrl, java.util.function.UnaryOperator<String> hiding) {
        return new FetchException(shownUrl, hiding.apply(reason), status, retryAfter, permanent, getCause());
    }

    /** The URL that failed. */
    public String url() {
        return url;
    }

    /** Why it failed, in a few words, without the URL: {@code HTTP 404 Not Found}. */
    public String reason() {
        return reason;
    }

    /** The HTTP status the server answered with, when the failure is a server's answer. */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** How long the server asked to wait before the next attempt ({@code Retry-After} on a 429 or 503). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the server said the feed is gone for good (410 Gone); a scheduler should stop polling it often. */
    public boolean permanent() {
        return permanent;
    }
}
