package dev.gleaner.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps from an inline {@code style} only the declarations that change how text and boxes look:
 * colours, fonts, alignment, sizes, borders, margins and padding.
 *
 * <p>Every declaration must be a known property with a value made only of words, non-negative
 * numbers with a unit, colours ({@code #hex}, {@code rgb(…)}) and quoted font names; anything else
 * drops that declaration. So no {@code url(…)} (nothing is loaded), no {@code expression(…)},
 * {@code behavior} or {@code -moz-binding} (nothing runs), no {@code position} or {@code z-index}
 * and no negative margin (nothing is laid over the rest of the page). Comments, escapes and quoted
 * strings other than plain names fail the value grammar, so the text a browser reads is exactly
 * the text checked here. The policy follows feedparser's, which the conformance suite checks;
 * docs/parser.md says where it differs.
 *
 * <p>Stateless and thread-safe.
 */
final class CssSanitizer {
    /** Properties whose value may be any value of the grammar. */
    private static final Set<String> PROPERTIES = Set.of(
            "background-color", "border-bottom-color", "border-collapse", "border-color", "border-left-color",
            "border-right-color", "border-top-color", "clear", "color", "cursor", "direction", "display", "float",
            "font", "font-family", "font-size", "font-style", "font-variant", "font-weight", "height",
            "letter-spacing", "line-height", "max-height", "max-width", "min-height", "min-width", "overflow",
            "text-align", "text-decoration", "text-indent", "unicode-bidi", "vertical-align", "white-space",
            "width");

    /**
     * Families of box properties ({@code background-*}, {@code border-*}, {@code margin-*},
     * {@code padding-*}) whose every word must be a colour, a length, a border style or a position.
     */
    private static final Set<String> BOX_FAMILIES = Set.of("background", "border", "margin", "padding");

    /** The words a box property may hold, besides lengths and colour codes. */
    private static final Set<String> BOX_WORDS = Set.of(
            // the sixteen HTML colours, and no colour
            "aqua", "black", "blue", "fuchsia", "gray", "green", "lime", "maroon", "navy", "olive", "purple", "red",
            "silver", "teal", "white", "yellow", "transparent",
            // border styles and widths
            "none", "solid", "dashed", "dotted", "medium", "collapse",
            // positions and sizes
            "auto", "top", "bottom", "left", "right", "center",
            "!important");

    private static final String NUMBER = "(?:\\d+\\.?\\d*|\\.\\d+)(?:px|em|ex|rem|pt|pc|cm|mm|in|%)?";
    private static final String COLOUR = "#[0-9a-fA-F]{3,8}|rgba?\\(\\s*[\\d.%]+\\s*(?:,\\s*[\\d.%]+\\s*){2,3}\\)";
    // Any letter: Chinese feeds name their fonts unquoted (font-family: 微软雅黑).
    private static final String WORD = "\\p{L}[\\p{L}\\p{N}-]*";
    private static final String NAME = "'[\\p{L}\\p{N} _-]+'|\"[\\p{L}\\p{N} _-]+\"";
    private static final String TOKEN = "(?:" + NUMBER + "|" + COLOUR + "|" + WORD + "|" + NAME + ")";
    private static final Pattern VALUE =
            Pattern.compile(TOKEN + "(?:\\s*,\\s*" + TOKEN + "|\\s+" + TOKEN + ")*(?:\\s*!important)?");
    private static final Pattern DECLARATION = Pattern.compile("\\s*([a-zA-Z-]+)\\s*:\\s*(.*?)\\s*", Pattern.DOTALL);
    /** Longer declarations are dropped: none that is real comes near, and the pattern recurses per token. */
    private static final int MAX_DECLARATION = 1000;
    private static final Pattern TOKENS = Pattern.compile(TOKEN + "|!important");
    private static final Pattern LENGTH_OR_COLOUR = Pattern.compile(NUMBER + "|" + COLOUR);

    private CssSanitizer() {
    }

    /**
     * The declarations of {@code style} that pass, each as the feed wrote it, joined by {@code "; "};
     * empty when none passes.
     */
    static String clean(String style) {
        Objects.requireNonNull(style, "style");
        List<String> kept = new ArrayList<>();
        for (String declaration : style.split(";", -1)) {
            if (isSafe(declaration)) {
                kept.add(declaration.strip());
            }
        }
        if (kept.isEmpty()) {
            return "";
        }
        String joined = String.join("; ", kept);
        // Keep the feed's closing semicolon so that a style that passes whole is written unchanged.
        return style.strip().endsWith(";") ? joined + ";" : joined;
    }

    /** Whether one declaration ({@code name: value}, without its semicolon) may stay. */
    static boolean isSafe(String declaration) {
        if (declaration.length() > MAX_DECLARATION) {
            return false;
        }
        Matcher matcher = DECLARATION.matcher(declaration);
        if (!matcher.matches()) {
            return false;
        }
        String property = matcher.group(1).toLowerCase(Locale.ROOT);
        String value = matcher.group(2);
        if (value.isEmpty() || !VALUE.matcher(value).matches()) {
            return false;
        }
        if (PROPERTIES.contains(property)) {
            return true;
        }
        int dash = property.indexOf('-');
        String family = dash < 0 ? property : property.substring(0, dash);
        return BOX_FAMILIES.contains(family) && isBoxValue(value);
    }

    private static boolean isBoxValue(String value) {
        Matcher tokens = TOKENS.matcher(value);
        while (tokens.find()) {
            String token = tokens.group();
            if (!BOX_WORDS.contains(token.toLowerCase(Locale.ROOT)) && !LENGTH_OR_COLOUR.matcher(token).matches()) {
                return false;
            }
        }
        return true;
    }
}
