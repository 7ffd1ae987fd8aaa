package dev.gleaner.parse;

import java.util.Locale;
import java.util.Map;

/**
 * The other spellings feeds give the namespaces we read, and iTunes' element names in other
 * letter cases, brought to the one spelling the format readers look for.
 */
final class NamespaceAliases {
    private static final Map<String, String> NAMESPACES = Map.of(
            "http://purl.org/rss/1.0/modules/content", Namespaces.CONTENT,
            "https://purl.org/rss/1.0/modules/content/", Namespaces.CONTENT,
            "http://www.purl.org/rss/1.0/modules/content/", Namespaces.CONTENT,
            Namespaces.MEDIA_OLD, Namespaces.MEDIA,
            "https://search.yahoo.com/mrss/", Namespaces.MEDIA,
            "http://purl.org/dc/elements/1.1", Namespaces.DC);

    /** iTunes' elements by their name in lower case. */
    private static final Map<String, String> ITUNES_NAMES = Map.ofEntries(
            Map.entry("author", "author"), Map.entry("block", "block"), Map.entry("category", "category"),
            Map.entry("complete", "complete"), Map.entry("duration", "duration"), Map.entry("email", "email"),
            Map.entry("episode", "episode"), Map.entry("episodetype", "episodeType"),
            Map.entry("explicit", "explicit"), Map.entry("image", "image"), Map.entry("keywords", "keywords"),
            Map.entry("name", "name"), Map.entry("new-feed-url", "new-feed-url"), Map.entry("owner", "owner"),
            Map.entry("season", "season"), Map.entry("subtitle", "subtitle"), Map.entry("summary", "summary"),
            Map.entry("title", "title"), Map.entry("type", "type"));

    private NamespaceAliases() {
    }

    /** The spelling the readers use for namespace {@code uri}. */
    static String namespace(String uri) {
        String known = NAMESPACES.get(uri);
        if (known != null) {
            return known;
        }
        // iTunes' namespace went about in several letter cases, Apple's own examples among them.
        if (uri.length() == Namespaces.ITUNES.length() && uri.equalsIgnoreCase(Namespaces.ITUNES)) {
            return Namespaces.ITUNES;
        }
        return uri;
    }

    /** The name the readers use for element {@code local} in namespace {@code uri} (already canonical). */
    static String localName(String uri, String local) {
        if (!uri.equals(Namespaces.ITUNES)) {
            return local;
        }
        String known = ITUNES_NAMES.get(local.toLowerCase(Locale.ROOT));
        return known == null ? local : known;
    }
}
