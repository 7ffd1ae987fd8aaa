package dev.gleaner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dates are written as JavaScript's {@code toUTCString()} writes them. The expected strings below are
 * what Node's {@code new Date(iso).toUTCString()} prints for the same instant.
 */
class HexoDateTest {

    @Nested
    class AsToUtcStringWritesThem {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '=', value = {
                "2022-05-21T06:05:19Z = Sat, 21 May 2022 06:05:19 GMT",
                "2022-05-01T06:05:19Z = Sun, 01 May 2022 06:05:19 GMT",
                "2022-09-04T00:00:00Z = Sun, 04 Sep 2022 00:00:00 GMT",
                "2024-02-29T12:00:00Z = Thu, 29 Feb 2024 12:00:00 GMT",
                "1970-01-01T00:00:00Z = Thu, 01 Jan 1970 00:00:00 GMT",
                "9999-12-31T23:59:59Z = Fri, 31 Dec 9999 23:59:59 GMT",
                "0999-09-09T09:09:09Z = Mon, 09 Sep 0999 09:09:09 GMT",
                "0001-01-01T00:00:00Z = Mon, 01 Jan 0001 00:00:00 GMT"})
        void withATwoDigitDayEnglishNamesAndGmt(String iso, String expected) {
            assertThat(HexoDate.format(Instant.parse(iso))).isEqualTo(expected);
        }

        @Test
        void inGmtWhateverTheOffsetTheFeedGave() {
            Instant beijing = OffsetDateTime.parse("2022-05-01T14:05:19+08:00").toInstant();

            assertThat(HexoDate.format(beijing)).isEqualTo("Sun, 01 May 2022 06:05:19 GMT");
        }

        @Test
        void withoutFractionsOfASecond() {
            assertThat(HexoDate.format(Instant.parse("2022-05-21T06:05:19.999999999Z")))
                    .isEqualTo("Sat, 21 May 2022 06:05:19 GMT");
        }

        @Test
        void inEnglishWhateverTheDefaultLocale() {
            Locale before = Locale.getDefault();
            try {
                for (Locale locale : List.of(Locale.CHINA, Locale.GERMANY, Locale.forLanguageTag("ar-EG"),
                        Locale.forLanguageTag("en-GB"))) {
                    Locale.setDefault(locale);
                    assertThat(HexoDate.format(Instant.parse("2022-09-04T00:00:00Z")))
                            .as(locale.toString()).isEqualTo("Sun, 04 Sep 2022 00:00:00 GMT");
                }
            } finally {
                Locale.setDefault(before);
            }
        }
    }

    @Nested
    class AYearBeforeOneOrAfter9999 {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '=', value = {
                "0000-01-01T00:00:00Z = Sat, 01 Jan 0000 00:00:00 GMT",
                "-0001-12-31T23:59:59Z = Fri, 31 Dec -0001 23:59:59 GMT",
                "+10000-01-01T00:00:00Z = Sat, 01 Jan 10000 00:00:00 GMT"})
        void areWrittenAsJavaScriptWritesTheProlepticYear(String iso, String expected) {
            assertThat(HexoDate.format(Instant.parse(iso))).isEqualTo(expected);
        }
    }

    @Nested
    class ForAnyInstantFromYearZeroTo9999 {
        private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        private static final List<String> MONTHS =
                List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

        static Stream<Instant> instants() {
            Random random = new Random(20220521);
            long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
            long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
            return LongStream.range(0, 500).mapToObj(i -> Instant.ofEpochSecond(
                    first + (long) (random.nextDouble() * (last - first)), random.nextInt(1_000_000_000)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("instants")
        void theTextFollowsTheToUtcStringAlgorithm(Instant instant) {
            ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
            // ECMA-262 DateString/TimeString: weekday, day, month, zero-padded year, time, "GMT".
            String expected = String.format(Locale.ROOT, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                    DAYS.get(utc.getDayOfWeek().getValue() - 1), utc.getDayOfMonth(),
                    MONTHS.get(utc.getMonthValue() - 1), utc.getYear(), utc.getHour(), utc.getMinute(), utc.getSecond());

            assertThat(HexoDate.format(instant)).isEqualTo(expected);
        }
    }
}
