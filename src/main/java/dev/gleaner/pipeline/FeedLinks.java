package dev.gleaner.pipeline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The feeds a web page announces: its {@code <link rel="alternate">} of RSS, Atom and JSON Feed
 * types, resolved against the page's URL and its {@code <base href>}.
 */
final class FeedLinks {
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/json");
    /** How much of a body is looked at to tell a web page. */
    private static final int SNIFF_BYTES = 4096;

    private FeedLinks() {
    }

    /**
     * A link of the page to a feed.
     *
     * @param href the link as written
     * @param url the link resolved to an absolute URL; empty when it cannot be
     * @param title the link's {@code title} attribute, or empty
     */
    record Link(String href, Optional<String> url, String title) {
    }

    /** Whether {@code body} is a web page: a doctype, or an {@code html}, {@code head} or {@code body} tag. */
    static boolean isWebPage(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return start.contains("<!doctype html") || start.contains("<html") || start.contains("<head")
                || start.contains("<body");
    }

    /**
     * The feed links of the page {@code body} that {@code pageUrl} answered with, in document order,
     * each URL once.
     *
     * @param charset the charset the server named, if any; else the page's own declaration or UTF-8
     */
    static List<Link> of(byte[] body, Optional<String> charset, String pageUrl) {
        Document page;
        try {
            // jsoup takes the charset from a byte-order mark or <meta charset> when none is named,
            // and takes <base href> as the base of relative links.
            page = Jsoup.parse(new ByteArrayInputStream(body), charset.orElse(null), pageUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("a page in memory cannot fail to read", e);
        }
        List<Link> links = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element link : page.select("link[href]")) {
            if (!isFeedLink(link)) {
                continue;
            }
            String href = link.attr("href").strip();
            String absolute = link.absUrl("href");
            String key = absolute.isEmpty() ? href : absolute;
            // WordPress links its REST API as application/json: that is no feed.
            if (href.isEmpty() || absolute.contains("/wp-json/") || seen.contains(key)) {
                continue;
            }
            seen.add(key);
            links.add(new Link(href, absolute.isEmpty() ? Optional.empty() : Optional.of(absolute),
                    link.attr("title").strip()));
        }
        return List.copyOf(links);
    }

    private static boolean isFeedLink(Element link) {
        boolean alternate = Arrays.stream(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"))
                .anyMatch("alternate"::equals);
        String type = link.attr("type").toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        return alternate && FEED_TYPES.contains((parameters < 0 ? type : type.substring(0, parameters)).strip());
    }
}
