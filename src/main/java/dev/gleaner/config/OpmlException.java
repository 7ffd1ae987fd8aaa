package dev.gleaner.config;

/**
 * A document that is no OPML list of feeds, or cannot be read; the message names the file and what was
 * wrong: {@code feeds.opml: not an OPML document: the root element is <html>}.
 */
public final class OpmlException extends Exception {
    private static final long serialVersionUID = 1L;

    OpmlException(String source, String problem) {
        super(source + ": " + problem);
    }

    OpmlException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
