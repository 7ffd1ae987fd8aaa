package dev.gleaner.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    private static void assertReads(String text, String expected) {
        assertThat(FeedDates.parse(text)).as(text).contains(Instant.parse(expected));
    }

    @Nested
    class Rfc822 {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Sat, 21 May 2022 06:05:19 GMT       | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 06:05:19 UTC       | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 06:05:19 UT        | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 06:05:19 Z         | 2022-05-21T06:05:19Z
                Thu, 27 Feb 2020 15:40:25 +0000     | 2020-02-27T15:40:25Z
                Mon, 06 Apr 2020 08:28:46 +0800     | 2020-04-06T00:28:46Z
                Fri, 24 Apr 2020 10:00:00 -0400     | 2020-04-24T14:00:00Z
                Sat, 21 May 2022 14:05:19 +08:00    | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 14:05:19 +8        | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 11:35:19 +0530     | 2022-05-21T06:05:19Z
                Wed, 19 Feb 2012 22:40:00 -01:01    | 2012-02-19T23:41:00Z
                Wed, 19 Feb 2012 22:40:00 GMT-01:01 | 2012-02-19T23:41:00Z
                Wed, 19 Aug 2009 18:28:00 Etc/GMT   | 2009-08-19T18:28:00Z
                Thu, 01 Jan 2004 00:00:01 +0100     | 2003-12-31T23:00:01Z
                Thu, 01 Jan 0100 00:00:01 +0100     | 0099-12-31T23:00:01Z
                """)
        void readsTheStandardFormAndItsOffsets(String text, String expected) {
            assertReads(text, expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Sat, 21 May 2022 01:05:19 EST  | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 02:05:19 EDT  | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 00:05:19 CST  | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 01:05:19 CDT  | 2022-05-21T06:05:19Z
                Fri, 20 May 2022 23:05:19 MST  | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 00:05:19 MDT  | 2022-05-21T06:05:19Z
                Fri, 20 May 2022 22:05:19 PST  | 2022-05-21T06:05:19Z
                Fri, 20 May 2022 23:05:19 PDT  | 2022-05-21T06:05:19Z
                Mon, 26 January 2004 16:31:00 AT | 2004-01-26T20:31:00Z
                Mon, 26 January 2004 16:31:00 ET | 2004-01-26T21:31:00Z
                Mon, 26 January 2004 16:31:00 CT | 2004-01-26T22:31:00Z
                Mon, 26 January 2004 16:31:00 MT | 2004-01-26T23:31:00Z
                Mon, 26 January 2004 16:31:00 PT | 2004-01-27T00:31:00Z
                Thu, 30 Apr 2015 08:57:00 MET  | 2015-04-30T07:57:00Z
                Thu, 30 Apr 2015 08:57:00 MEST | 2015-04-30T06:57:00Z
                Sat, 21 May 2022 15:05:19 JST  | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 06:05:19 A    | 2022-05-21T07:05:19Z
                Sat, 21 May 2022 06:05:19 M    | 2022-05-21T18:05:19Z
                Sat, 21 May 2022 06:05:19 N    | 2022-05-21T05:05:19Z
                Sat, 21 May 2022 06:05:19 Y    | 2022-05-20T18:05:19Z
                Sat, 21 May 2022 06:05:19 z    | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 06:05:19 XYZT | 2022-05-21T06:05:19Z
                """)
        void readsNamedZonesAndMilitaryLetters(String text, String expected) {
            assertReads(text, expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Thu, 01 Jan 04 19:48:21 GMT            | 2004-01-01T19:48:21Z
                Fri, 21 May 99 06:05:19 GMT            | 1999-05-21T06:05:19Z
                Thu, 01 Jan 2004 19:48 GMT             | 2004-01-01T19:48:00Z
                Wed, 17 Jun 2015 15:13 EDT             | 2015-06-17T19:13:00Z
                Thu, 01 Jan 2004                       | 2004-01-01T00:00:00Z
                21 May 2022 06:05:19 GMT               | 2022-05-21T06:05:19Z
                Mon, 21 May 2022 06:05:19 GMT          | 2022-05-21T06:05:19Z
                SAT, 21 May 2022 06:05:19 GMT          | 2022-05-21T06:05:19Z
                sat, 21 may 2022 06:05:19 gmt          | 2022-05-21T06:05:19Z
                Sat, 21 MAY 2022 06:05:19 GMT          | 2022-05-21T06:05:19Z
                Saturday, 21 May 2022 06:05:19 GMT     | 2022-05-21T06:05:19Z
                Thu,  5 Apr 2012 10:00:00 GMT          | 2012-04-05T10:00:00Z
                Thu, 5 Apr 2012 10:00:00 GMT           | 2012-04-05T10:00:00Z
                Wed, 21 Sept 2022 06:05:19 GMT         | 2022-09-21T06:05:19Z
                Wed, 21 September 2022 06:05:19 GMT    | 2022-09-21T06:05:19Z
                Wed, 21 Sep. 2022 06:05:19 GMT         | 2022-09-21T06:05:19Z
                Mon, 13 Feb, 2012 06:28:00 UTC         | 2012-02-13T06:28:00Z
                'Sat,  21  May  2022   06:05:19   GMT' | 2022-05-21T06:05:19Z
                '  Sat, 21 May 2022 06:05:19 GMT  '    | 2022-05-21T06:05:19Z
                'Sat, 21 May 2022 06:05:19 GMT\u00a0'  | 2022-05-21T06:05:19Z
                Sat,21 May 2022 06:05:19 GMT           | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 06:05:19              | 2022-05-21T06:05:19Z
                Sat, 21-May-2022 06:05:19 GMT          | 2022-05-21T06:05:19Z
                Sat, 21st May 2022 06:05:19 GMT        | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 6:05:19 GMT           | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 06:05:19.250 GMT      | 2022-05-21T06:05:19.250Z
                Sat, 21 May 2022 14:05:19 +0800 (CST)  | 2022-05-21T06:05:19Z
                Sat, 21 May 2022 14:05:19 +0800 CST    | 2022-05-21T06:05:19Z
                """)
        void readsTheVariationsSeenInTheWild(String text, String expected) {
            assertReads(text, expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Sa, 21 Mai 2022 06:05:19 GMT            | 2022-05-21T06:05:19Z
                sam., 21 mai 2022 06:05:19 +0200        | 2022-05-21T04:05:19Z
                mar, 17 may 2022 06:05:19 GMT           | 2022-05-17T06:05:19Z
                sáb, 21 abr 2022 06:05:19 GMT           | 2022-04-21T06:05:19Z
                za, 21 mei 2022 06:05:19 GMT            | 2022-05-21T06:05:19Z
                Сб, 21 мая 2022 06:05:19 +0300          | 2022-05-21T03:05:19Z
                Κυρ, 11 Ιούλ 2004 12:00:00 EST          | 2004-07-11T17:00:00Z
                """)
        void readsMonthNamesOfOtherLanguages(String text, String expected) {
            assertReads(text, expected);
        }
    }

    @Nested
    class Iso8601 {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                2003-12-31T10:14:55Z             | 2003-12-31T10:14:55Z
                2003-12-31t10:14:55z             | 2003-12-31T10:14:55Z
                2003-12-31T10:14:55-08:00        | 2003-12-31T18:14:55Z
                2003-12-31T18:14:55+08:00        | 2003-12-31T10:14:55Z
                2023-03-08T21:00:55+08:00        | 2023-03-08T13:00:55Z
                2013-07-05T21:42:17-00:00        | 2013-07-05T21:42:17Z
                2022-05-21T14:05:19+0800         | 2022-05-21T06:05:19Z
                2022-05-21T14:05:19+08           | 2022-05-21T06:05:19Z
                2022-05-21T14:05:19 +08:00       | 2022-05-21T06:05:19Z
                2022-05-21T14:05:19 GMT+8        | 2022-05-21T06:05:19Z
                2022-05-21T06:05:19 UTC          | 2022-05-21T06:05:19Z
                2007-04-23T23:25:47.538+10:00    | 2007-04-23T13:25:47.538Z
                2003-12-31T10:14:55.1234Z        | 2003-12-31T10:14:55.1234Z
                2003-12-31T10:14:55,5Z           | 2003-12-31T10:14:55.5Z
                2003-12-31T10:14:55.123456789123Z | 2003-12-31T10:14:55.123456789Z
                2003-12-31T10:14Z                | 2003-12-31T10:14:00Z
                2000-01-01T12:00+00:00           | 2000-01-01T12:00:00Z
                2003-12-31T10:14:55              | 2003-12-31T10:14:55Z
                2004-02-28T18:14:55-08:00        | 2004-02-29T02:14:55Z
                2003-02-28T18:14:55-08:00        | 2003-03-01T02:14:55Z
                2000-02-28T18:14:55-08:00        | 2000-02-29T02:14:55Z
                2016-12-31T23:59:60Z             | 2016-12-31T23:59:59Z
                2003-012-31T10:14:55+00:00       | 2003-12-31T10:14:55Z
                2004-07-08 23:56:58 -00:20       | 2004-07-09T00:16:58Z
                2004-07-08T23:56:58 -00:20       | 2004-07-09T00:16:58Z
                2004-július-13T9:15-05:00        | 2004-07-13T14:15:00Z
                """)
        void readsDateTimes(String text, String expected) {
            assertReads(text, expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                2003-12-31        | 2003-12-31T00:00:00Z
                2019-08-24        | 2019-08-24T00:00:00Z
                2003-12           | 2003-12-01T00:00:00Z
                2003              | 2003-01-01T00:00:00Z
                2003-335          | 2003-12-01T00:00:00Z
                2004-366          | 2004-12-31T00:00:00Z
                2009-W01-1        | 2008-12-29T00:00:00Z
                2009-W53-7        | 2010-01-03T00:00:00Z
                2004-W53-6        | 2005-01-01T00:00:00Z
                2022-W20          | 2022-05-16T00:00:00Z
                20031231          | 2003-12-31T00:00:00Z
                20031231T101455Z  | 2003-12-31T10:14:55Z
                20031231T1014+0100 | 2003-12-31T09:14:00Z
                20031231101455    | 2003-12-31T10:14:55Z
                """)
        void readsDatesWeeksAndTheBasicForm(String text, String expected) {
            assertReads(text, expected);
        }
    }

    @Nested
    class Chinese {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                2022年5月21日                      | 2022-05-20T16:00:00Z
                2022年5月21日 14:05                | 2022-05-21T06:05:00Z
                2022年05月21日 14:05:19            | 2022-05-21T06:05:19Z
                2022年5月21日14:05:19              | 2022-05-21T06:05:19Z
                2022年5月21日 14：05：19           | 2022-05-21T06:05:19Z
                2022年5月21日 下午2:05             | 2022-05-21T06:05:00Z
                2022年5月21日 上午10:05            | 2022-05-21T02:05:00Z
                2022年5月21日 下午2点05分          | 2022-05-21T06:05:00Z
                2022年5月21日 14时05分19秒         | 2022-05-21T06:05:19Z
                2022年5月21日 星期六 14:05         | 2022-05-21T06:05:00Z
                2022年5月21日（星期六） 14:05      | 2022-05-21T06:05:00Z
                2022年5月21日 周日 14:05           | 2022-05-21T06:05:00Z
                2022年5月21号 14:05                | 2022-05-21T06:05:00Z
                2022年5月21日 14:05 +0000          | 2022-05-21T14:05:00Z
                """)
        void readsDatesWrittenWithYearMonthDayUnitsAsChinaStandardTime(String text, String expected) {
            assertReads(text, expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                2022-05-21 14:05:19        | 2022-05-21T06:05:19Z
                2018-09-18 14:38:10        | 2018-09-18T06:38:10Z
                2004-07-08 23:56:58.0      | 2004-07-08T15:56:58Z
                2022-5-21 14:05            | 2022-05-21T06:05:00Z
                2020/1/10 14:33:00         | 2020-01-10T06:33:00Z
                2022/05/21 14:05           | 2022-05-21T06:05:00Z
                2022/05/21                 | 2022-05-20T16:00:00Z
                2022-05-21 下午2:05        | 2022-05-21T06:05:00Z
                2022-05-21 14:05:19 +0000  | 2022-05-21T14:05:19Z
                2022-05-21 14:05:19 GMT    | 2022-05-21T14:05:19Z
                2022-05-21 14:05:19Z       | 2022-05-21T14:05:19Z
                2022-05-21 14:05:19 CST    | 2022-05-21T06:05:19Z
                2022/05/21 14:05:19 CST    | 2022-05-21T06:05:19Z
                2022年5月21日 14:05:19 CST | 2022-05-21T06:05:19Z
                2022-05-21 14:05:19.123 +0800 CST | 2022-05-21T06:05:19.123Z
                2022-05-21T14:05:19 CST    | 2022-05-21T20:05:19Z
                """)
        void readsTheSlashAndSqlFormsWithoutZoneAsChinaStandardTime(String text, String expected) {
            assertReads(text, expected);
        }
    }

    @Nested
    class OtherDialects {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Sat May 21 06:05:19 2022                                | 2022-05-21T06:05:19Z
                Sun Jan  4 16:29:06 2004                                | 2004-01-04T16:29:06Z
                Sun Jul 15 01:16:00 +0000 2012                          | 2012-07-15T01:16:00Z
                Thu Aug 30 2012 17:26:16 +0200                          | 2012-08-30T15:26:16Z
                Sat May 21 2022 14:05:19 GMT+0800 (China Standard Time) | 2022-05-21T06:05:19Z
                Sat May 21 2022 14:05:19 GMT+0800 (中国标准时间)         | 2022-05-21T06:05:19Z
                Fri, 2006/09/15 08:19:53 EDT                            | 2006-09-15T12:19:53Z
                'May 21, 2022 2:05 PM'                                  | 2022-05-21T14:05:00Z
                'May 21, 2022 12:05 a.m.'                               | 2022-05-21T00:05:00Z
                'May 21, 2022'                                          | 2022-05-21T00:00:00Z
                21.05.2022 14:05                                        | 2022-05-21T14:05:00Z
                2004년 05월 28일  01:31:15                              | 2004-05-27T16:31:15Z
                2004-05-25 오후 11:23:17                                | 2004-05-25T14:23:17Z
                """)
        void readsAsctimeJavaScriptAndNationalForms(String text, String expected) {
            assertReads(text, expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                1653113119 | 2022-05-21T06:05:19Z
                999999999  | 2001-09-09T01:46:39Z
                """)
        void readsEpochSecondsOfNineOrTenDigits(String text, String expected) {
            assertReads(text, expected);
        }
    }

    /** Dates as the feedparser conformance corpus and the real feeds of the shared fixtures write them. */
    @Nested
    class SeenInFeeds {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Thu, 01 Jan 2004 19:48:21 GMT   | 2004-01-01T19:48:21Z
                Sat, 07 Sep 2002 00:00:01 GMT   | 2002-09-07T00:00:01Z
                2004-04-06T23:05:43-05:00       | 2004-04-07T04:05:43Z
                2002-09-28T21:00:02Z            | 2002-09-28T21:00:02Z
                Thu, 07 Oct 2021 20:22:21 GMT   | 2021-10-07T20:22:21Z
                Wed, 27 Sep 2023 05:10:04 +0000 | 2023-09-27T05:10:04Z
                Mon, 22 Jun 2015 11:18 EDT      | 2015-06-22T15:18:00Z
                2023-03-08T21:00:55+08:00       | 2023-03-08T13:00:55Z
                2004-09-15T14:13:08-05:00       | 2004-09-15T19:13:08Z
                2018-02-05T23:02:19+00:00       | 2018-02-05T23:02:19Z
                2019-08-15                      | 2019-08-15T00:00:00Z
                2020/1/10 14:07:00              | 2020-01-10T06:07:00Z
                2018-09-17 20:15:50             | 2018-09-17T12:15:50Z
                """)
        void readsToTheRightInstant(String text, String expected) {
            assertReads(text, expected);
        }
    }

    @Nested
    class Unreadable {
        @ParameterizedTest(name = "[{index}] ''{0}''")
        @ValueSource(strings = {
            "", "   ", "\u00a0", "garbage", "Invalid Date", "NaN", "null", "undefined", "yesterday", "2 hours ago",
            "2022-13-45", "2022-02-30", "2023-02-29", "2022-00-10", "0000-00-00 00:00:00", "2022年13月1日",
            "2022年2月30日", "Feb 30 2022", "Sat, 30 Feb 2022 10:00:00 GMT", "Sun, 99 Jun 2009 12:00:00 GMT",
            "Sun, 16 Dec 2012 1:2:3:4 GMT", "Sun, 16 zzz 2012 11:47:32 GMT", "Sun, Dec x 2012 11:47:32 GMT",
            "Sun, 16 Dec zz 11:47:32 GMT", "Sun, 16 Dec 2012 11:47:32 +zz:00", "Sun, 16 Dec 2012 11:47:32 +00:zz",
            "Sun, 31 Dec 9999 23:59:59 -9999", "9999-12-31T23:59:59-99:99", "2003-12-31T25:14:55Z",
            "2003-12-31T24:00:00Z", "2003-12-31T10:61:55Z", "2003-12-31T10:14:61Z", "22013", "013", "12345",
            "12345678901", "2013-01-27-01", "2013-01-28T11:30:00-06:00Textra", "2013-xx-27",
            "2013-01-28T09:xx:00Z", "2013-01-28T09:00:00+00:xx", "2009-W54-1", "2010-W53-1", "2009-W01-8",
            "2003-366", "May 2022", "21 May", "14:05:19", "Sat, 21 May 2022 06:05:19 Gibberish",
            "Sat, 21 May 2022 06:05:19 GMT trailing words", "21/05/2022", "2022-05-21T14",
        })
        void isEmpty(String text) {
            assertThat(FeedDates.parse(text)).as(text).isEmpty();
        }

        @Test
        void neverThrowsOnMangledDates() {
            List<String> seeds = List.of("Sat, 21 May 2022 06:05:19 GMT", "Sat, 21 May 2022 14:05:19 +0800",
                    "2003-12-31T10:14:55.1234-08:00", "2009-W01-1T10:00Z", "2004-július-13T9:15-05:00",
                    "2022年5月21日 下午2点05分", "Sat May 21 2022 14:05:19 GMT+0800 (CST)", "2004-05-25 오후 11:23:17",
                    "Fri, 2006/09/15 08:19:53 EDT", "May 21, 2022 12:05 a.m.", "21.05.2022", "1653113119");
            String palette = "0123456789 :+-./,TZWtz年月日时分秒()（）aApP\u00a0";
            Random random = new Random(20220521);
            for (String seed : seeds) {
                for (int end = 0; end <= seed.length(); end++) {
                    assertNeverThrows(seed.substring(0, end));
                    assertNeverThrows(seed.substring(end));
                }
                for (int round = 0; round < 2_000; round++) {
                    StringBuilder mangled = new StringBuilder(seed);
                    int at = random.nextInt(mangled.length());
                    mangled.setCharAt(at, palette.charAt(random.nextInt(palette.length())));
                    if (random.nextBoolean()) {
                        mangled.insert(random.nextInt(mangled.length() + 1), palette.charAt(random.nextInt(palette.length())));
                    }
                    assertNeverThrows(mangled.toString());
                }
            }
        }

        private static void assertNeverThrows(String text) {
            assertThatCode(() -> FeedDates.parse(text)).as(text).doesNotThrowAnyException();
        }
    }
}
