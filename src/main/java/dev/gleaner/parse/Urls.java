package dev.gleaner.parse;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/** Resolves the relative links of a feed against its base. */
final class Urls {
    private Urls() {
    }

    /** {@code link} made absolute against {@code base}; unchanged where either is not a usable URL. */
    static String resolve(String base, String link) {
        if (link.isEmpty()) {
            return link;
        }
        try {
            URI uri = new URI(link);
            if (uri.isAbsolute()) {
                return link;
            }
            URI baseUri = new URI(base);
            return baseUri.isAbsolute() && !baseUri.isOpaque() ? baseUri.resolve(uri).toString() : link;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return link;
        }
    }

    /** The first of the candidates that is an absolute http(s) URL, else the last one. */
    static String firstAbsolute(@Nullable String preferred, String fallback) {
        if (preferred != null) {
            String trimmed = preferred.strip();
            if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
                return trimmed;
            }
        }
        return fallback;
    }
}
