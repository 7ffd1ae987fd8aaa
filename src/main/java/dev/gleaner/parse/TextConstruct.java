package dev.gleaner.parse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The value of an Atom text construct ({@code title}, {@code summary}, {@code content} and the
 * like), whatever {@code type} (1.0) or {@code mode} (0.3) it was written in.
 *
 * @param value the text, or the HTML when {@code html}
 * @param html whether {@code value} is HTML
 */
record TextConstruct(String value, boolean html) {

    static TextConstruct of(XmlElement element) {
        String type = element.attr("type").strip().toLowerCase(Locale.ROOT);
        String mode = element.attr("mode").strip().toLowerCase(Locale.ROOT);
        boolean xhtml = type.equals("xhtml") || type.equals("application/xhtml+xml");
        boolean html = xhtml || type.equals("html") || type.equals("text/html");
        if (mode.equals("base64")) {
            return new TextConstruct(decodeBase64(element.text()), html);
        }
        if (mode.equals("escaped")) {
            return new TextConstruct(element.text(), html || type.isEmpty());
        }
        if (xhtml || mode.equals("xml") || hasOnlyMarkup(element)) {
            XmlElement div = element.child("div", Namespaces.XHTML);
            return new TextConstruct(XhtmlSerializer.inner(div != null && element.elements().size() == 1 ? div : element),
                    true);
        }
        return new TextConstruct(element.text(), html);
    }

    /** Inline elements where the type says nothing: Atom 0.3 and careless 1.0 feeds put XHTML there. */
    private static boolean hasOnlyMarkup(XmlElement element) {
        return !element.elements().isEmpty() && element.attr("type").isEmpty();
    }

    private static String decodeBase64(String text) {
        try {
            return new String(Base64.getMimeDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
