package dev.gleaner.parse;

import static dev.gleaner.parse.CalendarDays.instant;
import static dev.gleaner.parse.DateScan.BAD_ZONE;
import static dev.gleaner.parse.DateScan.NO_ZONE;
import static dev.gleaner.parse.DateScan.digitsEnd;
import static dev.gleaner.parse.DateScan.fraction;
import static dev.gleaner.parse.DateScan.isDigit;
import static dev.gleaner.parse.DateScan.isSign;
import static dev.gleaner.parse.DateScan.isSpace;
import static dev.gleaner.parse.DateScan.number;
import static dev.gleaner.parse.DateScan.offsetEnd;
import static dev.gleaner.parse.DateScan.offsetValue;
import static dev.gleaner.parse.DateScan.wordEnd;
import static dev.gleaner.parse.DateWords.CHINA;
import static dev.gleaner.parse.DateWords.KOREA;
import static dev.gleaner.parse.DateWords.monthNamed;
import static dev.gleaner.parse.DateWords.zoneNamed;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates the fast readers do not, token by token: words, numbers, times, offsets. The order
 * is free where feeds disagree on it (day before or after the month, year before or after the time).
 * One instance reads one text, made by {@link #read(String)}.
 */
final class LenientDates {
    private static final Set<String> ORDINAL_SUFFIXES = Set.of("st", "nd", "rd", "th");

    private final String s;
    private int pos;
    private int year = -1;
    private int month = -1;
    private int day = -1;
    private int hour = -1;
    private int minute;
    private int second;
    private int nanos;
    private int offset = NO_ZONE;
    private int localOffset;
    private int meridiem;
    private boolean numberSeen;
    private boolean universalName;
    private boolean numericDate;

    private LenientDates(String s) {
        this.s = s;
    }

    /** The instant of any other dialect {@link FeedDates} knows, or null when the text is not a date. */
    static @Nullable Instant read(String s) {
        return new LenientDates(s).read();
    }

    private @Nullable Instant read() {
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            boolean read;
            if (isDigit(c)) {
                read = numberToken();
            } else if (Character.isLetter(c)) {
                read = wordToken();
            } else if (isSign(c)) {
                read = sign(c);
            } else if (c == '(' || c == '（') {
                int close = s.indexOf(c == '(' ? ')' : '）', pos);
                pos = close < 0 ? n : close + 1;
                read = true;
            } else {
                read = isSpace(c) || c == ',' || c == '.' || c == '/' || c == '，';
                pos++;
            }
            if (!read) {
                return null;
            }
        }
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        boolean timed = hour >= 0;
        if (!timed) {
            hour = 0;
        } else if (meridiem != 0 && hour <= 12) {
            hour = hour % 12 + (meridiem == 2 ? 12 : 0);
        }
        if (offset == NO_ZONE) {
            offset = localOffset != 0 ? localOffset : numericDate && timed ? CHINA : 0;
        }
        return instant(year, month, day, hour, minute, second, nanos, offset);
    }

    private boolean numberToken() {
        int start = pos;
        int end = digitsEnd(s, pos);
        int length = end - start;
        char next = end < s.length() ? s.charAt(end) : ' ';
        numberSeen = true;
        pos = end;
        if (length > 4) {
            return false;
        }
        int value = number(s, start, end);
        if (next == ':' || next == '：') {
            return hour < 0 && length <= 2 && time(value);
        }
        if (length == 4 && (next == '-' || next == '/') && year < 0 && month < 0 && day < 0) {
            return yearMonthDay(value, next);
        }
        if (length <= 2 && next == '.' && day < 0 && month < 0 && dayMonthYear(value)) {
            return true;
        }
        if (isUnit(next)) {
            return unit(length <= 2 && isUnitOfYear(next) ? twoDigitYear(value) : value, next);
        }
        if (length >= 3 && year < 0) {
            year = length == 4 ? value : value + 1900;
            return true;
        }
        if (length <= 2 && day < 0) {
            day = value;
            return true;
        }
        if (length <= 2 && year < 0) {
            year = twoDigitYear(value);
            return true;
        }
        return false;
    }

    /** A number followed by a Chinese or Korean unit: 2022年, 5月, 21日, 14时, 05分, 19秒. */
    private boolean unit(int value, char unit) {
        switch (unit) {
            case '年', '년' -> year = year < 0 ? value : -2;
            case '月', '월' -> month = month < 0 ? value : -2;
            case '日', '号', '일' -> day = day < 0 ? value : -2;
            case '时', '時', '点', '點', '시' -> hour = hour < 0 ? value : -2;
            case '分', '분' -> minute = hour >= 0 ? value : -2;
            default -> second = hour >= 0 ? value : -2;
        }
        pos++;
        if (localOffset == 0) {
            localOffset = unit >= '가' ? KOREA : CHINA;
        }
        return year != -2 && month != -2 && day != -2 && hour != -2 && minute != -2 && second != -2;
    }

    private boolean time(int value) {
        int n = s.length();
        int j = digitsEnd(s, pos + 1);
        // Minutes and seconds of one digit ({@code 12:35:9}) are what careless templates print.
        if (j - pos - 1 < 1 || j - pos - 1 > 2) {
            return false;
        }
        hour = value;
        minute = number(s, pos + 1, j);
        pos = j;
        if (pos < n && (s.charAt(pos) == ':' || s.charAt(pos) == '：')) {
            j = digitsEnd(s, pos + 1);
            if (j - pos - 1 < 1 || j - pos - 1 > 2) {
                return false;
            }
            second = number(s, pos + 1, j);
            pos = j;
            if (pos + 1 < n && (s.charAt(pos) == '.' || s.charAt(pos) == ',') && isDigit(s.charAt(pos + 1))) {
                j = digitsEnd(s, pos + 1);
                nanos = fraction(s, pos + 1, j);
                pos = j;
            }
        }
        return pos == n || !isDigit(s.charAt(pos)) && s.charAt(pos) != ':';
    }

    /** {@code 2006/09/15} or {@code 2004-05-25}, when the ISO reader could not take the whole text. */
    private boolean yearMonthDay(int value, char separator) {
        int j = digitsEnd(s, pos + 1);
        int k = digitsEnd(s, j + 1);
        if (j - pos - 1 < 1 || j - pos - 1 > 2 || j >= s.length() || s.charAt(j) != separator
                || k - j - 1 < 1 || k - j - 1 > 2) {
            return false;
        }
        year = value;
        month = number(s, pos + 1, j);
        day = number(s, j + 1, k);
        pos = k;
        numericDate = true;
        return true;
    }

    /** {@code 21.05.2022}; anything else with a dot after the day is left to the caller. */
    private boolean dayMonthYear(int value) {
        int j = digitsEnd(s, pos + 1);
        int k = digitsEnd(s, j + 1);
        if (j - pos - 1 < 1 || j - pos - 1 > 2 || j >= s.length() || s.charAt(j) != '.' || k - j - 1 != 4) {
            return false;
        }
        day = value;
        month = number(s, pos + 1, j);
        year = number(s, j + 1, k);
        pos = k;
        return true;
    }

    /** An offset after the time ({@code +0800}, {@code GMT-01:01}), or a dash between date parts. */
    private boolean sign(char c) {
        boolean digitNext = pos + 1 < s.length() && isDigit(s.charAt(pos + 1));
        if (hour >= 0 && digitNext && (offset == NO_ZONE || universalName)) {
            int end = offsetEnd(s, pos);
            offset = end < 0 ? BAD_ZONE : offsetValue(s, pos, end);
            universalName = false;
            pos = end;
            return offset != BAD_ZONE;
        }
        pos++;
        return c == '-' && hour < 0;
    }

    private boolean wordToken() {
        int start = pos;
        pos = wordEnd(s, pos);
        String word = s.substring(start, pos).toLowerCase(Locale.ROOT);
        if (start > 0 && isDigit(s.charAt(start - 1)) && ORDINAL_SUFFIXES.contains(word)) {
            return true;
        }
        if (!numberSeen && pos < s.length() && s.charAt(pos) == ',') {
            return true; // a day name, in any language
        }
        int named = monthNamed(word);
        if (named > 0) {
            month = month < 0 ? named : -2;
            return month > 0;
        }
        switch (word) {
            case "am", "pm" -> {
                return hour >= 0 && meridiem(word.charAt(0) == 'a' ? 1 : 2, 0);
            }
            case "a", "p" -> {
                if (hour >= 0 && pos + 1 < s.length() && s.charAt(pos) == '.'
                        && Character.toLowerCase(s.charAt(pos + 1)) == 'm') {
                    pos += 2;
                    return meridiem(word.charAt(0) == 'a' ? 1 : 2, 0);
                }
            }
            case "上午", "早上", "凌晨" -> {
                return meridiem(1, CHINA);
            }
            case "下午", "中午", "晚上" -> {
                return meridiem(2, CHINA);
            }
            case "오전" -> {
                return meridiem(1, KOREA);
            }
            case "오후" -> {
                return meridiem(2, KOREA);
            }
            case "t" -> {
                return numericDate && hour < 0;
            }
            case "etc" -> {
                return hour >= 0 && pos < s.length() && s.charAt(pos) == '/';
            }
            default -> {
                if (!numberSeen || word.startsWith("星期") || word.startsWith("周") || word.startsWith("週")
                        || word.endsWith("요일")) {
                    return true; // words before the date ("Invalid"), and weekdays
                }
            }
        }
        if (hour >= 0 && offset != NO_ZONE && !universalName && zoneNamed(word) != null) {
            return true; // "+0800 CST": the number says which CST
        }
        return hour >= 0 && offset == NO_ZONE && zone(word, s.substring(start, pos));
    }

    private boolean meridiem(int value, int zone) {
        meridiem = value;
        if (localOffset == 0) {
            localOffset = zone;
        }
        return true;
    }

    private boolean zone(String word, String original) {
        Integer named = zoneNamed(word);
        if (named != null) {
            boolean chineseForm = localOffset == CHINA || numericDate;
            offset = chineseForm && word.equals("cst") ? CHINA : named;
            universalName = named == 0;
            return true;
        }
        char letter = word.charAt(0);
        if (word.length() == 1 && letter >= 'a' && letter <= 'y' && letter != 'j') {
            int hours = letter <= 'i' ? -(letter - 'a' + 1) : letter <= 'm' ? -(letter - 'a') : letter - 'm';
            offset = hours * 3600;
            return true;
        }
        if (original.length() >= 2 && original.length() <= 5 && isUpperAscii(original)) {
            offset = 0; // an abbreviation we do not know: read as UTC
            return true;
        }
        return false;
    }

    private static boolean isUnit(char c) {
        return "年月日号时時点點分秒년월일시분초".indexOf(c) >= 0;
    }

    private static boolean isUnitOfYear(char c) {
        return c == '年' || c == '년';
    }

    private static int twoDigitYear(int value) {
        return value < 50 ? 2000 + value : 1900 + value;
    }

    private static boolean isUpperAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) < 'A' || word.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }
}
