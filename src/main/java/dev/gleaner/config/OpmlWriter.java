package dev.gleaner.config;

import dev.gleaner.config.SubscriptionTree.Category;
import dev.gleaner.config.SubscriptionTree.Feed;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes subscriptions as an OPML 2.0 document, the list feed readers import and export: an outline
 * for each category level, and a feed as {@code <outline type="rss" text title xmlUrl [htmlUrl]>}.
 *
 * <pre>{@code String opml = new OpmlWriter(InstantSource.system()).write("信息流", config.subscriptions());}</pre>
 *
 * <p>The options that differ from their defaults (an author other than the site level, a limit, an
 * interval, comments, an image, updates) go in attributes of Gleaner's own namespace,
 * {@value #NAMESPACE} ({@code gleaner:interval="1h"}, the configuration's forms), so that
 * {@link OpmlReader} gives back exactly the same subscriptions and other readers pass over them.
 * {@code rsshub://ROUTE} addresses are written as they are: the document is Gleaner's own tree, and
 * other readers cannot follow them.
 *
 * <p>Levels are grouped in the order each first appears. The output is UTF-8 text (CJK as it is,
 * markup characters and line breaks escaped) and the same for the same subscriptions and instant.
 * Characters XML cannot hold at all (most control characters) are written as U+FFFD. Instances are
 * thread-safe.
 */
public final class OpmlWriter {
    /** The namespace of Gleaner's feed options on an outline. */
    public static final String NAMESPACE = "https://gleaner.dev/opml";
    private static final String INDENT = "  ";

    private final InstantSource clock;

    /** A writer that dates each document ({@code dateCreated}) by {@code clock}. */
    public OpmlWriter(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The document titled {@code title} listing {@code subscriptions}.
     *
     * @throws IllegalArgumentException when the subscriptions do not form a tree (two with one path, a feed
     *     under another) or a level has spaces around it; the message names the path
     */
    public String write(String title, List<Subscription> subscriptions) {
        return write(title, subscriptions, Map.of());
    }

    /**
     * The document titled {@code title} listing {@code subscriptions}, each feed with the web page
     * {@code htmlUrls} gives for its path, if any, as its {@code htmlUrl}.
     *
     * @throws IllegalArgumentException as {@link #write(String, List)} does
     */
    public String write(String title, List<Subscription> subscriptions, Map<CategoryPath, String> htmlUrls) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(htmlUrls, "htmlUrls");
        List<SubscriptionTree.Node> tree = SubscriptionTree.of(subscriptions);
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<opml version=\"2.0\" xmlns:gleaner=\"").append(NAMESPACE).append("\">\n");
        out.append(INDENT).append("<head>\n");
        out.append(INDENT.repeat(2)).append("<title>").append(escaped(title, false)).append("</title>\n");
        out.append(INDENT.repeat(2)).append("<dateCreated>")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)))
                .append("</dateCreated>\n");
        out.append(INDENT).append("</head>\n");
        out.append(INDENT).append("<body>\n");
        outlines(tree, 2, htmlUrls, out);
        out.append(INDENT).append("</body>\n");
        out.append("</opml>\n");
        return out.toString();
    }

    private static void outlines(List<SubscriptionTree.Node> nodes, int depth, Map<CategoryPath, String> htmlUrls,
            StringBuilder out) {
        for (SubscriptionTree.Node node : nodes) {
            out.append(INDENT.repeat(depth)).append("<outline");
            if (node instanceof Category category) {
                attribute(out, "text", category.name());
                attribute(out, "title", category.name());
                out.append(">\n");
                outlines(category.children(), depth + 1, htmlUrls, out);
                out.append(INDENT.repeat(depth)).append("</outline>\n");
            } else {
                feed(((Feed) node).subscription(), htmlUrls, out);
                out.append("/>\n");
            }
        }
    }

    private static void feed(Subscription feed, Map<CategoryPath, String> htmlUrls, StringBuilder out) {
        attribute(out, "type", "rss");
        attribute(out, "text", feed.path().name());
        attribute(out, "title", feed.path().name());
        attribute(out, "xmlUrl", feed.url().text());
        String page = htmlUrls.get(feed.path());
        if (page != null) {
            attribute(out, "htmlUrl", page);
        }
        if (!feed.author().equals(feed.path().site())) {
            attribute(out, "gleaner:author", feed.author());
        }
        feed.limit().ifPresent(limit -> attribute(out, "gleaner:limit", String.valueOf(limit)));
        if (!feed.interval().equals(Subscription.DEFAULT_INTERVAL)) {
            attribute(out, "gleaner:interval", DurationText.format(feed.interval()));
        }
        if (feed.comments()) {
            attribute(out, "gleaner:comments", "true");
        }
        feed.image().ifPresent(image -> attribute(out, "gleaner:image", image));
        if (feed.update()) {
            attribute(out, "gleaner:update", "true");
        }
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"").append(escaped(value, true)).append('"');
    }

    /**
     * {@code text} as XML character data or, with {@code attribute}, as an attribute value, its line breaks
     * and tabs escaped too: a reader turns them into spaces otherwise.
     */
    private static String escaped(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.appendCodePoint(isXmlCharacter(c) ? c : 0xFFFD);
            }
        });
        return out.toString();
    }

    private static boolean isXmlCharacter(int c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
