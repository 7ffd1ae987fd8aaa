package dev.gleaner.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.model.Feed;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CharsetDetectionTest {
    private static final String FRENCH = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Le café du matin</title><link>https://cafe.example/</link>
            <item><title>Crème brûlée à la française</title><description>Déjà vu, naïve façon</description></item>
            </channel></rss>
            """;

    private final FeedParser parser = FeedParser.standard();

    private Feed parse(byte[] bytes, Optional<String> charset) throws FeedParseException {
        return parser.parse(new FeedDocument("https://example.org/feed", bytes, charset));
    }

    private Feed parse(byte[] bytes) throws FeedParseException {
        return parse(bytes, Optional.empty());
    }

    @Nested
    class UndeclaredLatin {
        @Test
        void bytesThatAreNotUtf8AreReadAsWindows1252() throws Exception {
            Feed feed = parse(FRENCH.getBytes(StandardCharsets.ISO_8859_1));

            assertThat(feed.title()).isEqualTo("Le café du matin");
            assertThat(feed.entries().get(0).title()).isEqualTo("Crème brûlée à la française");
            assertThat(feed.entries().get(0).summary()).isEqualTo("Déjà vu, naïve façon");
            assertThat(feed.problems()).anyMatch(problem -> problem.contains("windows-1252"));
        }

        @Test
        void windows1252PunctuationIsReadAsSuch() throws Exception {
            String text = FRENCH.replace("Déjà vu, naïve façon", "“Quoted” — and ‘single’ €5…");

            Feed feed = parse(text.getBytes(Charset.forName("windows-1252")));

            assertThat(feed.entries().get(0).summary()).isEqualTo("“Quoted” — and ‘single’ €5…");
        }

        @Test
        void aLatinAccentBeforeAnAsciiLetterIsNotTakenForChinese() throws Exception {
            String text = FRENCH.replace("Le café du matin", "été, Noël, élan, équipe");

            assertThat(parse(text.getBytes(StandardCharsets.ISO_8859_1)).title()).isEqualTo("été, Noël, élan, équipe");
        }

        @Test
        void undeclaredGbkIsStillReadAsChinese() throws Exception {
            String text = FRENCH.replace("Le café du matin", "新浪科技：今日要闻").replace("Crème brûlée à la française", "国产芯片");

            Feed feed = parse(text.replace("é", "e").replace("è", "e").replace("û", "u").replace("à", "a")
                    .replace("ç", "c").replace("ï", "i").getBytes(Charset.forName("GBK")));

            assertThat(feed.title()).isEqualTo("新浪科技：今日要闻");
            assertThat(feed.entries().get(0).title()).isEqualTo("国产芯片");
        }

        @Test
        void aUtf8DocumentWithOneStrayByteStaysUtf8() throws Exception {
            byte[] bytes = FRENCH.replace("naïve", "naïve X").getBytes(StandardCharsets.UTF_8);
            int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(" X");
            bytes[at + 1] = (byte) 0xE9;

            Feed feed = parse(bytes);

            assertThat(feed.title()).isEqualTo("Le café du matin");
            assertThat(feed.entries().get(0).summary()).isEqualTo("Déjà vu, naïve \uFFFD façon");
        }
    }

    @Nested
    class DeclaredLatin {
        @ParameterizedTest
        @ValueSource(strings = {"ISO-8859-1", "iso-8859-1", "latin1", "windows-1252"})
        void aLatin1DeclarationMeansWindows1252(String name) throws Exception {
            String text = FRENCH.replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"" + name + "\"?>")
                    .replace("Déjà vu, naïve façon", "it’s “fine”");

            Feed feed = parse(text.getBytes(Charset.forName("windows-1252")));

            assertThat(feed.entries().get(0).summary()).isEqualTo("it’s “fine”");
            assertThat(feed.title()).isEqualTo("Le café du matin");
            assertThat(feed.bozo()).isFalse();
        }

        @Test
        void theHttpCharsetSaysLatin1() throws Exception {
            Feed feed = parse(FRENCH.getBytes(StandardCharsets.ISO_8859_1), Optional.of("ISO-8859-1"));

            assertThat(feed.title()).isEqualTo("Le café du matin");
        }
    }

    @Nested
    class ControlCharacters {
        @Test
        void numericReferencesToC1ControlsBecomeTheirPunctuation() throws Exception {
            String text = FRENCH.replace("Déjà vu, naïve façon", "&#147;hi&#148; &#150; &#133;");

            assertThat(parse(text.getBytes(StandardCharsets.UTF_8)).entries().get(0).summary())
                    .isEqualTo("“hi” – …");
        }

        @Test
        void c1ControlsInAJsonFeedBecomeTheirPunctuation() throws Exception {
            String json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"\u0093J\u0094\","
                    + " \"items\": [{\"id\": \"1\", \"content_text\": \"a \u0096 b\"}]}";

            Feed feed = parse(json.getBytes(StandardCharsets.UTF_8));

            assertThat(feed.title()).isEqualTo("“J”");
        }

        @Test
        void c1ControlsWrittenInUtf8BecomeTheirPunctuation() throws Exception {
            String text = FRENCH.replace("Déjà vu, naïve façon", "\u0093quoted\u0094 \u0080");

            assertThat(parse(text.getBytes(StandardCharsets.UTF_8)).entries().get(0).summary())
                    .isEqualTo("“quoted” €");
        }
    }

    @Nested
    class WideCharsetsWithoutAByteOrderMark {
        private static final String WIDE = """
                <?xml version="1.0" encoding="%s"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Ünïcödé 中文 ✓</title>
                <entry><title>日本語のタイトル</title><id>urn:x:1</id></entry></feed>
                """;

        @ParameterizedTest
        @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
        void areToldFromTheirFirstBytes(String charset) throws Exception {
            String declared = charset.substring(0, 6);
            byte[] bytes = WIDE.formatted(declared).getBytes(Charset.forName(charset));

            Feed feed = parse(bytes);

            assertThat(feed.title()).isEqualTo("Ünïcödé 中文 ✓");
            assertThat(feed.entries().get(0).title()).isEqualTo("日本語のタイトル");
            assertThat(feed.bozo()).isFalse();
        }

        @Test
        void evenWithoutADeclaration() throws Exception {
            byte[] bytes = WIDE.replace(" encoding=\"%s\"", "").getBytes(StandardCharsets.UTF_16LE);

            Feed feed = parse(bytes);

            assertThat(feed.title()).isEqualTo("Ünïcödé 中文 ✓");
            assertThat(feed.bozo()).isFalse();
        }

        @Test
        void theBytesWinOverAnHttpCharsetThatCannotBeRight() throws Exception {
            byte[] bytes = WIDE.formatted("UTF-16").getBytes(StandardCharsets.UTF_16BE);

            assertThat(parse(bytes, Optional.of("utf-8")).entries().get(0).title()).isEqualTo("日本語のタイトル");
        }

        @Test
        void aUtf32ByteOrderMarkIsNotTakenForUtf16() throws Exception {
            byte[] text = WIDE.formatted("UTF-32").getBytes(Charset.forName("UTF-32LE"));
            byte[] bytes = new byte[text.length + 4];
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xFE;
            System.arraycopy(text, 0, bytes, 4, text.length);

            assertThat(parse(bytes).title()).isEqualTo("Ünïcödé 中文 ✓");
        }
    }
}
