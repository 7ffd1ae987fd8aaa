package dev.gleaner.parse;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Turns calendar fields into instants by arithmetic, checking every field instead of rolling it over,
 * so that no {@code java.time} validation (and no exception) is on the path.
 */
final class CalendarDays {
    /** The day that stands for an invalid date. */
    static final long BAD_DAY = Long.MIN_VALUE;

    private CalendarDays() {
    }

    static @Nullable Instant instant(int year, int month, int day, int hour, int minute, int second,
            int nanos, int offset) {
        long epochDay = epochDay(year, month, day);
        return epochDay == BAD_DAY ? null : instant(epochDay, hour, minute, second, nanos, offset);
    }

    static @Nullable Instant instant(long epochDay, int hour, int minute, int second, int nanos, int offset) {
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return null;
        }
        long seconds = epochDay * 86_400 + hour * 3600 + minute * 60 + Math.min(second, 59) - offset;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Days since 1970-01-01 of a valid date in years 1 to 9999, or {@link #BAD_DAY}. */
    static long epochDay(int year, int month, int day) {
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
    static long weekDay(int year, int week, int weekday) {
        long january4 = epochDay(year, 1, 4);
        if (january4 == BAD_DAY || week < 1 || weekday < 1 || weekday > 7) {
            return BAD_DAY;
        }
        long mondayOfWeek1 = january4 - Math.floorMod(january4 + 3, 7);
        long nextWeek1 = epochDay(year + 1, 1, 4);
        long weeks = nextWeek1 == BAD_DAY ? 52 : (nextWeek1 - Math.floorMod(nextWeek1 + 3, 7) - mondayOfWeek1) / 7;
        return week > weeks ? BAD_DAY : mondayOfWeek1 + (week - 1) * 7L + weekday - 1;
    }

    static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    static boolean isLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }
}
