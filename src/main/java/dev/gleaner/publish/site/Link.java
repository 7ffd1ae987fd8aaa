package dev.gleaner.publish.site;

import java.util.Objects;

/**
 * A link as a template shows it.
 *
 * @param text what the reader sees
 * @param href where it goes, already encoded
 */
public record Link(String text, String href) {
    public Link {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(href, "href");
    }
}
