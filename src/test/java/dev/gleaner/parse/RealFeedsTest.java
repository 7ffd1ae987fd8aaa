package dev.gleaner.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gleaner.SharedFixtures;
import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real documents of {@code fixtures/feeds/real/} (read in place from the shared folder): every
 * feed among them parses, each quirk its SOURCES.md names is handled, and the two that are not feeds
 * are refused as the web pages they are.
 */
class RealFeedsTest {
    private final FeedParser parser = FeedParser.standard();

    private Feed parse(String name) throws Exception {
        return parser.parse(document(name));
    }

    /** The fixture as a document; skips the test when the shared folder is absent. */
    private static FeedDocument document(String name) throws IOException {
        Path file = SharedFixtures.require("fixtures/feeds/real/" + name);
        return new FeedDocument(file.toUri().toString(), Files.readAllBytes(file), Optional.empty());
    }

    private static Stream<String> texts(Feed feed) {
        return Stream.concat(Stream.of(feed.title(), feed.info().subtitle()),
                feed.entries().stream().flatMap(entry -> Stream.of(entry.title(), entry.summary(), entry.content())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
                atom-daringfireball-xmlbase.xml | ATOM10 | 48 | false
                atom-onefoottsunami-wordpress-xmlbase.xml | ATOM10 | 25 | false
                atom-ruanyifeng-blog.xml | ATOM10 | 3 | false
                atom-v2ex-index.xml | ATOM10 | 50 | false
                dvbbs-kc0011-forum-gb2312.xml | RSS20 | 20 | false
                fetchrss-weibo-malformed-rss-root.xml | RSS20 | 1 | true
                github-commits-ksbot.atom.xml | ATOM10 | 20 | false
                jsonfeed-v1-inessential.json | JSON10 | 20 | false
                jsonfeed-v1-pxlnv-http-version-url.json | JSON10 | 20 | false
                jsonfeed-v1-v2ex-node-jsonfeed.json | JSON10 | 1 | false
                jsonfeed-v1.1-journal-3960.json | JSON11 | 20 | false
                oschina-news-industry-unescaped-amp.xml | RSS20 | 50 | true
                qq-news-china-gb2312.xml | RSS20 | 20 | false
                rss-caogen-bom-unescaped-lt.xml | RSS20 | 22 | true
                rss-donthitsave-utf8-bom.xml | RSS20 | 10 | false
                rss-meituan-tech-leading-newline.xml | RSS20 | 10 | false
                rss-mlook-undeclared-nbsp.xml | RSS20 | 15 | true
                rss-nasa-xmlbase-on-root.xml | RSS20 | 10 | false
                rss-tmioe-invalid-utf8.xml | RSS20 | 5 | true
                rss1-rdf-biorxiv-plant-biology.xml | RSS10 | 30 | false
                rss1-rdf-lxer.xml | RSS10 | 20 | false
                rss1-rdf-oatmeal-iso8859-1.xml | RSS10 | 9 | false
                rsshub-36kr-newsflashes.xml | RSS20 | 20 | false
                rsshub-3dm-news.xml | RSS20 | 20 | false
                rsshub-bilibili-user-channel.xml | RSS20 | 10 | false
                rsshub-douban-movie-playing.xml | RSS20 | 37 | false
                rsshub-github-issue-unidbg.xml | RSS20 | 95 | false
                rsshub-github-pull-unidbg.xml | RSS20 | 5 | false
                rsshub-hackernews-index.xml | RSS20 | 30 | false
                rsshub-huxiu-article.xml | RSS20 | 16 | false
                rsshub-ifeng-news.xml | RSS20 | 20 | false
                rsshubgatsby-douban-group-586674.xml | RSS20 | 30 | false
                rsshubgatsby-douban-movie-playing.xml | RSS20 | 37 | false
                rsshubgatsby-douban-movie-weekly.xml | RSS20 | 10 | false
                rsshubgatsby-flyertea-preferential.xml | RSS20 | 30 | false
                rsshubgatsby-initium-news-brief-zh-hans.xml | RSS20 | 10 | false
                rsshubgatsby-smzdm-ranking-haitao.xml | RSS20 | 2 | false
                rsshubgatsby-weibo-user-2496970172.xml | RSS20 | 8 | false
                rsshubgo-chouti-atom-empty-updated.xml | ATOM10 | 25 | false
                scraper-bilibili-gbk-bytes-no-xmldecl.xml | RSS20 | 30 | true
                wordpress-korben-cdata-in-cdata.xml | RSS20 | 30 | false
                wordpress-laod-control-char-0x08.xml | RSS20 | 10 | true
                wordpress-pptmall-whitespace-before-xmldecl.xml | RSS20 | 20 | false
            """)
    void everyFeedParsesWithAllItsItems(String name, FeedFormat format, int items, boolean bozo) throws Exception {
        Feed feed = parse(name);

        assertThat(feed.format()).isEqualTo(format);
        assertThat(feed.entries()).hasSize(items);
        assertThat(feed.bozo()).as("bozo: %s", feed.problems()).isEqualTo(bozo);
        assertThat(feed.entries()).allSatisfy(entry -> assertThat(entry.title() + entry.link() + entry.summary()
                + entry.content()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"notafeed-egoist-atom-url-serves-html.xml", "notafeed-rsshub-error-page-as-zhihu-hotlist.xml"})
    void aWebPageIsRefusedAsOne(String name) throws IOException {
        // Read first: a skip thrown inside the lambda would be taken for the refusal.
        FeedDocument page = document(name);
        assertThatThrownBy(() -> parser.parse(page))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("a web page (HTML), not a feed");
    }

    @Nested
    class Quirks {
        @Test
        void undeclaredHtmlEntitiesBecomeTheirCharacters() throws Exception {
            Feed feed = parse("rss-mlook-undeclared-nbsp.xml");

            assertThat(texts(feed)).noneMatch(text -> text.contains("&nbsp;") && !text.contains("&amp;nbsp;"));
            assertThat(feed.problems()).anyMatch(problem -> problem.contains("nbsp"));
        }

        @Test
        void aRawAmpersandIsReadAsOne() throws Exception {
            Feed feed = parse("oschina-news-industry-unescaped-amp.xml");

            assertThat(feed.entries()).hasSize(50);
            assertThat(feed.entries()).anyMatch(entry -> entry.link().contains("&"));
        }

        @Test
        void aRawLessThanSignCostsNoItem() throws Exception {
            assertThat(parse("rss-caogen-bom-unescaped-lt.xml").entries()).hasSize(22);
        }

        @Test
        void controlCharactersAreDropped() throws Exception {
            assertThat(texts(parse("wordpress-laod-control-char-0x08.xml"))).noneMatch(text -> text.indexOf(8) >= 0);
        }

        @Test
        void invalidUtf8BytesAreReplacedAndTheItemsKept() throws Exception {
            Feed feed = parse("rss-tmioe-invalid-utf8.xml");

            assertThat(feed.entries()).hasSize(5);
            assertThat(feed.problems()).anyMatch(problem -> problem.contains("not valid UTF-8"));
        }

        @Test
        void gb2312DeclaredIsReadAsChinese() throws Exception {
            assertThat(parse("qq-news-china-gb2312.xml").title()).containsPattern("\\p{IsHan}");
            assertThat(parse("dvbbs-kc0011-forum-gb2312.xml").entries().get(0).title()).containsPattern("\\p{IsHan}");
        }

        @Test
        void gbkBytesWithNoDeclarationAreReadAsGb18030() throws Exception {
            Feed feed = parse("scraper-bilibili-gbk-bytes-no-xmldecl.xml");

            assertThat(feed.title()).isEqualTo("口琴网");
            assertThat(feed.entries()).allSatisfy(entry -> assertThat(entry.title()).doesNotContain("\uFFFD"));
            assertThat(feed.entries()).allSatisfy(entry -> assertThat(entry.published()).isPresent());
        }

        @Test
        void aByteOrderMarkAndBlankSpaceBeforeTheDeclarationAreFine() throws Exception {
            assertThat(parse("rss-donthitsave-utf8-bom.xml").bozo()).isFalse();
            assertThat(parse("rss-meituan-tech-leading-newline.xml").bozo()).isFalse();
            assertThat(parse("wordpress-pptmall-whitespace-before-xmldecl.xml").bozo()).isFalse();
        }

        @Test
        void aMangledRootTagIsRepaired() throws Exception {
            Feed feed = parse("fetchrss-weibo-malformed-rss-root.xml");

            assertThat(feed.title()).isEqualTo("微博");
            assertThat(feed.bozo()).isTrue();
        }

        @Test
        void cdataInsideCdataKeepsTheContent() throws Exception {
            Feed feed = parse("wordpress-korben-cdata-in-cdata.xml");

            assertThat(feed.entries()).allSatisfy(entry -> assertThat(entry.content()).isNotBlank());
        }

        @Test
        void xmlBaseMakesEveryLinkAbsolute() throws Exception {
            for (String name : new String[] {"rss-nasa-xmlbase-on-root.xml", "atom-daringfireball-xmlbase.xml",
                    "atom-onefoottsunami-wordpress-xmlbase.xml"}) {
                // One entry of the WordPress feed has href="": no link, rather than a wrong one.
                assertThat(parse(name).entries()).extracting(Entry::link).filteredOn(link -> !link.isEmpty())
                        .isNotEmpty().allMatch(link -> link.startsWith("http"));
            }
        }

        @Test
        void latin1IsDecodedFromItsDeclaration() throws Exception {
            assertThat(texts(parse("rss1-rdf-oatmeal-iso8859-1.xml"))).noneMatch(text -> text.contains("\uFFFD"));
        }

        @Test
        void anEmptyAtomUpdatedIsNoDate() throws Exception {
            Feed feed = parse("rsshubgo-chouti-atom-empty-updated.xml");

            assertThat(feed.entries()).hasSize(25);
        }

        @Test
        void anInvalidDateIsNoDateNotNow() throws Exception {
            assertThat(parse("rsshub-hackernews-index.xml").entries())
                    .allSatisfy(entry -> assertThat(entry.published()).isEmpty());
        }

        @Test
        void rsshubItemsHaveTheirDates() throws Exception {
            for (String name : new String[] {"rsshub-36kr-newsflashes.xml", "rsshub-3dm-news.xml", "rsshub-ifeng-news.xml",
                    "rsshub-huxiu-article.xml"}) {
                assertThat(parse(name).entries()).as(name).allSatisfy(entry -> assertThat(entry.published()).isPresent());
            }
        }
    }
}
