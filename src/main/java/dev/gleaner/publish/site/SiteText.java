package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The text rules the site's pages share: one-line titles, excerpts, links a reader may follow. */
final class SiteText {
    /** How much of an item's text a list, a feed summary or a search row shows. */
    static final int EXCERPT_CODE_POINTS = 140;

    private SiteText() {
    }

    /** The start of an item's text, cut at a character, for lists and search. */
    static String excerpt(String text) {
        String line = oneLine(text);
        if (line.codePointCount(0, line.length()) <= EXCERPT_CODE_POINTS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, EXCERPT_CODE_POINTS)).strip() + "…";
    }

    /** {@code text} on one line: controls dropped, runs of white space folded. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x2028 || c == 0x2029) {
                space = out.length() > 0;
            } else if (!Character.isISOControl(c)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** {@code link} when it is a web address, else empty: a feed's {@code javascript:} link never becomes a button. */
    static String webLink(String link) {
        String trimmed = link.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) ? oneLine(trimmed) : "";
    }

    /** Where an item comes from, as lists and search show it: the feed, and its site when the path has one. */
    static String source(CategoryPath path) {
        return path.levels().size() >= 2 ? path.name() + " · " + path.site() : path.name();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
