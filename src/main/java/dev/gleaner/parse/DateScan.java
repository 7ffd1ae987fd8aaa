package dev.gleaner.parse;

/**
 * Reads the pieces of date text the readers share, from an index, without allocating: digit runs and
 * their values, words, spaces, fractions of a second and numeric UTC offsets.
 */
final class DateScan {
    /** An offset meaning the text named no zone, so the reader picks its default. */
    static final int NO_ZONE = Integer.MIN_VALUE;
    /** An offset meaning the text named a zone that cannot be read, so the date cannot be either. */
    static final int BAD_ZONE = Integer.MIN_VALUE + 1;

    private DateScan() {
    }

    /** The offset that starts with a sign at {@code at}: +8, +08, +0800, +08:00, +530; its end or -1. */
    static int offsetEnd(String s, int at) {
        int j = digitsEnd(s, at + 1);
        int length = j - at - 1;
        if ((length == 1 || length == 2) && j + 1 < s.length() && s.charAt(j) == ':' && isDigit(s.charAt(j + 1))) {
            // The minutes of an offset, two digits or, in lenient feeds, one ({@code +00:0}).
            int k = digitsEnd(s, j + 1);
            return k - j - 1 <= 2 ? k : -1;
        }
        return length >= 1 && length <= 4 ? j : -1;
    }

    static int offsetValue(String s, int at, int end) {
        int sign = s.charAt(at) == '+' ? 1 : -1;
        int colon = s.indexOf(':', at);
        int hours;
        int minutes;
        if (colon > at && colon < end) {
            hours = number(s, at + 1, colon);
            minutes = number(s, colon + 1, end);
        } else if (end - at - 1 <= 2) {
            hours = number(s, at + 1, end);
            minutes = 0;
        } else {
            hours = number(s, at + 1, end - 2);
            minutes = number(s, end - 2, end);
        }
        return hours > 18 || minutes > 59 ? BAD_ZONE : sign * (hours * 3600 + minutes * 60);
    }

    static int fraction(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < from + 9; i++) {
            value = value * 10 + (i < to ? s.charAt(i) - '0' : 0);
        }
        return value;
    }

    /** The value of the ASCII digits in {@code [from, to)}; callers check they are digits. */
    static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + s.charAt(i) - '0';
        }
        return value;
    }

    static boolean isDigits(String s, int from, int to) {
        return to <= s.length() && digitsEnd(s, from) >= to;
    }

    static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return i == from ? from + 1 : i;
    }

    static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isSign(char c) {
        return c == '+' || c == '-';
    }

    static boolean isSpace(char c) {
        return c <= ' ' || c == '\u00a0' || c == '\u3000' || c == '\ufeff' || (c >= '\u2000' && c <= '\u200b')
                || c == '\u202f';
    }
}
