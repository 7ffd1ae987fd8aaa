package dev.gleaner.publish.site;

/** Text made fit for XML 1.0, which has no way to write most control characters. */
final class XmlChars {
    private XmlChars() {
    }

    /** {@code text} without the characters XML 1.0 forbids (controls but tab and line breaks, lone surrogates, U+FFFE/F). */
    static String clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!allowed(text, i)) {
                return strip(text);
            }
        }
        return text;
    }

    private static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (allowed(text, i)) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return c != 0xFFFE && c != 0xFFFF;
    }
}
