package dev.gleaner.parse;

import java.util.Objects;
import java.util.Optional;

/**
 * The raw bytes of a feed and what is known about them before parsing.
 *
 * @param source the URL the bytes came from: named in errors, and the base for relative links
 * @param body the bytes, decompressed
 * @param charset the charset the server named in {@code Content-Type}, if any
 */
public record FeedDocument(String source, byte[] body, Optional<String> charset) {
    public FeedDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(charset, "charset");
    }
}
