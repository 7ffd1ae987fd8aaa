package dev.gleaner.fetch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the three date forms HTTP allows in headers such as {@code Expires} and {@code Retry-After}. */
final class HttpDates {
    private static final List<DateTimeFormatter> FORMS = List.of(
            // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            DateTimeFormatter.RFC_1123_DATE_TIME,
            // obsolete RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(1970, 1, 1))
                    .appendPattern(" HH:mm:ss 'GMT'")
                    .toFormatter(Locale.ROOT)
                    .withZone(ZoneOffset.UTC),
            // obsolete asctime: Sun Nov  6 08:49:37 1994
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("EEE MMM ppd HH:mm:ss yyyy")
                    .toFormatter(Locale.ROOT)
                    .withZone(ZoneOffset.UTC));

    private HttpDates() {
    }

    /** The instant {@code text} names, or empty when it is no HTTP date. */
    static Optional<Instant> parse(String text) {
        String value = text.strip();
        for (DateTimeFormatter form : FORMS) {
            try {
                return Optional.of(form.parse(value, Instant::from));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
