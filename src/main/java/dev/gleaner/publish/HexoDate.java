package dev.gleaner.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Writes dates as JavaScript's {@code toUTCString()} does, which is what RSSHub emits and Hexo reads:
 * {@code Sun, 01 May 2022 06:05:19 GMT}, always with a two-digit day.
 */
final class HexoDate {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("EEE, dd MMM ")
            // The proleptic year, as JavaScript writes it: at least four digits, a sign only when negative
            // (0000 for 1 BC, 10000 after 9999), where "yyyy" would write the year of the era and "+10000".
            .appendValue(ChronoField.YEAR, 4, 10, SignStyle.NORMAL)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HexoDate() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
