package dev.gleaner.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MediaRssTest {
    private final FeedParser parser = FeedParser.standard();

    private Entry firstEntry(String text) throws FeedParseException {
        Feed feed = parser.parse(new FeedDocument("https://example.org/feed", text.getBytes(StandardCharsets.UTF_8),
                Optional.empty()));
        return feed.entries().get(0);
    }

    @Test
    void aDescriptionInAGroupOfAnAtomEntryIsItsSummary() throws Exception {
        Entry entry = firstEntry("""
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
                <title>Channel</title><entry><id>urn:v:1</id><title>Video</title>
                <media:group><media:title>Video</media:title>
                <media:description>Line one &amp; more
                Line two &lt;b&gt;</media:description></media:group></entry></feed>""");

        assertThat(entry.summary()).isEqualTo("Line one &amp; more\nLine two &lt;b&gt;");
        assertThat(entry.content()).isEmpty();
    }

    @Test
    void aDescriptionOnAnRssItemAndOneMarkedHtml() throws Exception {
        Entry plain = firstEntry("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
                <item><title>x</title><media:description>5 &lt; 6</media:description></item></channel></rss>""");
        Entry html = firstEntry("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
                <item><title>x</title><media:description type="html">&lt;p&gt;Hi&lt;/p&gt;</media:description></item>
                </channel></rss>""");

        assertThat(plain.summary()).isEqualTo("5 &lt; 6");
        assertThat(html.summary()).isEqualTo("<p>Hi</p>");
    }

    @Test
    void aDescriptionInsideMediaContent() throws Exception {
        Entry entry = firstEntry("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
                <item><media:content url="https://cdn.example/v.mp4" type="video/mp4">
                <media:title>In content</media:title><media:description>Said in content</media:description>
                </media:content></item></channel></rss>""");

        assertThat(entry.title()).isEqualTo("In content");
        assertThat(entry.summary()).isEqualTo("Said in content");
    }

    @Test
    void theFeedsOwnDescriptionWinsOverTheMediaOne() throws Exception {
        Entry entry = firstEntry("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
                <item><description>Own text</description><media:description>Media text</media:description></item>
                </channel></rss>""");

        assertThat(entry.summary()).isEqualTo("Own text");
    }

    @Test
    void thumbnailsAndImageContentsAreOfferedAsImages() throws Exception {
        Entry entry = firstEntry("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
                <item><title>x</title>
                <media:thumbnail url="/thumb.jpg" width="120" height="90"/>
                <media:content url="https://cdn.example/big.png" medium="image" fileSize="2048"/>
                <media:content url="https://cdn.example/photo" type="image/webp"/>
                <media:content url="https://cdn.example/v.mp4" type="video/mp4" medium="video"/>
                <media:group><media:thumbnail url="https://cdn.example/g.jpg"/></media:group>
                </item></channel></rss>""");

        assertThat(entry.enclosures()).containsExactly(
                new Enclosure("https://example.org/thumb.jpg", "image/*", OptionalLong.empty()),
                new Enclosure("https://cdn.example/big.png", "image/*", OptionalLong.of(2048)),
                new Enclosure("https://cdn.example/photo", "image/webp", OptionalLong.empty()),
                new Enclosure("https://cdn.example/g.jpg", "image/*", OptionalLong.empty()));
    }

    @Test
    void anImageAlreadyAnEnclosureIsNotListedTwice() throws Exception {
        Entry entry = firstEntry("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
                <item><enclosure url="https://cdn.example/a.jpg" type="image/jpeg" length="10"/>
                <media:content url="https://cdn.example/a.jpg" medium="image"/></item></channel></rss>""");

        assertThat(entry.enclosures()).extracting(Enclosure::url).containsExactly("https://cdn.example/a.jpg");
    }

    @Test
    void aYoutubeThumbnailInAnAtomGroup() throws Exception {
        Entry entry = firstEntry("""
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
                <entry><id>yt:video:abc</id><title>Clip</title>
                <media:group><media:content url="https://www.youtube.example/v/abc" type="application/x-shockwave-flash"/>
                <media:thumbnail url="https://i.ytimg.example/vi/abc/hqdefault.jpg" width="480" height="360"/>
                </media:group></entry></feed>""");

        assertThat(entry.enclosures()).extracting(Enclosure::url)
                .containsExactly("https://i.ytimg.example/vi/abc/hqdefault.jpg");
    }
}
