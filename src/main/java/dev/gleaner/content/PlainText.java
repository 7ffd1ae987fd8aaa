package dev.gleaner.content;

import org.jsoup.Jsoup;

/** The text a reader sees in a piece of HTML, without its markup: what search looks through. */
public final class PlainText {
    private PlainText() {
    }

    /** The text of {@code html}, its whitespace collapsed. */
    public static String of(String html) {
        return Jsoup.parseBodyFragment(html).text();
    }
}
