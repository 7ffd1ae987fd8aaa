package dev.gleaner.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings made to break front matter and file names: YAML indicators, document markers, words YAML
 * resolves to other types, every kind of line break, controls, bidi marks, the byte order mark,
 * astral characters and very long runs, mixed by a seeded {@link Random} so that every case can be
 * reproduced from its seed. Only valid Unicode: no lone surrogates.
 */
final class HostileText {
    /** Pieces that mean something to YAML, Hexo, Windows or a shell, or that look like another type. */
    private static final List<String> PARTS = List.of(
            "'", "\"", "''", "\"\"", "\\\"", "\\", "\\n", ": ", ":", "#", " #", "# ", "---", "...", "--- ", "... ",
            "{% raw %}", "{% endraw %}", "{{ }}", "{{", "}}", "{", "}", "[", "]", ",", "|", ">", "&", "*", "!", "!!str",
            "%", "@", "`", "-", "- ", "?", "? ", "<<", "=", "~", "/", "..", ".", "../../etc", "“", "”",
            "true", "True", "FALSE", "null", "NULL", "yes", "No", "on", "OFF", "y", "n",
            "1e5", "0o17", "0x1F", "0b101", "1_000", "-1", "+1", ".5", "1.", ".inf", "-.Inf", ".NaN", "12:30:45",
            "2022-05-21", "2022-05-21T06:05:19Z", "CON", "nul", "COM1", "LPT9",
            "\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\t", "\u000B", "\u000C", "\u0000", "\u007F",
            "\u202E", "\u200F", "\u200B", "\uFEFF", "\u00A0", "\u3000", "\uFFFE", "\uFFFF",
            "😀", "👨‍👩‍👧", "🇨🇳", "\uD835\uDD0A", "\uD876\uDC00", "\uD836\uDC00",
            "知乎", "知乎热榜", "社交媒体", "GameRes 游资网", "36kr", "Work type", "10月制造业PMI为49.2",
            "swoolefy 4.5.0 发布",
            "Vue: Uncaught", "a", "b", "word", " ", "  ", "\t\t");

    /** Scalars that are only dangerous on their own: YAML would resolve them to another type. */
    private static final List<String> WHOLE = List.of(
            "true", "false", "True", "TRUE", "yes", "Yes", "NO", "on", "Off", "y", "Y", "n", "N", "null", "Null", "~",
            "", "1e5", "1E5", "+1e5", "0o17", "+0o17", "0O17", "0x1F", "+0x1F", "0b101", "017", "1_000", "42", "-7", "+7",
            "3.14", ".5", "1.", "-.5",
            ".inf", "-.inf", "+.INF", ".nan", ".NaN", "12:30", "12:30:45", "1:20.5", "2022-05-21",
            "2022-05-21 06:05:19", "2022-05-21T06:05:19Z", "<<", "=", "-", "?", ":", "#", "...", "---", "|", ">",
            "*a", "&a", "!a", "%a", "@a", "`a", "'a'", "\"a\"", "[a]", "{a: b}", "a: b", "a #b", "- a", "? a",
            "CON", "con", "Nul", "COM1", "LPT9", "AUX", "PRN", "con.txt", "..", ".", "/", "\\", "../../etc");

    private final Random random;

    HostileText(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A hostile string; now and then up to 2,000 characters long. */
    String next() {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return WHOLE.get(random.nextInt(WHOLE.size()));
        }
        if (kind == 1) {
            return pick(PARTS) + WHOLE.get(random.nextInt(WHOLE.size())) + pick(PARTS);
        }
        int target = kind == 2 ? 1 + random.nextInt(2_000) : random.nextInt(40);
        StringBuilder text = new StringBuilder();
        while (text.length() < target) {
            text.append(piece());
        }
        // Cut to the target without splitting a surrogate pair.
        int end = Math.min(text.length(), Math.max(target, 1));
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** A hostile string that is not blank, as a category level must be. */
    String nextNonBlank() {
        String text = next();
        while (text.isBlank()) {
            text = next();
        }
        return text;
    }

    /** One to four non-blank category levels. */
    List<String> nextLevels() {
        int count = 1 + random.nextInt(4);
        List<String> levels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            levels.add(nextNonBlank());
        }
        return levels;
    }

    private String piece() {
        return switch (random.nextInt(10)) {
            case 0 -> codePoint(0x00, 0x20);                  // C0 controls
            case 1 -> codePoint(0x7F, 0xA0);                  // DEL and C1 controls
            case 2 -> codePoint(0x4E00, 0x9FFF);              // CJK
            case 3 -> codePoint(0x10000, 0x110000);           // astral, any plane
            case 4 -> codePoint(0x1F300, 0x1FAFF);            // emoji
            case 5 -> codePoint(0x20, 0x7F);                  // ASCII
            case 6 -> codePoint(0xA0, 0xD800);                // the rest of the BMP before the surrogates
            default -> pick(PARTS);
        };
    }

    private String codePoint(int from, int to) {
        return new String(Character.toChars(from + random.nextInt(to - from)));
    }

    private String pick(List<String> parts) {
        return parts.get(random.nextInt(parts.size()));
    }

    /** {@code text} with everything outside printable ASCII written as {@code \\u{...}}, for messages. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u{%X}", c));
            }
        });
        return out.toString();
    }
}
