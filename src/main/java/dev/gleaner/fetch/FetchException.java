package dev.gleaner.fetch;

/** A feed could not be fetched; the message names the URL and the reason. */
public final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String reason;

    FetchException(String url, String reason) {
        this(url, reason, null);
    }

    FetchException(String url, String reason, Throwable cause) {
        super(url + ": " + reason, cause);
        this.url = url;
        this.reason = reason;
    }

    /** The URL that failed. */
    public String url() {
        return url;
    }

    /** Why it failed, in a few words, without the URL: {@code HTTP 404 Not Found}. */
    public String reason() {
        return reason;
    }
}
