package dev.gleaner.parse;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The general entities a document declares in its own DTD ({@code <!ENTITY copy "&#169;">}),
 * read for the few feeds that use them, and bounded against the entity attacks: only plain text
 * is accepted as a value (no reference to another entity, so nothing can expand twice), a value is
 * short, there are few, and the text they add to a document has a ceiling.
 */
final class InternalEntities {
    static final int MAX_ENTITIES = 64;
    static final int MAX_VALUE_LENGTH = 1_024;
    /** The characters that all expansions together may add to a document. */
    static final int MAX_EXPANDED = 256 * 1_024;

    private static final Pattern DECLARATION = Pattern.compile(
            "<!ENTITY\\s+([A-Za-z_][A-Za-z0-9._-]{0,63})\\s+(?:\"([^\"]{0,1024})\"|'([^']{0,1024})')\\s*>");
    private static final Pattern REFERENCE = Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));");

    private final Map<String, String> values;
    private int expanded;

    private InternalEntities(Map<String, String> values) {
        this.values = values;
    }

    static InternalEntities none() {
        return new InternalEntities(Map.of());
    }

    /** The entities declared in {@code subset}, the text between a DOCTYPE's brackets. */
    static InternalEntities declaredIn(String subset) {
        Map<String, String> values = new HashMap<>();
        Matcher matcher = DECLARATION.matcher(subset);
        while (matcher.find() && values.size() < MAX_ENTITIES) {
            String raw = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            String value = plainValue(raw);
            // XML keeps the first declaration of a name.
            if (value != null) {
                values.putIfAbsent(matcher.group(1), value);
            }
        }
        return new InternalEntities(values);
    }

    /**
     * The XML text that stands for {@code name}, or {@code null} when it is not declared here or
     * the document has used up what expansion may add.
     */
    String expand(String name) {
        String value = values.get(name);
        if (value == null || expanded + value.length() > MAX_EXPANDED) {
            return null;
        }
        expanded += value.length();
        return XmlText.escapeHtml(value);
    }

    /** The text of a value made only of characters and character references, or {@code null}. */
    private static String plainValue(String raw) {
        if (raw.indexOf('<') >= 0 || raw.indexOf('%') >= 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        Matcher reference = REFERENCE.matcher(raw);
        int last = 0;
        while (reference.find()) {
            out.append(raw, last, reference.start());
            last = reference.end();
            if (reference.group(3) != null) {
                out.append(switch (reference.group(3)) {
                    case "amp" -> '&';
                    case "lt" -> '<';
                    case "gt" -> '>';
                    case "quot" -> '"';
                    default -> '\'';
                });
                continue;
            }
            int code = reference.group(1) != null ? Integer.parseInt(reference.group(1))
                    : Integer.parseInt(reference.group(2), 16);
            if (!Character.isValidCodePoint(code) || code == 0) {
                return null;
            }
            out.appendCodePoint(code);
        }
        String rest = raw.substring(last);
        if (rest.indexOf('&') >= 0) {
            // A reference to another entity: refused, so that no expansion ever nests.
            return null;
        }
        return out.append(rest).toString();
    }
}
