package dev.gleaner.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldsTest {
    private final FeedParser parser = FeedParser.standard();

    private Feed parse(String text) throws FeedParseException {
        return parser.parse(new FeedDocument("https://example.org/feed", text.getBytes(StandardCharsets.UTF_8),
                Optional.empty()));
    }

    @Nested
    class ChannelAuthor {
        @Test
        void anRssChannelAuthorIsRead() throws Exception {
            Feed feed = parse("""
                    <rss version="2.0"><channel><title>t</title><author>Jane Roe</author></channel></rss>""");

            assertThat(feed.info().author()).isEqualTo("Jane Roe");
        }

        @Test
        void theManagingEditorStillComesFirst() throws Exception {
            Feed feed = parse("""
                    <rss version="2.0"><channel><title>t</title><author>Jane Roe</author>
                    <managingEditor>editor@site.example (Ed)</managingEditor></channel></rss>""");

            assertThat(feed.info().author()).isEqualTo("editor@site.example (Ed)");
        }

        @Test
        void anAuthorWrittenAsMarkupBecomesText() throws Exception {
            Feed feed = parse("""
                    <rss version="2.0"><channel><title>t</title><author>&lt;b&gt;Jane&lt;/b&gt; Roe</author></channel></rss>""");

            assertThat(feed.info().author()).isEqualTo("Jane Roe");
        }
    }

    @Nested
    class RepeatedElements {
        @Test
        void theLastRssTitleLinkAndDescriptionAreTaken() throws Exception {
            Feed feed = parse("""
                    <rss version="2.0"><channel><title>First</title><title>Second</title>
                    <item><link>https://site.example/old</link><link>https://site.example/new</link><link></link>
                    <title>old</title><title>new</title><description>one</description>
                    <description>two</description><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>
                    <pubDate>Tue, 02 Jan 2024 00:00:00 GMT</pubDate><guid>a</guid><guid>b</guid></item>
                    </channel></rss>""");

            assertThat(feed.title()).isEqualTo("Second");
            Entry entry = feed.entries().get(0);
            assertThat(entry.title()).isEqualTo("new");
            assertThat(entry.summary()).isEqualTo("two");
            assertThat(entry.published()).contains(Instant.parse("2024-01-02T00:00:00Z"));
            assertThat(entry.guid()).isEqualTo("b");
            assertThat(entry.link()).isEqualTo("https://site.example/new");
        }

        @Test
        void anEmptyRepeatDoesNotHideTheOneWithText() throws Exception {
            Feed feed = parse("""
                    <rss version="2.0"><channel><title>Real</title><title> </title></channel></rss>""");

            assertThat(feed.title()).isEqualTo("Real");
        }

        @Test
        void theLastAtomTitleIdAndContentAreTaken() throws Exception {
            Feed feed = parse("""
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><title>B</title>
                    <entry><id>1</id><id>2</id><title>x</title><title>y</title>
                    <content>first</content><content>second</content></entry></feed>""");

            assertThat(feed.title()).isEqualTo("B");
            Entry entry = feed.entries().get(0);
            assertThat(entry.guid()).isEqualTo("2");
            assertThat(entry.title()).isEqualTo("y");
            assertThat(entry.content()).isEqualTo("second");
        }
    }

    @Nested
    class LenientTimes {
        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                2004-07-08T12:35:9+01:00          | 2004-07-08T11:35:09Z
                2004-07-08T12:5:09Z               | 2004-07-08T12:05:09Z
                2004-07-08T12:35:09+00:0          | 2004-07-08T12:35:09Z
                2004-07-08T12:35:09+02:0          | 2004-07-08T10:35:09Z
                Thu, 08 Jul 2004 12:35:9 +0100    | 2004-07-08T11:35:09Z
                Thu, 08 Jul 2004 12:35:09 +00:0   | 2004-07-08T12:35:09Z
                2004-07-08T12:35:09.5+00:0        | 2004-07-08T12:35:09.500Z
                """)
        void areRead(String text, String expected) {
            assertThat(FeedDates.parse(text)).contains(Instant.parse(expected));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                2004-07-08T12:35:999Z
                2004-07-08T12:35:09+00:000
                2004-07-08T12:60:09Z
                """)
        void outOfShapeStaysUnread(String text) {
            assertThat(FeedDates.parse(text)).isEmpty();
        }

        @Test
        void inAFeed() throws Exception {
            Feed feed = parse("""
                    <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>x</title>
                    <published>2021-02-03T04:05:6+00:0</published></entry></feed>""");

            assertThat(feed.entries().get(0).published()).contains(Instant.parse("2021-02-03T04:05:06Z"));
        }
    }

    @Nested
    class MarkupInTitles {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                Why &lt;!DOCTYPE matters                     | Why <!DOCTYPE matters
                A &lt;!DOCTYPE html&gt; page                 | A page
                &lt;b&gt;Bold&lt;/b&gt; and 1 &lt; 2         | Bold and 1 < 2
                &lt;b&gt;Bold&lt;/b&gt; &lt;script           | Bold <script
                """)
        void anUnfinishedTagOrDeclarationStaysText(String title, String expected) throws Exception {
            Feed feed = parse("<rss version=\"2.0\"><channel><title>" + title + "</title></channel></rss>");

            assertThat(feed.title()).isEqualTo(expected);
        }
    }
}
