package dev.gleaner.publish.site;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * What a page shows of an item's sanitized body: the body with images that load lazily, the start
 * of its text, and its first image.
 *
 * <p>Works on the text of the sanitizer's output, without parsing it again: jsoup writes {@code <}
 * and {@code >} escaped in text and in attribute values, so in that output they only open and
 * close tags, and {@code <img} only starts an image.
 */
record PageBody(String html, String text, Optional<String> firstImage) {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern FIRST_IMAGE_SRC = Pattern.compile("<img\\b[^>]*?\\ssrc=\"([^\"]*)\"");

    /** The page body of {@code sanitized}, which must come from {@code HtmlSanitizer}. */
    static PageBody of(String sanitized) {
        String html = sanitized.replace("<img ", "<img loading=\"lazy\" ").replace("<img>", "<img loading=\"lazy\">");
        String text = Parser.unescapeEntities(TAG.matcher(sanitized).replaceAll(" "), false);
        Matcher image = FIRST_IMAGE_SRC.matcher(sanitized);
        Optional<String> first = Optional.empty();
        if (image.find()) {
            String src = Parser.unescapeEntities(image.group(1), true).strip();
            first = src.isEmpty() ? Optional.empty() : Optional.of(src);
        }
        return new PageBody(html, text, first);
    }
}
