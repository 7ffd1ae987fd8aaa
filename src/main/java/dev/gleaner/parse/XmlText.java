package dev.gleaner.parse;

/** Small text repairs shared by the readers. */
final class XmlText {
    private XmlText() {
    }

    /** {@code text} without the characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF). */
    static String withoutIllegalCharacters(String text) {
        return kept(text, true);
    }

    /** {@code text} without halves of surrogate pairs, which no UTF-8 text (the store, a post) can hold. */
    static String withoutLoneSurrogates(String text) {
        return kept(text, false);
    }

    /** {@code text} with its surrogate pairs, and the other characters that are legal: all, or XML 1.0's only. */
    private static String kept(String text, boolean xmlOnly) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean legal;
            if (Character.isHighSurrogate(c)) {
                legal = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (legal) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (xmlOnly) {
                legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            } else {
                legal = !Character.isLowSurrogate(c);
            }
            if (!legal && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            } else if (legal && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Plain text made safe to stand as HTML. */
    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
