package dev.gleaner.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedFormat;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedParserTest {
    private final FeedParser parser = FeedParser.standard();

    private Feed parse(String text) throws FeedParseException {
        return parse(text.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private Feed parse(byte[] bytes, Optional<String> charset) throws FeedParseException {
        return parser.parse(new FeedDocument("https://example.org/feed", bytes, charset));
    }

    @Nested
    class Rss {
        private static final String RSSHUB = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
                  <channel>
                    <title><![CDATA[知乎热榜]]></title>
                    <link>https://www.zhihu.com/billboard</link>
                    <item>
                      <title><![CDATA[如何看待这件事？]]></title>
                      <description><![CDATA[神乐妮可的回答<br/><br/><p data-pid="a">正文</p>]]></description>
                      <pubDate>Sat, 21 May 2022 06:05:19 GMT</pubDate>
                      <guid isPermaLink="false">https://www.zhihu.com/question/1</guid>
                      <link>https://www.zhihu.com/question/1</link>
                      <author><![CDATA[神乐妮可]]></author>
                      <category>时事</category>
                      <enclosure url="/a.jpg" type="image/jpeg" length="123"/>
                    </item>
                  </channel>
                </rss>
                """;

        @Test
        void readsAnRsshubItem() throws Exception {
            Feed feed = parse(RSSHUB);

            assertThat(feed.format()).isEqualTo(FeedFormat.RSS20);
            assertThat(feed.title()).isEqualTo("知乎热榜");
            Entry entry = feed.entries().get(0);
            assertThat(entry.title()).isEqualTo("如何看待这件事？");
            assertThat(entry.guid()).isEqualTo("https://www.zhihu.com/question/1");
            assertThat(entry.published()).contains(Instant.parse("2022-05-21T06:05:19Z"));
            assertThat(entry.body()).isEqualTo("神乐妮可的回答<br/><br/><p data-pid=\"a\">正文</p>");
            assertThat(entry.author()).isEqualTo("神乐妮可");
            assertThat(entry.categories()).containsExactly("时事");
            assertThat(entry.enclosures()).singleElement()
                    .satisfies(enclosure -> assertThat(enclosure.url()).isEqualTo("https://www.zhihu.com/a.jpg"));
        }

        @Test
        void anItemWithoutGuidHasAnEmptyGuidNotItsLink() throws Exception {
            Feed feed = parse(RSSHUB.replace("<guid isPermaLink=\"false\">https://www.zhihu.com/question/1</guid>", ""));

            assertThat(feed.entries().get(0).guid()).isEmpty();
            assertThat(feed.entries().get(0).link()).isEqualTo("https://www.zhihu.com/question/1");
        }

        @Test
        void prefersContentEncodedToTheDescription() throws Exception {
            Feed feed = parse(RSSHUB.replace("<rss ", "<rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" ")
                    .replace("</description>", "</description><content:encoded><![CDATA[<p>全文</p>]]></content:encoded>"));

            assertThat(feed.entries().get(0).body()).isEqualTo("<p>全文</p>");
        }

        @Test
        void readsRss10() throws Exception {
            Feed feed = parse("""
                    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                             xmlns:dc="http://purl.org/dc/elements/1.1/">
                      <channel rdf:about="https://example.org/"><title>RDF</title><link>https://example.org/</link></channel>
                      <item rdf:about="https://example.org/1"><title>One</title><link>https://example.org/1</link>
                        <dc:date>2022-05-21T06:05:19Z</dc:date></item>
                    </rdf:RDF>
                    """);

            assertThat(feed.format()).isEqualTo(FeedFormat.RSS10);
            assertThat(feed.entries()).singleElement().satisfies(entry -> {
                assertThat(entry.title()).isEqualTo("One");
                assertThat(entry.date()).contains(Instant.parse("2022-05-21T06:05:19Z"));
            });
        }
    }

    @Nested
    class Atom {
        @Test
        void readsEntriesAndResolvesRelativeLinks() throws Exception {
            Feed feed = parse("""
                    <feed xmlns="http://www.w3.org/2005/Atom">
                      <title>GitHub Trending</title><id>urn:x</id><updated>2026-11-25T08:00:00Z</updated>
                      <link rel="alternate" href="https://github.com/trending"/>
                      <entry>
                        <id>tag:github.com,2026:repo/1</id><title>gleaner</title>
                        <link rel="alternate" href="/gleaner-dev/gleaner"/>
                        <published>2026-11-24T08:00:00Z</published><updated>2026-11-25T08:00:00Z</updated>
                        <author><name>gleaner-dev</name></author>
                        <content type="html">&lt;p&gt;Feeds to a blog&lt;/p&gt;</content>
                      </entry>
                    </feed>
                    """);

            assertThat(feed.format()).isEqualTo(FeedFormat.ATOM10);
            Entry entry = feed.entries().get(0);
            assertThat(entry.guid()).isEqualTo("tag:github.com,2026:repo/1");
            assertThat(entry.link()).isEqualTo("https://github.com/gleaner-dev/gleaner");
            assertThat(entry.published()).contains(Instant.parse("2026-11-24T08:00:00Z"));
            assertThat(entry.updated()).contains(Instant.parse("2026-11-25T08:00:00Z"));
            assertThat(entry.author()).isEqualTo("gleaner-dev");
            assertThat(entry.body()).isEqualTo("<p>Feeds to a blog</p>");
        }
    }

    @Nested
    class JsonFeed {
        @Test
        void readsVersion11() throws Exception {
            Feed feed = parse("""
                    {"version": "https://jsonfeed.org/version/1.1", "title": "少数派", "home_page_url": "https://sspai.com",
                     "items": [{"id": "1", "url": "/post/1", "title": "效率工具", "content_html": "<p>正文</p>",
                                "date_published": "2026-11-25T08:30:00+08:00", "authors": [{"name": "小派"}],
                                "tags": ["效率"]}]}
                    """);

            assertThat(feed.format()).isEqualTo(FeedFormat.JSON11);
            Entry entry = feed.entries().get(0);
            assertThat(entry.link()).isEqualTo("https://sspai.com/post/1");
            assertThat(entry.published()).contains(Instant.parse("2026-11-25T00:30:00Z"));
            assertThat(entry.author()).isEqualTo("小派");
            assertThat(entry.body()).isEqualTo("<p>正文</p>");
            assertThat(entry.categories()).containsExactly("效率");
        }

        @Test
        void readsVersion1WithTextContentAndANumericId() throws Exception {
            Feed feed = parse("""
                    {"version": "https://jsonfeed.org/version/1", "title": "t",
                     "items": [{"id": 42, "content_text": "a < b", "author": {"name": "x"}}]}
                    """);

            assertThat(feed.format()).isEqualTo(FeedFormat.JSON10);
            assertThat(feed.entries().get(0).guid()).isEqualTo("42");
            assertThat(feed.entries().get(0).body()).isEqualTo("a &lt; b");
            assertThat(feed.entries().get(0).author()).isEqualTo("x");
        }

        @Test
        void anObjectWithoutAVersionIsReadAsAFeed() throws Exception {
            Feed feed = parse("{\"title\": \" bogus \", \"items\": [{\"url\": \"https://example.org/1\"}]}");

            assertThat(feed.title()).isEqualTo("bogus");
            assertThat(feed.entries()).extracting(Entry::link).containsExactly("https://example.org/1");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"a\": 1}",
            "{}",
            "{\"data\": [{\"owner\": \"rsshub\", \"title\": \"x\"}]}",
            "{\"status\": \"ok\", \"items\": 3}"})
        void jsonThatIsNotAJsonFeedIsRefusedWithItsKeys(String json) {
            assertThatThrownBy(() -> parse(json)).isInstanceOf(FeedParseException.class)
                    .hasMessageContaining("JSON, but not a JSON Feed")
                    .hasMessageContaining(json.equals("{}") ? "an empty object" : "its keys: \"");
        }

        @Test
        void dropsHalvesOfSurrogatePairsThatNoUtf8TextCanHold() throws Exception {
            Feed feed = parse("""
                    {"version": "https://jsonfeed.org/version/1.1", "title": "t",
                     "items": [{"id": "1", "title": "a\\ud800b\\udc00c \\ud83d\\ude00", "content_html": "<p>\\udfff</p>"}]}
                    """);

            assertThat(feed.entries().get(0).title()).isEqualTo("abc 😀");
            assertThat(feed.entries().get(0).body()).isEqualTo("<p></p>");
        }

        @Test
        void jsonThatIsNotAnObjectIsRefused() {
            assertThatThrownBy(() -> parse("[1, 2]"))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessageContaining("not a JSON Feed");
        }
    }

    @Nested
    class Charsets {
        private static final String GB_FEED = """
                <?xml version="1.0" encoding="gb2312"?>
                <rss version="2.0"><channel><title>腾讯新闻</title><link>https://news.qq.com</link>
                <item><title>国内新闻标题</title><link>https://news.qq.com/1</link></item></channel></rss>
                """;

        @Test
        void readsGb2312DeclaredInTheXmlDeclarationAsGb18030() throws Exception {
            Feed feed = parse(GB_FEED.getBytes(Charset.forName("GB18030")), Optional.empty());

            assertThat(feed.title()).isEqualTo("腾讯新闻");
            assertThat(feed.entries().get(0).title()).isEqualTo("国内新闻标题");
            assertThat(feed.problems()).isEmpty();
        }

        @Test
        void theHttpCharsetWinsOverTheDeclaration() throws Exception {
            byte[] bytes = GB_FEED.replace("gb2312", "utf-8").getBytes(Charset.forName("GBK"));

            assertThat(parse(bytes, Optional.of("GBK")).title()).isEqualTo("腾讯新闻");
        }

        @Test
        void aByteOrderMarkAndBlankLinesBeforeTheDeclarationAreFine() throws Exception {
            byte[] body = ("\n\n" + Rss.RSSHUB).getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);

            assertThat(parse(withBom, Optional.empty()).entries()).hasSize(1);
        }

        @Test
        void bytesThatDoNotDecodeAreReplacedAndReported() throws Exception {
            byte[] bytes = Rss.RSSHUB.replace("正文", "X").getBytes(StandardCharsets.UTF_8);
            int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('X');
            bytes[at] = (byte) 0xFF;

            Feed feed = parse(bytes, Optional.empty());

            assertThat(feed.entries()).hasSize(1);
            assertThat(feed.problems()).anyMatch(problem -> problem.contains("not valid UTF-8"));
        }
    }

    @Nested
    class Refusals {
        @Test
        void aWebPageIsNotAFeed() {
            assertThatThrownBy(() -> parse("<!doctype html><html><head><title>x</title></head><body></body></html>"))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessage("could not parse feed https://example.org/feed: a web page (HTML), not a feed (\"x\");"
                            + " it announces no feed");
        }

        @Test
        void aWebPageNamesTheFeedsItAnnounces() {
            assertThatThrownBy(() -> parse("""
                    <html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>
                    """))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessageEndingWith("it announces the feeds https://example.org/feed.xml");
        }

        @Test
        void aMalformedDocumentIsRecoveredAndMarkedBozo() throws Exception {
            Feed feed = parse("<rss version=\"2.0\">\n<channel><title>T &nbsp; &</title>\n<item><title>a</title></channel>");

            assertThat(feed.bozo()).isTrue();
            assertThat(feed.title()).isEqualTo("T &");
            assertThat(feed.entries()).extracting(Entry::title).containsExactly("a");
            assertThat(feed.problems()).anyMatch(problem -> problem.startsWith("not well-formed XML at line 2"));
        }

        @Test
        void textThatIsNoDocumentAtAllNamesTheLine() {
            assertThatThrownBy(() -> parse("this is\nnot a feed"))
                    .isInstanceOf(FeedParseException.class)
                    .extracting(e -> ((FeedParseException) e).reason()).asString()
                    .startsWith("not well-formed XML at line 1");
        }

        @Test
        void anExternalEntityIsNeverResolved(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Path secret = java.nio.file.Files.writeString(dir.resolve("secret.txt"), "SECRET-MARKER");
            String xxe = """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY secret SYSTEM "%s">]>
                    <rss version="2.0"><channel><title>&secret;</title></channel></rss>
                    """.formatted(secret.toUri());

            Feed feed = parse(xxe);

            assertThat(feed.title()).doesNotContain("SECRET-MARKER").isEqualTo("&secret;");
            assertThat(feed.bozo()).isTrue();
        }

        @Test
        void anEmptyDocumentSaysSo() {
            assertThatThrownBy(() -> parse("  \n"))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessageEndingWith("the document is empty");
        }
    }
}
