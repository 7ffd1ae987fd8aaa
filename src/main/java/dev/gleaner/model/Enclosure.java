package dev.gleaner.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A file attached to an entry (RSS {@code enclosure}, Atom {@code link rel="enclosure"}, JSON Feed
 * {@code attachments}).
 *
 * @param url absolute URL of the file
 * @param type media type, or empty when the feed does not say
 * @param length size in bytes, when the feed says
 */
public record Enclosure(String url, String type, OptionalLong length) {
    public Enclosure {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(length, "length");
    }
}
