package dev.gleaner.content;

import java.util.Objects;
import java.util.Optional;

/**
 * An HTML fragment made safe, with what a list or a search index shows of it.
 *
 * @param html the safe HTML
 * @param text the text a reader sees in it, white space folded
 * @param firstImage the absolute address of its first image, if it has one
 */
public record SanitizedHtml(String html, String text, Optional<String> firstImage) {
    public SanitizedHtml {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(firstImage, "firstImage");
    }
}
