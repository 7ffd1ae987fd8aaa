package dev.gleaner.parse;

import dev.gleaner.model.Feed;

/**
 * Reads a feed document of any supported format into a {@link Feed}. The format is detected from
 * the content, not from a file name or media type.
 *
 * <pre>{@code
 * Feed feed = FeedParser.standard().parse(new FeedDocument(url, bytes, Optional.of("utf-8")));
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface FeedParser {

    /**
     * Parses one document.
     *
     * @throws FeedParseException when no feed can be recovered from it
     */
    Feed parse(FeedDocument document) throws FeedParseException;

    /** The parser for RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1, on a hardened XML reader. */
    static FeedParser standard() {
        return new DetectingFeedParser();
    }
}
