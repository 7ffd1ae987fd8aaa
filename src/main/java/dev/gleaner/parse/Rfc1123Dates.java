package dev.gleaner.parse;

import static dev.gleaner.parse.CalendarDays.instant;
import static dev.gleaner.parse.DateScan.BAD_ZONE;
import static dev.gleaner.parse.DateScan.isDigits;
import static dev.gleaner.parse.DateScan.number;
import static dev.gleaner.parse.DateScan.offsetValue;
import static dev.gleaner.parse.DateWords.RFC_MONTHS;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads the form most RSS feeds use, RFC 1123 written exactly, by checking fixed positions: the fast
 * path, which allocates only the result and throws nothing.
 */
final class Rfc1123Dates {
    private Rfc1123Dates() {
    }

    /** {@code Sat, 21 May 2022 06:05:19 GMT} or {@code +0800}, exactly as RFC 1123 writes it. */
    static @Nullable Instant read(String s) {
        int n = s.length();
        if ((n != 29 && n != 31) || s.charAt(3) != ',' || s.charAt(4) != ' ' || s.charAt(7) != ' '
                || s.charAt(11) != ' ' || s.charAt(16) != ' ' || s.charAt(19) != ':' || s.charAt(22) != ':'
                || s.charAt(25) != ' ' || !isDigits(s, 5, 7) || !isDigits(s, 12, 16) || !isDigits(s, 17, 19)
                || !isDigits(s, 20, 22) || !isDigits(s, 23, 25)) {
            return null;
        }
        int month = 0;
        while (month < 12 && !s.regionMatches(8, RFC_MONTHS, month * 3, 3)) {
            month++;
        }
        int offset;
        if (n == 29 && (s.endsWith("GMT") || s.endsWith("UTC"))) {
            offset = 0;
        } else if (n == 31 && (s.charAt(26) == '+' || s.charAt(26) == '-')) {
            offset = offsetValue(s, 26, 31);
        } else {
            return null;
        }
        if (month == 12 || offset == BAD_ZONE) {
            return null;
        }
        return instant(number(s, 12, 16), month + 1, number(s, 5, 7), number(s, 17, 19), number(s, 20, 22),
                number(s, 23, 25), 0, offset);
    }
}
