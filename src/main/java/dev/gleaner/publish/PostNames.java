package dev.gleaner.publish;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The text rules of the original site for titles and file names, made safe on every file system.
 */
public final class PostNames {
    /** Longest file name written, in UTF-8 bytes, extension included. */
    static final int MAX_FILE_NAME_BYTES = 200;
    private static final String EXTENSION = ".md";
    // Device names, as Microsoft's "Naming Files, Paths, and Namespaces" lists them, superscript digits included.
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul",
            "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "com¹", "com²", "com³",
            "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "lpt¹", "lpt²", "lpt³");

    private PostNames() {
    }

    /**
     * The title written in the front matter: ASCII {@code : / \ ? * < > | [ ]} and the curly quotes
     * {@code “ ”} turned into {@code _}, line breaks and runs of white space folded to one space,
     * characters that cannot stand in text removed.
     */
    public static String title(String title) {
        StringBuilder out = new StringBuilder(title.length());
        boolean pendingSpace = false;
        for (int i = 0; i < title.length(); ) {
            int c = title.codePointAt(i);
            i += Character.charCount(c);
            if (isFoldedSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (isUnwritable(c)) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(isReplaced(c) ? '_' : c);
        }
        return out.toString();
    }

    /**
     * The file name of a post, without extension: the title with the title rules applied, {@code #},
     * {@code .} and line breaks removed, and nothing that a file system could misread.
     */
    static String fileStem(String rawTitle) {
        StringBuilder out = new StringBuilder(rawTitle.length());
        for (int i = 0; i < rawTitle.length(); ) {
            int c = rawTitle.codePointAt(i);
            i += Character.charCount(c);
            if (c == '#' || c == '.' || isDroppedFromNames(c)) {
                continue;
            }
            out.appendCodePoint(isReplaced(c) || isUnsafeInUrls(c) ? '_' : c);
        }
        return safeSegment(trimmed(out.toString()));
    }

    /** A category, site or feed name made into one safe folder name. */
    public static String directory(String level) {
        StringBuilder out = new StringBuilder(level.length());
        for (int i = 0; i < level.length(); ) {
            int c = level.codePointAt(i);
            i += Character.charCount(c);
            if (c == '#' || isDroppedFromNames(c)) {
                continue;
            }
            out.appendCodePoint(isReplaced(c) || isUnsafeInUrls(c) ? '_' : c);
        }
        // Cut before trimming, as a cut can end in a space or a dot; one byte is left for the _ of a reserved name.
        String name = safeSegment(trimmed(cut(out.toString(), MAX_FILE_NAME_BYTES - 1)));
        return name.isEmpty() ? "-" : name;
    }

    /** {@code stem} plus an optional suffix plus {@code .md}, cut so the whole stays within the limit. */
    static String fileName(String stem, String suffix) {
        int budget = MAX_FILE_NAME_BYTES - EXTENSION.length() - utf8Length(suffix);
        // Checked again after the cut: "CON" and 200 spaces would otherwise end as CON.md.
        return safeSegment(cut(stem, budget).strip()) + suffix + EXTENSION;
    }

    /**
     * {@code name} with {@code _} after its part before the first dot when Windows takes that part for a
     * device: {@code nul.tar} is the null device there, as {@code CON .txt} is the console.
     */
    private static String safeSegment(String name) {
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        return WINDOWS_RESERVED.contains(base.stripTrailing().toLowerCase(Locale.ROOT))
                ? base + "_" + name.substring(base.length()) : name;
    }

    /**
     * {@code name} without dots and white space at either end, nor {@code _} at its start: Windows drops
     * the first two, a leading dot hides a file, and Hexo skips every post whose path has a part starting
     * with {@code _} or {@code .}.
     */
    private static String trimmed(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == '_'
                || Character.isWhitespace(name.charAt(start)))) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(start, end);
    }

    /** The longest prefix of {@code text} whose UTF-8 form fits in {@code maxBytes}, never splitting a character. */
    static String cut(String text, int maxBytes) {
        if (utf8Length(text) <= maxBytes) {
            return text;
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int c = text.codePointAt(end);
            int size = utf8Length(new String(Character.toChars(c)));
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(c);
        }
        return text.substring(0, end);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isReplaced(int c) {
        return c == ':' || c == '/' || c == '\\' || c == '?' || c == '*' || c == '<' || c == '>' || c == '|'
                || c == '[' || c == ']' || c == '“' || c == '”';
    }

    /**
     * Characters that break Hexo's links when a post's path holds them: {@code %} makes its decodeURI throw
     * (the post is dropped), {@code &} starts an entity in the href the theme writes unescaped; {@code "}
     * would end that href.
     */
    private static boolean isUnsafeInUrls(int c) {
        return c == '"' || c == '%' || c == '&';
    }

    private static boolean isFoldedSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85
                || c == 0x2028 || c == 0x2029;
    }

    /** Characters no text file should hold: other controls, lone surrogates and non-characters. */
    /**
     * Characters no file or folder name gets: controls and line breaks, and the bidirectional
     * controls, with which a name can be made to read as another.
     */
    private static boolean isDroppedFromNames(int c) {
        return isUnwritable(c) || Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean isUnwritable(int c) {
        return (c < 0x20 && !isFoldedSpace(c)) || (c >= 0x7F && c <= 0x9F && c != 0x85)
                || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF;
    }
}
