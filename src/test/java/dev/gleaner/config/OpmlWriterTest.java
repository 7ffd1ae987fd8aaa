package dev.gleaner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpmlWriterTest {
    private static final Instant NOW = Instant.parse("2025-03-01T09:30:00Z");
    private final OpmlWriter writer = new OpmlWriter(InstantSource.fixed(NOW));
    private final OpmlReader reader = new OpmlReader().allowingFileUrls();

    private OpmlTree read(String opml) throws OpmlException {
        return reader.read("export.opml", new ByteArrayInputStream(opml.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class TheDocument {
        @Test
        void isOpmlTwoWithAnOutlineForEachLevelAndTheOptionsThatDifferInGleanersNamespace() {
            List<Subscription> subscriptions = List.of(
                    Subscription.of(CategoryPath.of("社交媒体", "知乎", "知乎热榜"), "rsshub://zhihu/hot"),
                    new Subscription(CategoryPath.of("编程", "GitHub", "Trending"), "https://example.org/t.atom",
                            "GitHub 趋势", OptionalInt.of(30), Duration.ofMinutes(90), true,
                            Optional.of("https://img.example/{n}.jpg"), true));

            String opml = writer.write("信息流", subscriptions,
                    Map.of(CategoryPath.of("编程", "GitHub", "Trending"), "https://github.com/trending"));

            assertThat(opml).isEqualTo("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <opml version="2.0" xmlns:gleaner="https://gleaner.dev/opml">
                      <head>
                        <title>信息流</title>
                        <dateCreated>Sat, 1 Mar 2025 09:30:00 GMT</dateCreated>
                      </head>
                      <body>
                        <outline text="社交媒体" title="社交媒体">
                          <outline text="知乎" title="知乎">
                            <outline type="rss" text="知乎热榜" title="知乎热榜" xmlUrl="rsshub://zhihu/hot"/>
                          </outline>
                        </outline>
                        <outline text="编程" title="编程">
                          <outline text="GitHub" title="GitHub">
                            <outline type="rss" text="Trending" title="Trending" xmlUrl="https://example.org/t.atom" \
                    htmlUrl="https://github.com/trending" gleaner:author="GitHub 趋势" gleaner:limit="30" \
                    gleaner:interval="1h30m" gleaner:comments="true" gleaner:image="https://img.example/{n}.jpg" \
                    gleaner:update="true"/>
                          </outline>
                        </outline>
                      </body>
                    </opml>
                    """);
        }

        @Test
        void escapesMarkupQuotesAndLineBreaksAndKeepsCjkAndEmojiAsTheyAre() {
            String opml = writer.write("A & B <c>", List.of(new Subscription(
                    CategoryPath.of("\"引号\" & <尖括号>", "line\nbreak\ttab"), "https://example.org/?a=1&b=\"2\"",
                    "it's 😀", OptionalInt.empty(), Subscription.DEFAULT_INTERVAL, false, Optional.empty(), false)));

            assertThat(opml).contains("<title>A &amp; B &lt;c&gt;</title>",
                    "<outline text=\"&quot;引号&quot; &amp; &lt;尖括号&gt;\"",
                    "text=\"line&#10;break&#9;tab\"",
                    "xmlUrl=\"https://example.org/?a=1&amp;b=&quot;2&quot;\"",
                    "gleaner:author=\"it's 😀\"");
        }

        @Test
        void writesWhatXmlCannotHoldAsTheReplacementCharacter() throws Exception {
            String opml = writer.write("t", List.of(Subscription.of(CategoryPath.of("a", "bell\u0007"),
                    "https://example.org/1")));

            assertThat(opml).contains("text=\"bell\uFFFD\"");
            assertThat(read(opml).subscriptions().get(0).path()).isEqualTo(CategoryPath.of("a", "bell\uFFFD"));
        }

        @Test
        void isTheSameForTheSameSubscriptionsAndInstant() {
            List<Subscription> tree = TrickyTrees.tree(42);

            assertThat(writer.write("t", tree)).isEqualTo(new OpmlWriter(InstantSource.fixed(NOW)).write("t", tree));
        }

        @Test
        void refusesSubscriptionsThatDoNotFormATree() {
            Subscription feed = Subscription.of(CategoryPath.of("a", "b"), "https://example.org/1");

            assertThatThrownBy(() -> writer.write("t", List.of(feed,
                    Subscription.of(CategoryPath.of("a", "b", "c"), "https://example.org/2"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a/b/c: lies under the feed a/b; a feed has nothing under it");
        }
    }

    @Nested
    class ARoundTripThroughTheReader {
        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
        void givesBackTheSameSubscriptionsForTreesOfTrickyNames(long seed) throws Exception {
            for (long tree : LongStream.range(seed * 100, seed * 100 + 25).toArray()) {
                List<Subscription> subscriptions = TrickyTrees.tree(tree);
                String opml = writer.write("tree " + tree, subscriptions);

                OpmlTree back = read(opml);

                assertThat(back.subscriptions()).as("tree %d:%n%s", tree, opml).isEqualTo(subscriptions);
                assertThat(back.title()).contains("tree " + tree);
            }
        }

        @Test
        void givesBackTheWebPagesOfTheFeeds() throws Exception {
            List<Subscription> subscriptions = TrickyTrees.tree(7);
            Map<CategoryPath, String> pages = Map.of(subscriptions.get(0).path(), "https://example.org/?a=1&b=2");

            assertThat(read(writer.write("t", subscriptions, pages)).htmlUrls()).isEqualTo(pages);
        }

        @Test
        void givesBackTheExampleSiteWithEveryRoute() throws Exception {
            Config example = new ConfigLoader().load(Path.of("examples/rsshub-page.yml"));

            OpmlTree back = read(writer.write(example.site().title(), example.subscriptions()));

            assertThat(back.subscriptions()).hasSizeGreaterThan(200).isEqualTo(example.subscriptions());
            assertThat(back.warnings()).isEmpty();
        }
    }
}
