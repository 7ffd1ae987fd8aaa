package dev.gleaner.fetch;

import java.util.Objects;
import java.util.Optional;

/**
 * A rule of RSSHub Radar that fits a web page: the RSSHub route it offers for the page, or, when
 * the page's URL lacks a parameter the route needs, only the rule's documentation.
 *
 * @param title the rule's title, such as {@code 问题}
 * @param site the name of the site the rule belongs to ({@code _name}, such as {@code 知乎}); empty
 *     when the rules give none
 * @param docs where RSSHub documents the route; empty when the rules give none
 * @param url the route as {@code rsshub://zhihu/question/19550225}; empty when the page's URL
 *     lacks a parameter the route needs
 */
public record RadarMatch(String title, String site, String docs, Optional<String> url) {
    public RadarMatch {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(url, "url");
    }
}
