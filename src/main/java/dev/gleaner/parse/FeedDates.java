package dev.gleaner.parse;

import static dev.gleaner.parse.DateScan.isDigit;
import static dev.gleaner.parse.DateScan.isSpace;

import java.time.Instant;
import java.util.Optional;
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
 * allocate only the result and throw nothing ({@link Rfc1123Dates}, {@link IsoDates}); the rest goes
 * word by word ({@link LenientDates}). Stateless and thread-safe.
 */
public final class FeedDates {
    private static final int MAX_LENGTH = 160;

    private FeedDates() {
    }

    /** The instant a feed's date text stands for, or empty when it cannot be read; never "now". */
    public static Optional<Instant> parse(String text) {
        return Optional.ofNullable(read(text));
    }

    /** Trims the text, then tries the fast readers before the lenient one, which would also read their forms. */
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
        Instant instant = Rfc1123Dates.read(s);
        if (instant == null && isDigit(s.charAt(0))) {
            instant = IsoDates.read(s);
        }
        return instant != null ? instant : LenientDates.read(s);
    }
}
