package dev.gleaner.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes dates as JavaScript's {@code toUTCString()} does, which is what RSSHub emits and Hexo reads:
 * {@code Sun, 01 May 2022 06:05:19 GMT}, always with a two-digit day.
 */
final class HexoDate {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HexoDate() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
