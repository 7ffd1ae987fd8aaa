package dev.gleaner.parse;

/** A document from which no feed could be recovered; the message names the source and says why. */
public final class FeedParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    FeedParseException(String source, String reason) {
        this(source, reason, null);
    }

    FeedParseException(String source, String reason, Throwable cause) {
        super("could not parse feed " + source + ": " + reason, cause);
        this.reason = reason;
    }

    /** Why, in a few words, without the source: {@code not well-formed XML at line 3: …}. */
    public String reason() {
        return reason;
    }
}
