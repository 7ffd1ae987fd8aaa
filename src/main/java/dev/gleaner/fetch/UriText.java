package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;

/**
 * Turns URL text as people and servers write it into a {@link URI}, percent-encoding once.
 *
 * <p>Feed URLs and RSSHub routes are often written with Chinese or Japanese text, spaces or a
 * stray {@code %} ({@code rsshub://eventernote/actors/三森すずこ/2634}), while others arrive already
 * encoded ({@code rsshub://huxiu/search/%E8%8B%B9%E6%9E%9C}). Both must reach the server encoded
 * exactly once: characters a URI cannot hold are encoded, and {@code %XX} escapes are kept as they
 * are. The scheme and authority are left alone, so an IPv6 literal keeps its brackets.
 */
final class UriText {
    private static final String ALLOWED_PUNCTUATION = "-._~!$&'()*+,;=:@/?";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriText() {
    }

    /** A URI from text a person wrote, whose non-ASCII characters are encoded as UTF-8. */
    static URI parse(String text) throws URISyntaxException {
        return new URI(encode(text, UTF_8));
    }

    /**
     * A URI from a header value such as {@code Location}. The HTTP client reads header bytes as
     * ISO-8859-1, so a server that sends raw UTF-8 is recovered byte for byte by encoding each
     * character back to the byte it came from.
     */
    static URI parseHeader(String value) throws URISyntaxException {
        boolean singleBytes = value.chars().allMatch(c -> c <= 0xFF);
        return new URI(encode(value, singleBytes ? ISO_8859_1 : UTF_8));
    }

    private static String encode(String text, Charset charset) {
        int start = afterAuthority(text);
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, start);
        boolean inFragment = false;
        for (int i = start; i < text.length(); ) {
            int c = text.codePointAt(i);
            int length = Character.charCount(c);
            if (c == '#' && !inFragment) {
                inFragment = true;
                out.append('#');
            } else if (c == '%' && isEscape(text, i)) {
                out.append(text, i, i + 3);
                length = 3;
            } else if (isAllowed(c)) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(charset)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            i += length;
        }
        return out.toString();
    }

    /** Where the path begins: after {@code scheme://authority} or {@code //authority}, else 0. */
    private static int afterAuthority(String text) {
        int authority;
        if (text.startsWith("//")) {
            authority = 2;
        } else {
            int separator = text.indexOf("://");
            if (separator < 1 || !isScheme(text.substring(0, separator))) {
                return 0;
            }
            authority = separator + 3;
        }
        for (int i = authority; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isScheme(String text) {
        if (!isAsciiLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isEscape(String text, int percent) {
        return percent + 2 < text.length() && isHexDigit(text.charAt(percent + 1)) && isHexDigit(text.charAt(percent + 2));
    }

    private static boolean isAllowed(int c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
    }

    // Character.isLetterOrDigit and Character.digit accept far more than ASCII (full-width digits
    // among them), which a URI does not
    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
