package dev.gleaner.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a feed is fetched from, of one of the kinds Gleaner can fetch: {@code https://…}, {@code file:…} or
 * {@code rsshub://ROUTE}. Every stage that must tell the kinds apart switches over {@link #kind()}, so a new
 * kind is a compile error wherever it is not handled yet.
 */
public sealed interface FeedUrl {

    /** The kinds of feed URL. */
    enum Kind {
        /** {@code http(s):}, fetched over HTTP. */
        WEB,
        /** {@code file:}, read where files are allowed. */
        FILE,
        /** {@code rsshub://ROUTE}, fetched from the configured RSSHub instances in turn. */
        ROUTE
    }

    /** The URL as written, which is also its identity. */
    String text();

    /** Which kind of URL this is. */
    Kind kind();

    /** Parses {@code text}, or says in a message what URL was expected. */
    static FeedUrl parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "expected an http(s)://, file: or rsshub:// URL, got '" + text + "'"));
    }

    /** The feed URL {@code text} is, if it is of a kind Gleaner fetches. */
    static Optional<FeedUrl> tryParse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (scheme) {
            case "http", "https" -> new Web(text);
            case "file" -> new LocalFile(text);
            case "rsshub" -> text.startsWith(Route.PREFIX) ? new Route(text) : null;
            default -> null;
        });
    }

    /**
     * A feed on the web, fetched over HTTP(S).
     *
     * @param text the {@code http(s):} URL
     */
    record Web(String text) implements FeedUrl {
        public Web {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Kind kind() {
            return Kind.WEB;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A feed in a local file, fetched only where files are allowed.
     *
     * @param text the {@code file:} URL
     */
    record LocalFile(String text) implements FeedUrl {
        public LocalFile {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Kind kind() {
            return Kind.FILE;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * An RSSHub route, fetched from the configured RSSHub instances in turn.
     *
     * @param text {@code rsshub://} and the route, with its query if any
     */
    record Route(String text) implements FeedUrl {
        /** What every route URL starts with. */
        public static final String PREFIX = "rsshub://";

        public Route {
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException("expected rsshub://ROUTE, got '" + text + "'");
            }
        }

        /** The route itself, after {@code rsshub://}: {@code zhihu/hot}. */
        public String route() {
            return text.substring(PREFIX.length());
        }

        @Override
        public Kind kind() {
            return Kind.ROUTE;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
