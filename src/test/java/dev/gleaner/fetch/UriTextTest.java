package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How URL text as people and servers write it becomes a URI, encoded exactly once. */
class UriTextTest {
    @Nested
    class WhenAPersonWroteTheUrl {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiterString = " => ", value = {
            "https://rsshub.app/eventernote/actors/三森すずこ/2634 => https://rsshub.app/eventernote/actors/%E4%B8%89%E6%A3%AE%E3%81%99%E3%81%9A%E3%81%93/2634",
            "https://rsshub.app/huxiu/search/%E8%8B%B9%E6%9E%9C => https://rsshub.app/huxiu/search/%E8%8B%B9%E6%9E%9C",
            "https://rsshub.app/huxiu/search/%e8%8b%b9 => https://rsshub.app/huxiu/search/%e8%8b%b9",
            "http://example.org/a b?q=c d => http://example.org/a%20b?q=c%20d",
            "http://example.org/50% => http://example.org/50%25",
            "http://example.org/100%zz => http://example.org/100%25zz",
            "http://example.org/%ef%bc%90/%０ => http://example.org/%ef%bc%90/%25%EF%BC%90",
            "http://example.org/a|b^c{d} => http://example.org/a%7Cb%5Ec%7Bd%7D",
            "http://example.org/list[1] => http://example.org/list%5B1%5D",
            "http://example.org/p?a=1&b=x+y;c=d:e@f/g?h => http://example.org/p?a=1&b=x+y;c=d:e@f/g?h",
            "http://example.org/p#top#more => http://example.org/p#top%23more",
            "http://example.org/😀 => http://example.org/%F0%9F%98%80",
        })
        void encodesWhatAUriCannotHoldAndKeepsEscapes(String text, String expected) throws Exception {
            assertThat(UriText.parse(text).toString()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"http://[::1]:8080/feed", "http://user@example.org:80/feed", "http://example.org"})
        void leavesTheAuthorityAlone(String text) throws Exception {
            URI uri = UriText.parse(text);

            assertThat(uri.toString()).isEqualTo(text);
            assertThat(uri.getHost()).isNotNull();
        }

        @Test
        void yieldsAnUnchangedUriWhenEncodedTwice() throws Exception {
            String once = UriText.parse("https://rsshub.app/zhihu/search/苹果 50%").toString();

            assertThat(UriText.parse(once).toString()).isEqualTo(once);
        }
    }

    @Nested
    class WhenAServerSentTheUrlInAHeader {
        @Test
        void recoversUtf8BytesReadAsLatin1() throws Exception {
            String header = new String("/搜索".getBytes(UTF_8), ISO_8859_1);

            assertThat(UriText.parseHeader(header).toString()).isEqualTo("/%E6%90%9C%E7%B4%A2");
        }

        @Test
        void encodesTextBeyondLatin1AsUtf8() throws Exception {
            assertThat(UriText.parseHeader("/搜索").toString()).isEqualTo("/%E6%90%9C%E7%B4%A2");
        }

        @Test
        void leavesAQueryThatNamesAnotherUrlInPlace() throws Exception {
            assertThat(UriText.parseHeader("/go?to=http://example.org/a b").toString())
                    .isEqualTo("/go?to=http://example.org/a%20b");
        }

        @Test
        void keepsTheAuthorityOfAProtocolRelativeLocation() throws Exception {
            URI uri = UriText.parseHeader("//cdn.example.org/feed 1.xml");

            assertThat(uri.getHost()).isEqualTo("cdn.example.org");
            assertThat(uri.getRawPath()).isEqualTo("/feed%201.xml");
        }
    }
}
