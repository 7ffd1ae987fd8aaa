package dev.gleaner.publish;

import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes strings as YAML scalars that every YAML parser (1.1 and 1.2) reads back as exactly the same
 * string, and that cannot end a front matter or add a key.
 */
final class YamlScalars {
    private static final Resolver RESOLVER = new Resolver();
    // YAML 1.2 core schema numbers that the 1.1 resolver does not know (js-yaml, which Hexo uses, reads them;
    // it also takes a sign before 0o, so +0o17 is 15 to Hexo).
    private static final Pattern YAML12_NUMBER = Pattern.compile(
            "[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?0o[0-7]+"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    // YAML 1.1 booleans that SnakeYAML's resolver leaves out but the 1.1 type repository (and go-yaml v2) has.
    private static final Set<String> YAML11_ONE_LETTER_BOOLEANS = Set.of("y", "Y", "n", "N");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlScalars() {
    }

    /** {@code value} plain where a plain scalar reads back the same, double-quoted otherwise. */
    static String plainOrQuoted(String value) {
        return isSafePlain(value) ? value : doubleQuoted(value);
    }

    /** {@code value} in single quotes, as the original site wrote titles and image URLs. */
    static String singleQuoted(String value) {
        if (!isPrintableOneLine(value)) {
            return doubleQuoted(value);
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** {@code value} in double quotes, every character that could be misread escaped. */
    static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    // Hex from here: parsers differ on the named escapes of NEL, LS, PS (snakeyaml-engine lacks L, P).
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                        out.append(String.format("\\x%02X", c));
                    } else if (c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF
                            || (c >= 0xD800 && c <= 0xDFFF)) {
                        // On the code point: (char) c of an astral character such as U+2D800 looks like a surrogate.
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean isSafePlain(String value) {
        if (value.isEmpty() || !isPrintableOneLine(value) || value.indexOf('\t') >= 0) {
            return false;
        }
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        if (INDICATORS.indexOf(first) >= 0 || first == ' ' || last == ' ' || last == ':') {
            return false;
        }
        if (value.contains(": ") || value.contains(" #") || value.contains("---") || value.contains("...")) {
            return false;
        }
        if (value.equals("~") || value.equals("<<") || value.equals("=") || YAML11_ONE_LETTER_BOOLEANS.contains(value)
                || YAML12_NUMBER.matcher(value).matches()) {
            return false;
        }
        return RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR);
    }

    private static boolean isPrintableOneLine(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            boolean printable = c == '\t' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!printable || c == 0x2028 || c == 0x2029) {
                return false;
            }
        }
        return true;
    }
}
