package dev.gleaner.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A CDATA section left inside an item's HTML is the text it holds, escaped, never markup. */
class CdataInHtmlTest {
    private final HtmlSanitizer sanitizer = HtmlSanitizer.withoutPageAttributes();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a <![CDATA[<script>alert(1)</script>]]> b                 | a &lt;script&gt;alert(1)&lt;/script&gt; b
            <p>x<![CDATA[ <img src=x onerror=alert(1)> ]]>y</p>       | <p>x &lt;img src=x onerror=alert(1)&gt; y</p>
            <![CDATA[1 < 2 && 3 > 2]]>                                | 1 &lt; 2 &amp;&amp; 3 &gt; 2
            <b><![CDATA[one]]></b><![CDATA[two]]>                     | <b>one</b>two
            before <![CDATA[never closed <a href=javascript:x>        | before never closed &lt;a href=javascript:x&gt;
            """)
    void isEscapedText(String html, String expected) {
        assertThat(sanitizer.sanitize(html, "https://example.com/")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Safe <![CDATA[<script>x</script>]]> title   | Safe <script>x</script> title
            <![CDATA[A & B]]>                           | A & B
            """)
    void inPlainTextIsItsText(String html, String expected) {
        assertThat(sanitizer.plainText(html)).isEqualTo(expected);
    }
}
