package dev.gleaner.parse;

import static dev.gleaner.parse.CalendarDays.BAD_DAY;
import static dev.gleaner.parse.CalendarDays.epochDay;
import static dev.gleaner.parse.CalendarDays.instant;
import static dev.gleaner.parse.CalendarDays.isLeap;
import static dev.gleaner.parse.CalendarDays.weekDay;
import static dev.gleaner.parse.DateScan.BAD_ZONE;
import static dev.gleaner.parse.DateScan.NO_ZONE;
import static dev.gleaner.parse.DateScan.digitsEnd;
import static dev.gleaner.parse.DateScan.fraction;
import static dev.gleaner.parse.DateScan.isDigit;
import static dev.gleaner.parse.DateScan.isDigits;
import static dev.gleaner.parse.DateScan.isSign;
import static dev.gleaner.parse.DateScan.isSpace;
import static dev.gleaner.parse.DateScan.number;
import static dev.gleaner.parse.DateScan.offsetEnd;
import static dev.gleaner.parse.DateScan.offsetValue;
import static dev.gleaner.parse.DateScan.skipSpaces;
import static dev.gleaner.parse.DateScan.wordEnd;
import static dev.gleaner.parse.DateWords.CHINA;
import static dev.gleaner.parse.DateWords.monthNamed;
import static dev.gleaner.parse.DateWords.zoneNamed;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads dates that start with a four-digit year, or are all digits, by a hand-written scan: ISO 8601,
 * RFC 3339 and W3C-DTF, the slash and SQL forms of Chinese sites, and Unix epoch seconds. It allocates
 * only the result and throws nothing; what it cannot take whole it leaves to {@link LenientDates}.
 */
final class IsoDates {
    private IsoDates() {
    }

    /** The instant of text that starts with a digit, or null when this is not a form read here. */
    static @Nullable Instant read(String s) {
        return digitsEnd(s, 0) == s.length() ? digitsOnly(s) : iso(s);
    }

    /** A year, a basic-form date or date-time, or Unix epoch seconds. */
    private static @Nullable Instant digitsOnly(String s) {
        int n = s.length();
        if (n == 9 || n == 10) {
            return Instant.ofEpochSecond(Long.parseLong(s));
        }
        if (n == 4) {
            return instant(number(s, 0, 4), 1, 1, 0, 0, 0, 0, 0);
        }
        if (n == 8 || n == 12 || n == 14) {
            return instant(number(s, 0, 4), number(s, 4, 6), number(s, 6, 8), n > 8 ? number(s, 8, 10) : 0,
                    n > 8 ? number(s, 10, 12) : 0, n > 12 ? number(s, 12, 14) : 0, 0, 0);
        }
        return null;
    }

    /** ISO 8601, RFC 3339, W3C-DTF, and the slash and SQL forms of Chinese sites. */
    private static @Nullable Instant iso(String s) {
        int n = s.length();
        if (n < 6 || !isDigits(s, 0, 4)) {
            return null;
        }
        int year = number(s, 0, 4);
        char separator = s.charAt(4);
        long day;
        int i;
        if (separator == '-' && (s.charAt(5) == 'W' || s.charAt(5) == 'w')) {
            i = digitsEnd(s, 6);
            int weekday = 1;
            if (i - 6 != 2) {
                return null;
            }
            if (i + 1 < n && s.charAt(i) == '-' && isDigit(s.charAt(i + 1))) {
                weekday = s.charAt(i + 1) - '0';
                i += 2;
            }
            day = weekDay(year, number(s, 6, 8), weekday);
        } else if (separator == '-' || separator == '/') {
            int j = digitsEnd(s, 5);
            int length = j - 5;
            int month;
            if (length == 3 && separator == '-' && (j == n || s.charAt(j) != '-')) {
                int ordinal = number(s, 5, j);
                day = ordinal >= 1 && ordinal <= 365 + (isLeap(year) ? 1 : 0)
                        ? epochDay(year, 1, 1) + ordinal - 1 : BAD_DAY;
                i = j;
            } else {
                if (length == 1 || length == 2 || (length == 3 && s.charAt(5) == '0')) {
                    month = number(s, 5, j);
                } else if (length == 0 && separator == '-' && Character.isLetter(s.charAt(5))) {
                    j = wordEnd(s, 5);
                    month = monthNamed(s.substring(5, j).toLowerCase(Locale.ROOT));
                } else {
                    return null;
                }
                i = j;
                int dayOfMonth = 1;
                if (i < n && s.charAt(i) == separator) {
                    j = digitsEnd(s, i + 1);
                    if (j - i - 1 < 1 || j - i - 1 > 2) {
                        return null;
                    }
                    dayOfMonth = number(s, i + 1, j);
                    i = j;
                } else if (i < n) {
                    return null;
                }
                day = epochDay(year, month, dayOfMonth);
            }
        } else if (n >= 8 && isDigits(s, 4, 8) && (n == 8 || !isDigit(s.charAt(8)))) {
            day = epochDay(year, number(s, 4, 6), number(s, 6, 8));
            i = 8;
        } else {
            return null;
        }
        if (day == BAD_DAY) {
            return null;
        }
        boolean chinese = separator == '/';
        return i == n ? instant(day, 0, 0, 0, 0, chinese ? CHINA : 0) : isoTime(s, i, day, chinese);
    }

    private static @Nullable Instant isoTime(String s, int at, long day, boolean chinese) {
        int n = s.length();
        int i = at;
        boolean spaced = false;
        if (s.charAt(i) == 'T' || s.charAt(i) == 't') {
            i++;
        } else if (isSpace(s.charAt(i))) {
            i = skipSpaces(s, i);
            spaced = true;
        } else {
            return null;
        }
        int j = digitsEnd(s, i);
        int hour;
        int minute;
        int second = 0;
        if (j - i == 4 || j - i == 6) {
            hour = number(s, i, i + 2);
            minute = number(s, i + 2, i + 4);
            second = j - i == 6 ? number(s, i + 4, j) : 0;
            i = j;
        } else if ((j - i == 1 || j - i == 2) && j + 2 < n && s.charAt(j) == ':' && isDigits(s, j + 1, j + 3)) {
            hour = number(s, i, j);
            minute = number(s, j + 1, j + 3);
            i = j + 3;
            if (i + 2 < n && s.charAt(i) == ':' && isDigits(s, i + 1, i + 3)) {
                second = number(s, i + 1, i + 3);
                i += 3;
            }
            if (i < n && isDigit(s.charAt(i))) {
                return null;
            }
        } else {
            return null;
        }
        int nanos = 0;
        if (i + 1 < n && (s.charAt(i) == '.' || s.charAt(i) == ',') && isDigit(s.charAt(i + 1))) {
            j = digitsEnd(s, i + 1);
            nanos = fraction(s, i + 1, j);
            i = j;
        }
        int offset = zoneTail(s, i, chinese || spaced);
        if (offset == BAD_ZONE) {
            return null;
        }
        if (offset == NO_ZONE) {
            offset = chinese || spaced ? CHINA : 0;
        }
        return instant(day, hour, minute, second, nanos, offset);
    }

    /** The zone that ends an ISO date: nothing, {@code Z}, an offset, or a name, then maybe a comment. */
    private static int zoneTail(String s, int at, boolean chineseForm) {
        int n = s.length();
        int i = skipSpaces(s, at);
        if (i == n) {
            return NO_ZONE;
        }
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return 0;
        }
        int offset = NO_ZONE;
        if (Character.isLetter(c)) {
            int j = wordEnd(s, i);
            String name = s.substring(i, j).toLowerCase(Locale.ROOT);
            Integer named = zoneNamed(name);
            if (named == null) {
                return BAD_ZONE;
            }
            offset = chineseForm && name.equals("cst") ? CHINA : named;
            i = j;
            c = i < n ? s.charAt(i) : ' ';
        }
        if (isSign(c) && (offset == NO_ZONE || offset == 0)) {
            int j = offsetEnd(s, i);
            offset = j < 0 ? BAD_ZONE : offsetValue(s, i, j);
            i = j;
        }
        if (offset == BAD_ZONE) {
            return BAD_ZONE;
        }
        i = skipSpaces(s, i);
        if (i < n && (s.charAt(i) == '(' || s.charAt(i) == '（')) {
            i = n;
        }
        return i == n ? offset : BAD_ZONE;
    }
}
