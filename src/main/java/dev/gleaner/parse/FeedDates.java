package dev.gleaner.parse;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates feeds really carry into instants, leniently, and never throws.
 *
 * <p>Dialects read:
 * <ul>
 *   <li>RFC 822/1123 and their wild variants: 2- or 4-digit years, missing seconds or time, missing or
 *       wrong day names (in any case or language), single-digit days, full or odd month names
 *       ({@code January}, {@code Sept}; French, German, Dutch, Spanish, Italian, Portuguese, Greek,
 *       Hungarian and Russian names such as {@code mai}, {@code Ιούλ}, {@code július}), extra spaces and
 *       commas, {@code 21-May-2022}, ordinal days ({@code 21st}), a.m./p.m.;
 *   <li>ISO 8601, RFC 3339 and W3C-DTF: {@code T} or space separator, fractional seconds, date only,
 *       year-month, year only, ordinal ({@code 2003-335}) and week ({@code 2009-W01-1}) dates, the
 *       basic form ({@code 20031231T101455Z}) and Google's {@code 2003-012-31};
 *   <li>asctime ({@code Sat May 21 06:05:19 2022}), Twitter ({@code ... +0000 2022}), JavaScript's
 *       {@code Date.toString()} ({@code ... GMT+0800 (China Standard Time)}), Perforce
 *       ({@code Fri, 2006/09/15 08:19:53 EDT}), {@code 21.05.2022 14:05};
 *   <li>Chinese ({@code 2022年5月21日 14:05}, {@code 2022年05月21日 下午2点05分}) and Korean
 *       ({@code 2004년 05월 28일 01:31:15}, {@code 2004-05-25 오후 11:23:17}) forms;
 *   <li>Unix epoch seconds, written as 9 or 10 digits and nothing else.
 * </ul>
 *
 * <p>Zones: a date that names its zone is read in it: {@code Z}, {@code +0800}, {@code +08:00},
 * {@code +8}, {@code GMT+8}, US and common world abbreviations, and RFC 822's military letters with
 * RFC 822's own signs ({@code A} is -1 hour, {@code N} is +1 hour), as feedparser reads them. Another
 * abbreviation of 2 to 5 capital letters after the time is read as UTC. A date without a zone is read
 * as UTC, except the forms Chinese publishers write, which are read as China Standard Time (UTC+8):
 * dates written with 年月日 (Japanese dates look the same and are read as UTC+8 too), the slash form
 * {@code 2020/1/10 14:33:00}, and a date and time separated by a space instead of {@code T}
 * ({@code 2018-09-18 14:38:10}, the SQL form of Chinese CMSs; feedparser would read it as UTC). Korean
 * forms are read as Korea Standard Time (UTC+9). {@code CST} is US Central Time (RFC 822) except
 * after such a Chinese form, where it is China Standard Time ({@code 2022-05-21 14:05:19 CST}, as PHP
 * prints Asia/Shanghai).
 *
 * <p>Out-of-range fields ({@code 2022-13-45}, 30 February, 25 o'clock) make a date unreadable rather
 * than rolled over. The common RFC 822 form and ISO 8601 are read by hand-written scanners that
 * allocate only the result and throw nothing. Stateless and thread-safe.
 */
final class FeedDates {
    private static final int NO_ZONE = Integer.MIN_VALUE;
    private static final int BAD_ZONE = Integer.MIN_VALUE + 1;
    private static final int CHINA = 8 * 3600;
    private static final int KOREA = 9 * 3600;
    private static final int MAX_LENGTH = 160;
    private static final long BAD_DAY = Long.MIN_VALUE;
    private static final String RFC_MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String[] ENGLISH_MONTHS = {"january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december"};
    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, Integer> ZONES = zones();

    private FeedDates() {
    }

    /** The instant a feed's date text stands for, or empty when it cannot be read; never "now". */
    static Optional<Instant> parse(String text) {
        return Optional.ofNullable(read(text));
    }

    private static @Nullable Instant read(@Nullable String text) {
        if (text == null) {
            return null;
        }
        int from = 0;
        int to = text.length();
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        if (from == to || to - from > MAX_LENGTH) {
            return null;
        }
        String s = text.substring(from, to);
        Instant instant = rfc822(s);
        if (instant == null && isDigit(s.charAt(0))) {
            instant = digitsEnd(s, 0) == s.length() ? digitsOnly(s) : iso(s);
        }
        return instant != null ? instant : new Lenient(s).read();
    }

    /** {@code Sat, 21 May 2022 06:05:19 GMT} or {@code +0800}, exactly as RFC 1123 writes it. */
    private static @Nullable Instant rfc822(String s) {
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
            Integer named = ZONES.get(name);
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

    /**
     * Reads the remaining dialects token by token: words, numbers, times, offsets. The order is free
     * where feeds disagree on it (day before or after the month, year before or after the time).
     */
    private static final class Lenient {
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

        Lenient(String s) {
            this.s = s;
        }

        @Nullable Instant read() {
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
            if (j - pos - 1 != 2) {
                return false;
            }
            hour = value;
            minute = number(s, pos + 1, j);
            pos = j;
            if (pos < n && (s.charAt(pos) == ':' || s.charAt(pos) == '：')) {
                j = digitsEnd(s, pos + 1);
                if (j - pos - 1 != 2) {
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
            if (hour >= 0 && offset != NO_ZONE && !universalName && ZONES.containsKey(word)) {
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
            Integer named = ZONES.get(word);
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
    }

    /** The offset that starts with a sign at {@code at}: +8, +08, +0800, +08:00, +530; its end or -1. */
    private static int offsetEnd(String s, int at) {
        int j = digitsEnd(s, at + 1);
        int length = j - at - 1;
        if ((length == 1 || length == 2) && j + 2 < s.length() && s.charAt(j) == ':' && isDigits(s, j + 1, j + 3)) {
            return j + 3;
        }
        return length >= 1 && length <= 4 ? j : -1;
    }

    private static int offsetValue(String s, int at, int end) {
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

    private static @Nullable Instant instant(int year, int month, int day, int hour, int minute, int second,
            int nanos, int offset) {
        long epochDay = epochDay(year, month, day);
        return epochDay == BAD_DAY ? null : instant(epochDay, hour, minute, second, nanos, offset);
    }

    private static @Nullable Instant instant(long epochDay, int hour, int minute, int second, int nanos, int offset) {
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return null;
        }
        long seconds = epochDay * 86_400 + hour * 3600 + minute * 60 + Math.min(second, 59) - offset;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Days since 1970-01-01 of a valid date in years 1 to 9999, or {@link #BAD_DAY}. */
    private static long epochDay(int year, int month, int day) {
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
            return BAD_DAY;
        }
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** The day of ISO week {@code week}, weekday 1 (Monday) to 7, of ISO week-year {@code year}. */
    private static long weekDay(int year, int week, int weekday) {
        long january4 = epochDay(year, 1, 4);
        if (january4 == BAD_DAY || week < 1 || weekday < 1 || weekday > 7) {
            return BAD_DAY;
        }
        long mondayOfWeek1 = january4 - Math.floorMod(january4 + 3, 7);
        long nextWeek1 = epochDay(year + 1, 1, 4);
        long weeks = nextWeek1 == BAD_DAY ? 52 : (nextWeek1 - Math.floorMod(nextWeek1 + 3, 7) - mondayOfWeek1) / 7;
        return week > weeks ? BAD_DAY : mondayOfWeek1 + (week - 1) * 7L + weekday - 1;
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** 1 to 12 for a month name or abbreviation in a language feeds use, else -1. */
    private static int monthNamed(String lowerCase) {
        Integer month = MONTHS.get(lowerCase);
        if (month != null) {
            return month;
        }
        if (lowerCase.length() >= 3) {
            for (int m = 0; m < 12; m++) {
                if (ENGLISH_MONTHS[m].startsWith(lowerCase)) {
                    return m + 1;
                }
            }
        }
        return -1;
    }

    private static int fraction(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < from + 9; i++) {
            value = value * 10 + (i < to ? s.charAt(i) - '0' : 0);
        }
        return value;
    }

    /** The value of the ASCII digits in {@code [from, to)}; callers check they are digits. */
    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + s.charAt(i) - '0';
        }
        return value;
    }

    private static boolean isDigits(String s, int from, int to) {
        return to <= s.length() && digitsEnd(s, from) >= to;
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return i == from ? from + 1 : i;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
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

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSign(char c) {
        return c == '+' || c == '-';
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || c == '\u00a0' || c == '\u3000' || c == '\ufeff' || (c >= '\u2000' && c <= '\u200b')
                || c == '\u202f';
    }

    private static Map<String, Integer> months() {
        String[] names = {
            // French, German, Dutch, Spanish, Italian, Portuguese
            "janv janvier januar jän jänner januari enero ene gennaio gen janeiro",
            "févr fevr février fevrier februar februari febrero febbraio fevereiro fev",
            "mars märz mär maerz maart mrt marzo março marco",
            "avr avril abril abr aprile",
            "mai mei mayo maggio mag maio",
            "juin juni junio giugno giu junho",
            "juil juillet juli julio luglio lug julho",
            "août aout augustus agosto ago",
            "septembre setiembre septiembre settembre set setembro",
            "octobre oktober okt octubre ottobre ott outubro out",
            "novembre noviembre novembro",
            "déc décembre decembre dezember dez diciembre dic dicembre dezembro",
        };
        String[] more = {
            // Greek, Hungarian, Russian
            "ιαν ιανουαρίου ιανουάριος január янв января январь",
            "φεβ φεβρουαρίου φεβρουάριος febr február фев февраля февраль",
            "μάρ μαρ μαρτίου μάρτιος márc március мар марта март",
            "απρ απριλίου απρίλιος ápr április апр апреля апрель",
            "μάι μαΐ μαϊ μαι μαΐου μάιος máj május мая май",
            "ιούν ιουν ιουνίου ιούνιος jún június июн июня июнь",
            "ιούλ ιουλ ιουλίου ιούλιος júl július июл июля июль",
            "αύγ αυγ αυγούστου αύγουστος augusztus авг августа август",
            "σεπ σεπτεμβρίου σεπτέμβριος szept szeptember сен сент сентября сентябрь",
            "οκτ οκτωβρίου οκτώβριος október окт октября октябрь",
            "νοέ νοε νοεμβρίου νοέμβριος ноя ноября ноябрь",
            "δεκ δεκεμβρίου δεκέμβριος дек декабря декабрь",
        };
        Map<String, Integer> months = new HashMap<>();
        for (int m = 0; m < 12; m++) {
            for (String name : (names[m] + " " + more[m]).split(" ")) {
                months.put(name, m + 1);
            }
        }
        return Map.copyOf(months);
    }

    private static Map<String, Integer> zones() {
        Map<String, Integer> zones = new HashMap<>();
        String[] table = {
            "ut 0", "utc 0", "gmt 0", "z 0", "wet 0", "bst 60", "west 60", "cet 60", "met 60", "cest 120",
            "mest 120", "eet 120", "eest 180", "msk 180", "ist 330", "pkt 300", "ict 420", "wib 420", "hkt 480",
            "sgt 480", "awst 480", "pht 480", "cct 480", "北京时间 480", "jst 540", "kst 540", "acst 570",
            "aest 600", "acdt 630", "aedt 660", "nzst 720", "nzdt 780", "hst -600", "akst -540", "akdt -480",
            "pst -480", "pdt -420", "pt -480", "mst -420", "mdt -360", "mt -420", "cst -360", "cdt -300",
            "ct -360", "est -300", "edt -240", "et -300", "ast -240", "adt -180", "at -240", "nst -210",
            "ndt -150", "brt -180", "art -180",
        };
        for (String entry : table) {
            int space = entry.indexOf(' ');
            zones.put(entry.substring(0, space), Integer.parseInt(entry.substring(space + 1)) * 60);
        }
        return Map.copyOf(zones);
    }
}
