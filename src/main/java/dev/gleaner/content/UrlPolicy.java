package dev.gleaner.content;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a URL in an attribute may stay, and writes it absolute.
 *
 * <p>The value is read as a browser reads it: tabs and line breaks anywhere are ignored, and
 * control characters and spaces at either end are trimmed, so {@code "\u000e java\tscript:"} is
 * seen as the {@code javascript:} it is. A URL with a scheme stays only if its kind allows the
 * scheme; one whose first segment holds a colon but no scheme a browser would accept is refused,
 * as it means nothing safe. A relative URL is resolved against the base; where that gives no
 * allowed absolute URL (no base, or a {@code file:} one) it stays relative.
 *
 * <p>Stateless and thread-safe.
 */
enum UrlPolicy {
    /** Where a link goes ({@code <a href>}, {@code <area href>}, {@code cite}). */
    LINK(Set.of("http", "https", "mailto", "tel", "ftp")),
    /** What a page loads by itself: media sources, posters, backgrounds. */
    MEDIA(Set.of("http", "https")),
    /** An image's source: also an inline {@code data:} image of a raster type. */
    IMAGE(Set.of("http", "https", "data"));

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern DATA_IMAGE =
            Pattern.compile("^data:image/(?:png|gif|jpeg|jpg|webp|avif|bmp|x-icon|vnd\\.microsoft\\.icon)[;,].*",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Set<String> schemes;

    UrlPolicy(Set<String> schemes) {
        this.schemes = schemes;
    }

    /**
     * The value to write for the URL {@code raw}, or empty if the attribute must go.
     *
     * @param raw the attribute's value, entities already decoded
     * @param resolver makes a relative URL absolute; gives the empty string where it cannot
     */
    Optional<String> check(String raw, Resolver resolver) {
        String url = normalized(raw);
        if (url.isEmpty()) {
            // An empty URL means this page itself: it neither loads nor runs anything.
            return Optional.of("");
        }
        Optional<String> scheme = scheme(url);
        if (scheme.isPresent() ? !allows(scheme.get(), url) : hasColonBeforePath(url)) {
            return Optional.empty();
        }
        if (isCanonicalWebUrl(url)) {
            // Already in the one form the resolver would write: resolving it again costs a regex per link.
            return Optional.of(url);
        }
        // Other absolute URLs go through the resolver too, which writes them in one canonical form.
        String absolute = resolver.resolve(url);
        Optional<String> resolvedScheme = scheme(absolute);
        if (resolvedScheme.isPresent() && allows(resolvedScheme.get(), absolute)) {
            return Optional.of(absolute);
        }
        return Optional.of(url);
    }

    private boolean allows(String scheme, String url) {
        if (!schemes.contains(scheme)) {
            return false;
        }
        return !scheme.equals("data") || DATA_IMAGE.matcher(url).matches();
    }

    /** {@code raw} as the URL parser of a browser sees it. */
    static String normalized(String raw) {
        StringBuilder url = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                url.append(c);
            }
        }
        int start = 0;
        int end = url.length();
        while (start < end && url.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && url.charAt(end - 1) <= ' ') {
            end--;
        }
        return url.substring(start, end);
    }

    private static Optional<String> scheme(String url) {
        Matcher matcher = SCHEME.matcher(url);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * Whether {@code url} is an absolute http(s) URL, lower-case scheme, of plain printable ASCII
     * that needs no escaping: the form resolution would give it anyway.
     */
    private static boolean isCanonicalWebUrl(String url) {
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '\\' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{'
                    || c == '}' || c == '|' || c == '^') {
                return false;
            }
        }
        int hostStart = url.indexOf("//") + 2;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String host = url.substring(hostStart, hostEnd);
        return !host.isEmpty() && host.equals(host.toLowerCase(Locale.ROOT)) && !host.contains("@");
    }

    /** A colon in the first segment of a URL without a valid scheme: not a relative URL. */
    private static boolean hasColonBeforePath(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return true;
            }
            if (c == '/' || c == '?' || c == '#') {
                return false;
            }
        }
        return false;
    }

    /** Makes a relative URL absolute against some base. */
    @FunctionalInterface
    interface Resolver {
        /** {@code relative} made absolute, or the empty string where it cannot be. */
        String resolve(String relative);

        /** Resolves nothing: every relative URL stays relative. */
        Resolver NONE = relative -> "";
    }
}
