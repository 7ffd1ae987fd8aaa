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
 *
 * @param html the body, its images loading lazily
 * @param leadText the start of its text, entities decoded and white space folded: at least
 *     {@code textWanted} characters when the body has that many
 * @param firstImage the address of its first image
 */
record PageBody(String html, String leadText, Optional<String> firstImage) {
    private static final Pattern FIRST_IMAGE_SRC = Pattern.compile("<img\\b[^>]*?\\ssrc=\"([^\"]*)\"");

    /** The page body of {@code sanitized}, which must come from {@code HtmlSanitizer}. */
    static PageBody of(String sanitized, int textWanted) {
        String html = sanitized.replace("<img ", "<img loading=\"lazy\" ").replace("<img>", "<img loading=\"lazy\">");
        Matcher image = FIRST_IMAGE_SRC.matcher(sanitized);
        Optional<String> first = Optional.empty();
        if (image.find()) {
            String src = Parser.unescapeEntities(image.group(1), true).strip();
            first = src.isEmpty() ? Optional.empty() : Optional.of(src);
        }
        return new PageBody(html, leadText(sanitized, textWanted), first);
    }

    /** The text of the body's start; a list shows a line of it, so the rest is never read. */
    private static String leadText(String sanitized, int wanted) {
        StringBuilder raw = new StringBuilder();
        int at = 0;
        int budget = Math.max(64, wanted * 3);
        while (true) {
            at = appendText(sanitized, at, raw, budget);
            String text = SiteText.oneLine(Parser.unescapeEntities(raw.toString(), false));
            if (at >= sanitized.length() || text.codePointCount(0, text.length()) > wanted) {
                return text;
            }
            budget *= 2;
        }
    }

    /** Appends the text outside tags from {@code from} until {@code raw} holds {@code budget} characters. */
    private static int appendText(String html, int from, StringBuilder raw, int budget) {
        int at = from;
        while (at < html.length() && raw.length() < budget) {
            char c = html.charAt(at);
            if (c == '<') {
                int close = html.indexOf('>', at);
                at = close < 0 ? html.length() : close + 1;
                // A tag ends a word: paragraphs must not run together.
                raw.append(' ');
            } else {
                raw.append(c);
                at++;
            }
        }
        return at;
    }
}
