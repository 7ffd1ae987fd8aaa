package dev.gleaner.parse;

/**
 * The windows-1252 charset as browsers read it: what feeds that say ISO-8859-1, or say nothing and
 * are not UTF-8, are really written in; and the source of the C1 control characters found in text.
 */
final class Windows1252 {
    /** U+0080 to U+009F in windows-1252; the five bytes it leaves undefined keep their Latin-1 value. */
    private static final char[] C1 = {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178'};

    private Windows1252() {
    }

    /** The characters of {@code bytes} from {@code offset}; every byte is one character. */
    static String decode(byte[] bytes, int offset) {
        char[] chars = new char[bytes.length - offset];
        for (int i = offset; i < bytes.length; i++) {
            chars[i - offset] = character(bytes[i] & 0xFF);
        }
        return new String(chars);
    }

    /**
     * {@code text} with its C1 control characters read as the windows-1252 punctuation they were
     * meant to be (a curly quote, a dash): no feed means a control character there.
     */
    static String mapC1(String text) {
        int first = firstC1(text);
        if (first < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = first; i < chars.length; i++) {
            if (chars[i] >= 0x80 && chars[i] <= 0x9F) {
                chars[i] = C1[chars[i] - 0x80];
            }
        }
        return new String(chars);
    }

    private static int firstC1(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                return i;
            }
        }
        return -1;
    }

    private static char character(int value) {
        return value >= 0x80 && value <= 0x9F ? C1[value - 0x80] : (char) value;
    }
}
