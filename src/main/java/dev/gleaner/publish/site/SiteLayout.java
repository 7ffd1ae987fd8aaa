package dev.gleaner.publish.site;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each page of the site lives: its file, relative to the output folder, and its address.
 * Every list (the front page, a category, a month) has its newest page at {@code index.html} of its
 * folder and older pages at {@code page/N/index.html}; items live at {@code item/KEY.html}.
 */
final class SiteLayout {
    static final String INDEX = "index.html";
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private final Map<String, String> linkForms = new ConcurrentHashMap<>();
    private final String basePath;
    private final String origin;

    SiteLayout(URI siteUrl) {
        this.basePath = siteUrl.getRawPath();
        String text = siteUrl.toString();
        this.origin = text.substring(0, text.length() - basePath.length());
    }

    /** The file of page {@code page} (0 for the newest) of the list whose folder is {@code folder}. */
    static String listPage(String folder, int page) {
        return folder + (page == 0 ? INDEX : "page/" + page + "/" + INDEX);
    }

    /** The folder of a list: empty for the site, {@code c/A/B/} for a category. */
    static String folder(List<String> segments) {
        StringBuilder folder = new StringBuilder();
        for (String segment : segments) {
            folder.append(segment).append('/');
        }
        return folder.toString();
    }

    private static final String ITEM_FOLDER = "item/";
    private static final String ITEM_SUFFIX = ".html";

    /** The file of the page of the item with {@code key}. */
    static String item(String key) {
        return ITEM_FOLDER + key + ITEM_SUFFIX;
    }

    /** The key of the item whose page is {@code file}, if it is an item's page. */
    static Optional<String> itemKey(String file) {
        return file.startsWith(ITEM_FOLDER) && file.endsWith(ITEM_SUFFIX)
                && file.indexOf('/', ITEM_FOLDER.length()) < 0
                ? Optional.of(file.substring(ITEM_FOLDER.length(), file.length() - ITEM_SUFFIX.length()))
                : Optional.empty();
    }

    /**
     * The path part of a file's address, as links on the site write it: letters of any script stay
     * as they are (a browser encodes them when it asks; encoded, a Chinese name takes three times
     * the bytes on every list page), everything else that is not plain is percent-encoded.
     */
    String href(String file) {
        String path = pathOf(file);
        // Category folders come up on every list page, in every item's source link.
        return basePath + (isPlain(path) ? path : linkForms.computeIfAbsent(path, SiteLayout::encodeForLinks));
    }

    /** The absolute address of a file, every byte outside ASCII encoded, as feeds and the sitemap write it. */
    String absolute(String file) {
        String path = pathOf(file);
        return origin + basePath + (isPlain(path) ? path : encode(path));
    }

    private static String pathOf(String file) {
        return file.endsWith(INDEX) ? file.substring(0, file.length() - INDEX.length()) : file;
    }

    private static String encodeForLinks(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (int i = 0; i < path.length(); ) {
            int c = path.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c == '/' || (c < 0x80 && UNRESERVED.indexOf(c) >= 0) || (c >= 0x80 && Character.isLetterOrDigit(c))) {
                out.appendCodePoint(c);
            } else {
                out.append(encode(path.substring(i, next)));
            }
            i = next;
        }
        return out.toString();
    }

    // Most addresses (item pages, numbered pages, assets) need no encoding; checking is cheaper than encoding.
    private static boolean isPlain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 0x80 || !PLAIN[c]) {
                return false;
            }
        }
        return true;
    }

    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        PLAIN['/'] = true;
        for (char c : UNRESERVED.toCharArray()) {
            PLAIN[c] = true;
        }
    }

    /** Percent-encodes each segment of {@code path} as UTF-8, keeping the slashes. */
    static String encode(String path) {
        if (isPlain(path)) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || (c < 0x80 && UNRESERVED.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
