package dev.gleaner.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceVariantsTest {
    private final FeedParser parser = FeedParser.standard();

    private Feed parse(String text) throws FeedParseException {
        return parser.parse(new FeedDocument("https://example.org/feed", text.getBytes(StandardCharsets.UTF_8),
                Optional.empty()));
    }

    @Nested
    class ContentModule {
        @ParameterizedTest
        @ValueSource(strings = {"http://purl.org/rss/1.0/modules/content", "http://purl.org/rss/1.0/modules/content/",
            "https://purl.org/rss/1.0/modules/content/"})
        void encodedBodiesAreReadWhateverTheSlashOrScheme(String uri) throws Exception {
            Feed feed = parse("""
                    <rss version="2.0" xmlns:c="%s"><channel><title>t</title>
                    <item><title>one</title><c:encoded><![CDATA[<p>The whole post</p>]]></c:encoded></item>
                    </channel></rss>""".formatted(uri));

            assertThat(feed.entries().get(0).content()).isEqualTo("<p>The whole post</p>");
        }
    }

    @Nested
    class UserlandRss {
        @ParameterizedTest
        @ValueSource(strings = {"http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss"})
        void channelAndItemFieldsAreRead(String uri) throws Exception {
            Feed feed = parse("""
                    <rss version="2.0" xmlns="%s"><channel>
                    <title>Scripting notes</title><link>https://notes.example/</link>
                    <description>Daily notes</description><language>en-us</language>
                    <copyright>2004 the author</copyright><managingEditor>ed@notes.example</managingEditor>
                    <item><title>Monday</title><link>https://notes.example/mon</link>
                    <description>What happened</description><guid>https://notes.example/mon</guid></item>
                    </channel></rss>""".formatted(uri));

            assertThat(feed.title()).isEqualTo("Scripting notes");
            assertThat(feed.info().link()).isEqualTo("https://notes.example/");
            assertThat(feed.info().subtitle()).isEqualTo("Daily notes");
            assertThat(feed.info().language()).isEqualTo("en-us");
            assertThat(feed.info().rights()).isEqualTo("2004 the author");
            assertThat(feed.info().author()).isEqualTo("ed@notes.example");
            Entry entry = feed.entries().get(0);
            assertThat(entry.title()).isEqualTo("Monday");
            assertThat(entry.summary()).isEqualTo("What happened");
        }
    }

    @Nested
    class Itunes {
        @ParameterizedTest
        @ValueSource(strings = {"http://www.itunes.com/dtds/podcast-1.0.dtd", "http://www.itunes.com/DTDs/Podcast-1.0.dtd",
            "http://www.itunes.com/DTDS/PODCAST-1.0.DTD"})
        void theNamespaceInAnyLetterCase(String uri) throws Exception {
            Feed feed = parse("""
                    <rss version="2.0" xmlns:itunes="%s"><channel><title>Cast</title>
                    <itunes:author>Host Name</itunes:author><itunes:summary>About the show</itunes:summary>
                    <item><title>Ep 1</title><itunes:summary>The first one</itunes:summary></item>
                    </channel></rss>""".formatted(uri));

            assertThat(feed.info().author()).isEqualTo("Host Name");
            assertThat(feed.info().subtitle()).isEqualTo("About the show");
            assertThat(feed.entries().get(0).summary()).isEqualTo("The first one");
        }

        @Test
        void elementNamesInOtherLetterCases() throws Exception {
            Feed feed = parse("""
                    <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
                    <title>Cast</title><itunes:Author>Host Name</itunes:Author><itunes:SUBTITLE>Short</itunes:SUBTITLE>
                    <itunes:Image href="https://cast.example/art.jpg"/>
                    <item><title>Ep 1</title><itunes:Summary>Shown notes</itunes:Summary>
                    <itunes:Author>Guest</itunes:Author></item>
                    </channel></rss>""");

            assertThat(feed.info().author()).isEqualTo("Host Name");
            assertThat(feed.info().subtitle()).isEqualTo("Short");
            assertThat(feed.info().image()).isEqualTo("https://cast.example/art.jpg");
            assertThat(feed.entries().get(0).summary()).isEqualTo("Shown notes");
            assertThat(feed.entries().get(0).author()).isEqualTo("Guest");
        }

        @Test
        void nestedCategoriesKeepTheirChildren() throws Exception {
            Feed feed = parse("""
                    <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
                    <title>Cast</title>
                    <item><title>Ep 1</title>
                    <itunes:category text="Technology"><itunes:category text="Software How-To"/></itunes:category>
                    <itunes:category text="Society &amp; Culture"><itunes:category text="Documentary">
                      <itunes:category text="Deeper"/></itunes:category></itunes:category>
                    </item></channel></rss>""");

            assertThat(feed.entries().get(0).categories())
                    .containsExactly("Technology", "Software How-To", "Society & Culture", "Documentary", "Deeper");
        }
    }

    @Nested
    class OtherModules {
        @Test
        void mediaRssWithoutTheTrailingSlash() throws Exception {
            Feed feed = parse("""
                    <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss"><channel><title>t</title>
                    <item><media:title>Clip</media:title><media:description>What it shows</media:description></item>
                    </channel></rss>""");

            assertThat(feed.entries().get(0).title()).isEqualTo("Clip");
            assertThat(feed.entries().get(0).summary()).isEqualTo("What it shows");
        }

        @Test
        void dublinCoreWithoutTheTrailingSlash() throws Exception {
            Feed feed = parse("""
                    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1"><channel><title>t</title>
                    <item><title>x</title><dc:creator>Writer</dc:creator></item></channel></rss>""");

            assertThat(feed.entries().get(0).author()).isEqualTo("Writer");
        }
    }
}
