package dev.gleaner.parse;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The month and zone names feed dates are written with, in the languages feeds use, and the offsets of
 * the two zones that forms without a zone fall back to.
 */
final class DateWords {
    /** China Standard Time, UTC+8: what dates written the way Chinese publishers write them are read in. */
    static final int CHINA = 8 * 3600;
    /** Korea Standard Time, UTC+9: what Korean forms without a zone are read in. */
    static final int KOREA = 9 * 3600;
    /** The twelve English abbreviations in order, three letters each, as RFC 1123 writes them. */
    static final String RFC_MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String[] ENGLISH_MONTHS = {"january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december"};
    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, Integer> ZONES = zones();

    private DateWords() {
    }

    /** 1 to 12 for a month name or abbreviation in a language feeds use, else -1. */
    static int monthNamed(String lowerCase) {
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

    /** The UTC offset in seconds of a zone abbreviation in lower case ({@code cst} is US Central), or null. */
    static @Nullable Integer zoneNamed(String lowerCase) {
        return ZONES.get(lowerCase);
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
