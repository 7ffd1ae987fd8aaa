package dev.gleaner.parse;

import org.jsoup.Jsoup;

/** Turns the text fields of feeds into plain text, and plain text into HTML. */
final class HtmlText {
    private HtmlText() {
    }

    /**
     * Plain text of a field that may hold markup or entities (an RSS title often does): tags are
     * dropped, entities decoded and white space folded. Text with neither is only trimmed.
     */
    static String plain(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return text.strip();
        }
        return Jsoup.parseBodyFragment(text).body().text().strip();
    }

    /** Plain text made safe to stand as HTML. */
    static String escape(String text) {
        return XmlText.escapeHtml(text);
    }
}
