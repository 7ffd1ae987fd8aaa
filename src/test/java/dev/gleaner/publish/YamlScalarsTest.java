package dev.gleaner.publish;

import static dev.gleaner.publish.HostileText.escaped;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** How strings are written as YAML scalars: plain where that is safe, quoted otherwise, always read back as written. */
class YamlScalarsTest {

    /** Asserts that {@code scalar}, as the value of a key, reads back as {@code value} in YAML 1.1 and 1.2. */
    private static void assertReadsBack(String scalar, String value) {
        String document = "key: " + scalar + "\n";
        Map<String, Object> yaml11 = new Yaml(new SafeConstructor(new LoaderOptions())).load(document);
        Object yaml12 = ((Map<?, ?>) new Load(LoadSettings.builder().setSchema(new CoreSchema()).build())
                .loadFromString(document)).get("key");

        assertThat(yaml11).as("YAML 1.1 reading %s", escaped(document)).containsOnlyKeys("key");
        assertThat(yaml11.get("key")).as("YAML 1.1 reading %s", escaped(document)).isEqualTo(value);
        assertThat(yaml12).as("YAML 1.2 reading %s", escaped(document)).isEqualTo(value);
    }

    @Nested
    class APlainScalar {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"知乎", "知乎热榜", "社交媒体", "36kr", "GameRes 游资网", "Work type", "Hexo",
                "Yilia 主题博客", "1883 (更新至03)", "CUE!｜CUE", "C#", "a:b", "a-b", "a,b", "a[b]", "a{b}", "it's",
                "a \"b\"", "a#b", "a?", "a!", "100%", "user@example.com", "😀", "𭠀", "yesterday", "nullable",
                "truest", "Null pointer", "1a", "v1.2.3", "0x", "ON AIR"})
        void isWrittenAsItIsWhereNothingCanMisreadIt(String value) {
            assertThat(YamlScalars.plainOrQuoted(value)).isEqualTo(value);
            assertReadsBack(value, value);
        }
    }

    @Nested
    class AScalarThatPlainWouldMisread {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"true", "True", "TRUE", "false", "yes", "Yes", "No", "NO", "on", "Off", "OFF",
                "y", "Y", "n", "N", "null", "Null", "NULL", "~", "<<", "=",
                "42", "-7", "+7", "017", "0o17", "+0o17", "0x1F", "+0x1F", "0b101", "1_000", "3.14", ".5", "1.",
                "1e5", "1E5", "+1e5", "-1.5e-3", ".inf", "-.inf", "+.INF", ".nan", ".NaN", "12:30", "12:30:45",
                "2022-05-21", "2022-05-21 06:05:19", "2022-05-21T06:05:19Z"})
        void isQuotedWhenYamlWouldResolveItToAnotherType(String value) {
            assertThat(YamlScalars.plainOrQuoted(value)).isEqualTo("\"" + value + "\"");
            assertReadsBack(YamlScalars.plainOrQuoted(value), value);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"-", "- a", "-a", "?", "? a", "?a", ":", ": a", ":a", "a:", "a: b", "知乎: 热榜",
                "#", "#a", "a #b", "&a", "*a", "!a", "!!str", "|", "|a", ">", ">a", "%a", "@a", "`a", "'a'", "'",
                "\"a\"", "[a]", "{a}", "{% raw %}", "{{ title }}", ",a", "]a", "}a", "---", "...", "a --- b",
                "a ... b", " a", "a ", " ", ""})
        void isQuotedWhenItStartsOrHoldsAnIndicator(String value) {
            String scalar = YamlScalars.plainOrQuoted(value);

            assertThat(scalar).startsWith("\"").endsWith("\"");
            assertReadsBack(scalar, value);
        }

        @ParameterizedTest(name = "{index}")
        @ValueSource(strings = {"a\tb", "a\nb", "a\rb", "a\r\nb", "a\u2028b", "a\u2029b", "a\u0085b", "\uFEFFa",
                "a\u0000b", "a\u0007b", "a\u007Fb", "a\u009Fb", "a\uFFFEb", "\n---\nkey: x"})
        void isQuotedWhenItHoldsALineBreakOrAControlCharacter(String value) {
            String scalar = YamlScalars.plainOrQuoted(value);

            assertThat(scalar).startsWith("\"").endsWith("\"")
                    .doesNotContainPattern("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]");
            assertReadsBack(scalar, value);
        }
    }

    @Nested
    class ASingleQuotedScalar {

        @Test
        void isWrittenInSingleQuotesAsTheOriginalSiteWroteTitlesAndImages() {
            String title = "如何看待美国一边承诺加强与东盟地区安全合作，一边向其出售二手军备？";

            assertThat(YamlScalars.singleQuoted(title)).isEqualTo("'" + title + "'");
            assertThat(YamlScalars.singleQuoted("https://picsum.photos/400/300?random=2348"))
                    .isEqualTo("'https://picsum.photos/400/300?random=2348'");
        }

        @Test
        void doublesASingleQuoteInside() {
            assertThat(YamlScalars.singleQuoted("BOLT'ing")).isEqualTo("'BOLT''ing'");
            assertReadsBack(YamlScalars.singleQuoted("BOLT'ing"), "BOLT'ing");
        }

        @ParameterizedTest(name = "{index}")
        @ValueSource(strings = {"a\nb", "a\u2028b", "a\u0085b", "\uFEFFa", "a\u0000b", "a\uFFFFb"})
        void fallsBackToDoubleQuotesForWhatSingleQuotesCannotHold(String value) {
            String scalar = YamlScalars.singleQuoted(value);

            assertThat(scalar).startsWith("\"").endsWith("\"");
            assertReadsBack(scalar, value);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"", "true", "1e5", "- a", "a: b", "a #b", "#", "{% raw %}", "\"", "---", "😀𭠀"})
        void readsBackAsWrittenWhateverItHolds(String value) {
            assertReadsBack(YamlScalars.singleQuoted(value), value);
        }
    }

    @Nested
    class ADoubleQuotedScalar {

        @Test
        void escapesQuotesAndBackslashes() {
            assertThat(YamlScalars.doubleQuoted("Vue_ Uncaught TypeError_ Cannot read property 'component'"))
                    .isEqualTo("\"Vue_ Uncaught TypeError_ Cannot read property 'component'\"");
            assertThat(YamlScalars.doubleQuoted("say \"hi\" \\o/")).isEqualTo("\"say \\\"hi\\\" \\\\o/\"");
            assertReadsBack(YamlScalars.doubleQuoted("say \"hi\" \\o/"), "say \"hi\" \\o/");
        }

        @Test
        void escapesLineBreaksAndControlsWithEscapesEveryParserKnows() {
            assertThat(YamlScalars.doubleQuoted("\n\r\t\u0000\u0007\u001B\u007F\u0085\u009F"))
                    .isEqualTo("\"\\n\\r\\t\\0\\x07\\x1B\\x7F\\x85\\x9F\"");
            assertThat(YamlScalars.doubleQuoted("\u2028\u2029\uFEFF\uFFFE\uFFFF"))
                    .isEqualTo("\"\\u2028\\u2029\\uFEFF\\uFFFE\\uFFFF\"");
        }

        @ParameterizedTest(name = "{index}")
        @ValueSource(strings = {"a\u2028b", "a\u2029b", "a\u0085b"})
        void writesUnicodeLineBreaksSoThatYaml12ParsersReadThem(String value) {
            // snakeyaml-engine rejects the named escapes \L and \P.
            assertReadsBack(YamlScalars.doubleQuoted(value), value);
        }

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(ints = {0x1F600, 0x1D800, 0x1DFFF, 0x2D800, 0x2DBFF, 0x10D800, 0x10FFFD, 0x10000})
        void keepsAstralCharactersWhole(int codePoint) {
            // An astral character whose low 16 bits look like a surrogate (U+2D800, a CJK ideograph) was
            // once escaped as four hex digits, 2D80, and a stray 0 after them.
            String value = "'" + Character.toString(codePoint) + "'";

            assertThat(YamlScalars.doubleQuoted(value)).isEqualTo("\"" + value + "\"");
            assertReadsBack(YamlScalars.doubleQuoted(value), value);
        }
    }
}
