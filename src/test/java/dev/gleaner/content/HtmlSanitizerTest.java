package dev.gleaner.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the sanitizer keeps of feed HTML, and how it writes it. */
class HtmlSanitizerTest {
    private static final String BASE = "https://example.com/news/item.html";
    private final HtmlSanitizer page = new HtmlSanitizer();
    private final HtmlSanitizer bare = HtmlSanitizer.withoutPageAttributes();

    @Nested
    class KeepsTheArticle {
        @Test
        void keepsAZhihuStyleBodyAsItIs() {
            String html = """
                    <p data-pid="aB3x">第一段，<b>加粗</b>与<a href="https://www.zhihu.com/question/1" class="internal">链接</a>。</p>\
                    <figure data-size="normal"><img src="https://pic1.zhimg.com/v2-1.jpg" data-rawwidth="1080" \
                    data-rawheight="720" class="origin_image" width="1080"><figcaption>图注</figcaption></figure>""";

            assertThat(bare.sanitize(html, BASE)).isEqualTo(html);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "<td>cell</td>",
            "<tr><td>a</td><td>b</td></tr>",
            "<caption>c</caption>",
            "<thead><tr><th scope=\"col\">h</th></tr></thead>",
        })
        void keepsTablePartsThatStandAlone(String html) {
            assertThat(bare.sanitize(html, BASE)).isEqualTo(html);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "<span abbr=\"\" axis=\"\" align=\"left\" valign=\"top\" nowrap></span>",
            "<font face=\"Arial\" color=\"red\" size=\"2\">f</font>",
            "<details open><summary>s</summary>d</details>",
            "<progress value=\"3\" max=\"9\"></progress><meter value=\"1\"></meter>",
            "<label for=\"x\">l</label><output>o</output>",
            "<map name=\"m\"><area shape=\"rect\" coords=\"0,0,9,9\" alt=\"a\"></map>",
            "<big>b</big><tt>t</tt><acronym title=\"t\">a</acronym><nav>n</nav><canvas width=\"9\"></canvas>",
            "<p aria-label=\"a\" role=\"note\" data-x.y_z=\"1\" lang=\"zh\" dir=\"ltr\">p</p>",
        })
        void keepsHarmlessElementsAndAttributes(String html) {
            assertThat(bare.sanitize(html, BASE)).isEqualTo(html);
        }

        @Test
        void keepsSafeDeclarationsOfAStyleAsTheFeedWroteThem() {
            assertThat(bare.sanitize("<span style=\"background-color:#ffffff; color:#24292e\">x</span>", BASE))
                    .isEqualTo("<span style=\"background-color:#ffffff; color:#24292e\">x</span>");
            assertThat(bare.sanitize("<a style=\"display:block; position:absolute; z-index:1; color:red;\">x</a>",
                    BASE)).isEqualTo("<a style=\"display:block; color:red;\">x</a>");
        }

        @Test
        void keepsAnSvgDrawingWithItsShapes() {
            String svg = """
                    <svg version="1.1" baseProfile="full" width="300px" height="200px"><title>foo</title>\
                    <a xlink:href="https://example.org/"><circle cx="150px" cy="100px" r="50px" fill="#ff0000" \
                    stroke="#000000" stroke-width="5px" /></a></svg>""";

            assertThat(bare.sanitize(svg, BASE)).isEqualTo(svg);
        }

        @Test
        void keepsAMathMlFormula() {
            String math = "<math><mrow xlink:href=\"https://example.org/\"><mi>a</mi><mo>+</mo><mi>b</mi></mrow></math>";

            assertThat(bare.sanitize(math, BASE)).isEqualTo(math);
        }

        @Test
        void turnsHtmlInsideADrawingIntoText() {
            assertThat(bare.sanitize("<svg><title><b>bold</b> title</title></svg>", BASE))
                    .isEqualTo("<svg><title>bold title</title></svg>");
        }
    }

    @Nested
    class DropsWhatIsNoPartOfTheArticle {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "safe<script>location.href='http://example.com/'</script> description | safe description",
            "safe<style>body {display: none}</style> description                 | safe description",
            "safe<iframe src=\"https://example.com/\"> description</iframe>        | safe description",
            "safe<iframe src=\"https://example.com/\"/> description                | safe description",
            "safe<object classid=\"clsid:C932BA85\"> description</object>          | safe description",
            "safe<meta http-equiv=\"Refresh\" content=\"0\"> description           | safe description",
            "safe<frameset rows=\"*\"><frame src=\"x\"></frameset> description      | safe description",
            "<blink>safe</blink> description                                      | safe description",
            "<select><option>one</option></select><textarea>two</textarea>        | onetwo",
            "<noscript><img src=\"https://example.com/a.png\"></noscript>          | <img src=\"https://example.com/a.png\">",
            "<dialog open>d</dialog>                                              | <dialog>d</dialog>",
            "<title>Page</title>text                                              | Pagetext",
            "<a href=\"https://example.com/\" ping=\"https://t.example/\" rel=\"opener\">a</a> | <a href=\"https://example.com/\">a</a>",
            "<img src=\"https://example.com/a.png\" referrerpolicy=\"unsafe-url\"> | <img src=\"https://example.com/a.png\">",
        })
        void dropsTheElementOrAttributeAndKeepsTheText(String html, String expected) {
            assertThat(bare.sanitize(html, BASE)).isEqualTo(expected);
        }
    }

    @Nested
    class Urls {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "<a href=\"/about\">a</a>                 | <a href=\"https://example.com/about\">a</a>",
            "<img src=\"pic.png\">                    | <img src=\"https://example.com/news/pic.png\">",
            "<img src=\"//cdn.example.com/p.png\">    | <img src=\"https://cdn.example.com/p.png\">",
            "<video poster=\"p.jpeg\"></video>        | <video poster=\"https://example.com/news/p.jpeg\"></video>",
            "<a href=\"  https://example.org/x  \">a</a> | <a href=\"https://example.org/x\">a</a>",
            "<a href=\"mailto:me@example.com\">m</a>  | <a href=\"mailto:me@example.com\">m</a>",
            "<span href=\"\" src=\"\"></span>         | <span href=\"\" src=\"\"></span>",
        })
        void areMadeAbsoluteAgainstTheBase(String html, String expected) {
            assertThat(bare.sanitize(html, BASE)).isEqualTo(expected);
        }

        @Test
        void stayRelativeWithoutABase() {
            assertThat(bare.sanitize("<a href=\"/about\">a</a><img src=\"p.png\">", ""))
                    .isEqualTo("<a href=\"/about\">a</a><img src=\"p.png\">");
        }

        @Test
        void stayRelativeWhereTheBaseGivesNoWebAddress() {
            assertThat(bare.sanitize("<a href=\"next.html\">a</a>", "file:/feeds/feed.xml"))
                    .isEqualTo("<a href=\"next.html\">a</a>");
        }

        @Test
        void keepInlineRasterImagesOnly() {
            assertThat(bare.sanitize("<img src=\"data:image/png;base64,iVBORw0KGgo=\">", BASE))
                    .isEqualTo("<img src=\"data:image/png;base64,iVBORw0KGgo=\">");
            assertThat(bare.sanitize("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", BASE)).isEqualTo("<img>");
            assertThat(bare.sanitize("<a href=\"data:image/png;base64,iVBORw0KGgo=\">a</a>", BASE))
                    .isEqualTo("<a>a</a>");
        }

        @Test
        void keepTheSafeCandidatesOfASrcset() {
            assertThat(bare.sanitize("<img srcset=\"a.png 1x, javascript:alert(1) 2x, https://cdn.example/b.png 3x\">",
                    BASE)).isEqualTo("<img srcset=\"https://example.com/news/a.png 1x, https://cdn.example/b.png 3x\">");
        }
    }

    @Nested
    class ForAPage {
        @Test
        void givesLinksNoOpenerAndNoReferrer() {
            assertThat(page.sanitize("<a href=\"https://example.org/\" target=\"_blank\" rel=\"opener\">a</a>", BASE))
                    .isEqualTo("<a href=\"https://example.org/\" target=\"_blank\" rel=\"noopener noreferrer\">a</a>");
        }

        @Test
        void givesImagesNoReferrerWhateverTheFeedAsked() {
            assertThat(page.sanitize("<img src=\"https://pic.example/a.jpg\" referrerpolicy=\"unsafe-url\">", BASE))
                    .isEqualTo("<img src=\"https://pic.example/a.jpg\" referrerpolicy=\"no-referrer\">");
            assertThat(page.sanitize("<img src=\"https://pic.example/a.jpg\">", BASE))
                    .isEqualTo("<img src=\"https://pic.example/a.jpg\" referrerpolicy=\"no-referrer\">");
        }

        @Test
        void takesMarkupOutOfAnImagesTextWhichThemesPasteIntoHtml() {
            String html = "<img src=\"https://pic.example/a.jpg\" alt=\"&lt;img src=x onerror=alert(1)&gt;\" "
                    + "title='say \"hi\" &amp; &lt;b&gt;'>";

            assertThat(page.sanitize(html, BASE)).isEqualTo("<img src=\"https://pic.example/a.jpg\" "
                    + "alt=\"img src=x onerror=alert(1)\" title=\"say hi &amp; b\" referrerpolicy=\"no-referrer\">");
            assertThat(bare.sanitize(html, BASE)).contains("alt=\"&lt;img src=x onerror=alert(1)&gt;\"");
        }

        @Test
        void leavesLinksWithoutAnAddressAlone() {
            assertThat(page.sanitize("<a name=\"top\">t</a>", BASE)).isEqualTo("<a name=\"top\">t</a>");
        }

        @Test
        void removesWhatTheBareSanitizerRemoves() {
            String html = "<p onclick=\"x()\" style=\"position:fixed\">p<script>x()</script></p>";

            assertThat(page.sanitize(html, BASE)).isEqualTo(bare.sanitize(html, BASE)).isEqualTo("<p>p</p>");
        }
    }

    @Nested
    class FeedQuirks {
        @Test
        void endsACommentLeftOpenAtItsFirstClosingBracket() {
            assertThat(bare.sanitize("sa<!-- -- nonwhitespace >fe<script>alert(1);</script>", BASE)).isEqualTo("safe");
        }

        @Test
        void keepsAClosedCommentOut() {
            assertThat(bare.sanitize("a<!-- hidden > still hidden -->b", BASE)).isEqualTo("ab");
        }

        @Test
        void readsTheFallbackOfAFrameAsHtml() {
            assertThat(bare.sanitize("<iframe src=\"https://v.example/\"><p>Watch <b>here</b></p></iframe>", BASE))
                    .isEqualTo("<p>Watch <b>here</b></p>");
        }

        @Test
        void readsAnXmpAsText() {
            assertThat(bare.sanitize("<xmp><b>code</b></xmp>", BASE)).isEqualTo("&lt;b&gt;code&lt;/b&gt;");
        }
    }

    @Nested
    class PlainText {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "safe<script>location.href='http://example.com/'</script> description | safe description",
            "<img src=\"https://example.com/a.png\" onblur=\"alert(1)\" />         | ``",
            "<a href=\"https://example.com/\" style=\"display:block\">platypus</a> | platypus",
            "sa<!-- -- nonwhitespace >fe<script>alert(1);</script>                | safe",
            "safe<!--                                                             | safe",
            "AT&amp;T &lt;b&gt; <b>bold</b>                                       | AT&T <b> bold",
            "<p>one</p> <p>two</p><br>three                                        | one two three",
        })
        void isTheTextAReaderSees(String html, String expected) {
            assertThat(bare.plainText(html)).isEqualTo(expected);
        }
    }
}
