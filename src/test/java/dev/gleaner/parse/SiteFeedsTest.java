package dev.gleaner.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Feeds shaped as the sites that serve them do ({@code src/test/resources/parse/sites/}, invented
 * content): one test per quirk of each.
 */
class SiteFeedsTest {
    private static final FeedParser PARSER = FeedParser.standard();

    private static Feed parse(String name) throws FeedParseException {
        return parse(name, Optional.empty());
    }

    private static Feed parse(String name, Optional<String> httpCharset) throws FeedParseException {
        try (InputStream in = SiteFeedsTest.class.getResourceAsStream("/parse/sites/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return PARSER.parse(new FeedDocument("https://fetched.example/" + name, in.readAllBytes(), httpCharset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class Rsshub {
        @Test
        void weiboUserKeepsItsChannelAndItems() throws Exception {
            Feed feed = parse("rsshub-weibo-user.xml");

            assertThat(feed.format()).isEqualTo(FeedFormat.RSS20);
            assertThat(feed.title()).isEqualTo("示例用户的微博");
            assertThat(feed.info().ttl()).contains(Duration.ofMinutes(5));
            assertThat(feed.info().image()).isEqualTo("https://tvax1.sinaimg.example/crop.0.0.180.180/avatar.jpg");
            assertThat(feed.entries()).hasSize(2);
            assertThat(feed.bozo()).isFalse();
        }

        @Test
        void aWeiboPostsPicturesStayInItsBodyAndTheFirstIsItsCover() throws Exception {
            Entry entry = parse("rsshub-weibo-user.xml").entries().get(0);

            assertThat(entry.summary()).contains("https://wx1.sinaimg.example/large/0001.jpg",
                    "https://wx2.sinaimg.example/large/0002.jpg");
            assertThat(entry.author()).isEqualTo("示例用户");
            assertThat(entry.guid()).isEqualTo("https://weibo.com/1234567890/Pabc123");
            assertThat(entry.published()).contains(Instant.parse("2024-12-03T08:40:11Z"));
        }

        @Test
        void relativeLinksResolveAgainstTheOriginalSiteNotTheInstance() throws Exception {
            Entry entry = parse("rsshub-weibo-user.xml").entries().get(1);

            assertThat(entry.base()).isEqualTo("https://weibo.com/1234567890/");
        }

        @Test
        void bilibiliKeepsItsCategoriesAndEmbed() throws Exception {
            Entry entry = parse("rsshub-bilibili-video.xml").entries().get(0);

            assertThat(entry.categories()).containsExactly("美食", "教程");
            assertThat(entry.summary()).contains("<iframe", "https://player.bilibili.example/player.html?bvid=BV1xx");
        }
    }

    @Nested
    class ChineseCharsets {
        @Test
        void undeclaredGbkIsReadAsChinese() throws Exception {
            Feed feed = parse("sina-tech-gbk-undeclared.xml");

            assertThat(feed.title()).isEqualTo("示例新闻网-科技频道");
            assertThat(feed.entries().get(1).title()).isEqualTo("“双十二”前夕，电商平台推出以旧换新补贴");
            assertThat(feed.entries().get(0).summary()).contains("记者从发布会上获悉");
        }

        @Test
        void aChineseCmsDateWithoutZoneIsChinaTime() throws Exception {
            Entry entry = parse("sina-tech-gbk-undeclared.xml").entries().get(0);

            assertThat(entry.published()).contains(Instant.parse("2024-12-03T09:58:40Z"));
        }

        @Test
        void gb2312DeclaredButGb18030WrittenKeepsTheRareCharactersAndEmoji() throws Exception {
            Entry entry = parse("portal-sports-gb2312-declared-gb18030-bytes.xml").entries().get(0);

            assertThat(entry.title()).isEqualTo("朱镕基杯围棋赛决赛落幕 𠀀字棋手夺冠");
            assertThat(entry.summary()).contains("颁奖仪式在晚间举行 🏆");
        }

        @Test
        void anHttpCharsetOfGbkIsTakenOverNothing() throws Exception {
            assertThat(parse("sina-tech-gbk-undeclared.xml", Optional.of("GBK")).title()).isEqualTo("示例新闻网-科技频道");
        }
    }

    @Nested
    class EuropeanBlog {
        @Test
        void undeclaredWindows1252KeepsItsAccentsAndPunctuation() throws Exception {
            Feed feed = parse("latin-blog-windows1252-undeclared.xml");

            assertThat(feed.info().subtitle()).isEqualTo("Recettes d’hiver et pâtisseries");
            Entry entry = feed.entries().get(0);
            assertThat(entry.title()).isEqualTo("Tarte aux pommes caramélisées");
            assertThat(entry.summary()).startsWith("Une pâte brisée, des pommes, du beurre salé… et voilà ! «");
        }
    }

    @Nested
    class Podcast {
        @Test
        void capitalisedItunesNamespaceAndNamesAreRead() throws Exception {
            Feed feed = parse("podcast-itunes.xml");

            assertThat(feed.info().author()).isEqualTo("Sam Example");
            assertThat(feed.info().subtitle()).isEqualTo("Conversations about working while the city sleeps.");
            assertThat(feed.info().image()).isEqualTo("https://cdn.nightshift.example/cover-3000.jpg");
        }

        @Test
        void theShowNotesComeFromAContentModuleWithoutItsSlash() throws Exception {
            Entry entry = parse("podcast-itunes.xml").entries().get(0);

            assertThat(entry.content()).startsWith("<p>We talk to a baker").contains("<li>03:15 Sourdough</li>");
            assertThat(entry.summary()).isEqualTo("We talk to a baker who starts before dawn.");
        }

        @Test
        void theEpisodeKeepsItsAudioAndNestedCategories() throws Exception {
            Entry entry = parse("podcast-itunes.xml").entries().get(0);

            assertThat(entry.enclosures()).extracting(Enclosure::url, Enclosure::type)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("https://cdn.nightshift.example/ep012.mp3",
                            "audio/mpeg"));
            assertThat(entry.categories()).containsExactly("Society & Culture", "Documentary");
            assertThat(entry.published()).contains(Instant.parse("2024-11-29T10:00:00Z"));
        }
    }

    @Nested
    class Youtube {
        @Test
        void theVideoDescriptionIsTheBody() throws Exception {
            Entry entry = parse("youtube-channel.xml").entries().get(0);

            assertThat(entry.body()).isEqualTo("One pine plank, a saw and a drill.\n"
                    + "Tools: https://workshop.example/tools &amp; more\n#woodworking");
        }

        @Test
        void theThumbnailIsOfferedAsCoverAndTheFlashPlayerIsNot() throws Exception {
            Entry entry = parse("youtube-channel.xml").entries().get(0);

            assertThat(entry.enclosures()).extracting(Enclosure::url)
                    .containsExactly("https://i1.ytimg.example/vi/AbCdEfGh123/hqdefault.jpg");
            assertThat(dev.gleaner.content.CoverImage.of(entry, entry.body(), entry.base()))
                    .contains("https://i1.ytimg.example/vi/AbCdEfGh123/hqdefault.jpg");
        }

        @Test
        void linkDatesAndAuthorAreTheVideos() throws Exception {
            Entry entry = parse("youtube-channel.xml").entries().get(0);

            assertThat(entry.link()).isEqualTo("https://www.youtube.example/watch?v=AbCdEfGh123");
            assertThat(entry.guid()).isEqualTo("yt:video:AbCdEfGh123");
            assertThat(entry.author()).isEqualTo("Workshop Channel");
            assertThat(entry.published()).contains(Instant.parse("2024-11-30T15:00:12Z"));
        }
    }

    @Nested
    class WordPress {
        @Test
        void contentEncodedIsTheBodyAndTheExcerptTheSummary() throws Exception {
            Entry entry = parse("wordpress.xml").entries().get(0);

            assertThat(entry.content()).contains("garlic-1024x768.jpg", "Next year: October planting");
            assertThat(entry.summary()).contains("Here is what I learned &#8230;");
            assertThat(entry.author()).isEqualTo("Alex Gardener");
            assertThat(entry.title()).isEqualTo("Why my garlic failed (and what I’ll do next year)");
            assertThat(entry.categories()).containsExactly("Vegetables", "Mistakes");
        }

        @Test
        void aCachingPluginsCommentBeforeTheDeclarationCostsNothing() throws Exception {
            Feed feed = parse("wordpress-junk-before-declaration.xml");

            assertThat(feed.title()).isEqualTo("Garden Notes (cached)");
            assertThat(feed.entries()).hasSize(1);
            assertThat(feed.entries().get(0).content()).contains("Next year: October planting");
        }
    }

    @Nested
    class Blogger {
        @Test
        void theAlternateLinkIsChosenAmongRepliesEditAndSelf() throws Exception {
            Feed feed = parse("blogger.xml");

            assertThat(feed.info().link()).isEqualTo("https://slowtrains.blogspot.example/");
            assertThat(feed.entries().get(0).link()).isEqualTo("https://slowtrains.blogspot.example/2024/11/the-0612.html");
        }

        @Test
        void htmlContentSubtitleAndThumbnail() throws Exception {
            Feed feed = parse("blogger.xml");

            assertThat(feed.info().subtitle()).isEqualTo("Notes from regional lines");
            Entry entry = feed.entries().get(0);
            assertThat(entry.content()).startsWith("<div dir=\"ltr\"><p>Fog on the fields.</p>");
            assertThat(entry.enclosures()).extracting(Enclosure::url)
                    .containsExactly("https://blogger.googleusercontent.example/img/a/fog-s72-c.jpg");
            assertThat(entry.published()).contains(Instant.parse("2024-11-28T17:10:00Z"));
        }
    }

    @Nested
    class Medium {
        @Test
        void theArticleAndItsAuthor() throws Exception {
            Entry entry = parse("medium.xml").entries().get(0);

            assertThat(entry.author()).isEqualTo("Pat Writer");
            assertThat(entry.guid()).isEqualTo("https://medium.example/p/1a2b3c");
            assertThat(entry.updated()).contains(Instant.parse("2024-12-01T14:01:58.412Z"));
            assertThat(entry.categories()).containsExactly("productivity", "side-project");
        }

        @Test
        void theCoverIsTheFirstPictureNotTheTrackingPixel() throws Exception {
            Entry entry = parse("medium.xml").entries().get(0);

            assertThat(dev.gleaner.content.CoverImage.of(entry, entry.body(), entry.base()))
                    .contains("https://cdn-images-1.medium.example/max/1024/1*napkin.jpeg");
        }
    }

    @Nested
    class Substack {
        @Test
        void subtitleBodyAndHeaderImage() throws Exception {
            Entry entry = parse("substack.xml").entries().get(0);

            assertThat(entry.summary()).isEqualTo("It survived two malls and a pandemic. Can it survive the owner's retirement?");
            assertThat(entry.content()).contains("Forty years of keys cut by hand.");
            assertThat(entry.enclosures()).extracting(Enclosure::type).containsExactly("image/jpeg");
        }

        @Test
        void theSubscribeFormDoesNotReachThePage() throws Exception {
            Entry entry = parse("substack.xml").entries().get(0);

            String body = new HtmlSanitizer().sanitize(entry.body(), entry.base());
            assertThat(body).doesNotContain("<form", "<input").contains("The bell above the door still rings.");
        }
    }

    @Nested
    class Github {
        @Test
        void aReleaseHasOnlyAnUpdatedDateAndItsNotesAsHtml() throws Exception {
            Entry entry = parse("github-releases.xml").entries().get(0);

            assertThat(entry.title()).isEqualTo("v2.4.0");
            assertThat(entry.published()).isEmpty();
            assertThat(entry.date()).contains(Instant.parse("2024-12-02T16:45:10Z"));
            assertThat(entry.content()).startsWith("<h2>What&#39;s Changed</h2>").contains("<a href=\"https://github.example/acme/widget/pull/77\">");
        }

        @Test
        void theAvatarIsAnImageButTheReleaseBodyComesFirst() throws Exception {
            Entry entry = parse("github-releases.xml").entries().get(0);

            assertThat(entry.enclosures()).extracting(Enclosure::url)
                    .containsExactly("https://avatars.githubusercontent.example/u/5?s=60&v=4");
        }

        @Test
        void aCommitTitleIsTrimmedAndItsMessageKept() throws Exception {
            Feed feed = parse("github-commits.xml");

            Entry entry = feed.entries().get(0);
            assertThat(entry.title()).isEqualTo("Fix off-by-one in the pager (#81)");
            assertThat(entry.author()).isEqualTo("dev2");
            assertThat(entry.content()).contains("<pre style='white-space:pre-wrap;width:81ex'>", "multiple of the size.");
            assertThat(feed.info().language()).isEqualTo("en-US");
        }
    }

    @Nested
    class Reddit {
        @Test
        void aPostKeepsItsTitleAuthorAndTable() throws Exception {
            Feed feed = parse("reddit.xml");

            assertThat(feed.title()).isEqualTo("Homebrewing");
            Entry entry = feed.entries().get(0);
            assertThat(entry.title()).isEqualTo("My first stout & what went wrong");
            assertThat(entry.author()).isEqualTo("/u/hoppy_example");
            assertThat(entry.link()).isEqualTo("https://www.reddit.example/r/homebrewing/comments/1abc/my_first_stout/");
            assertThat(entry.content()).startsWith("<table>").contains("[comments]");
            assertThat(entry.categories()).containsExactly("homebrewing");
        }

        @Test
        void theThumbnailInTheBodyAndTheMediaOneAreTheSamePicture() throws Exception {
            Entry entry = parse("reddit.xml").entries().get(0);

            assertThat(entry.enclosures()).extracting(Enclosure::url)
                    .containsExactly("https://b.thumbs.redditmedia.example/xyz.jpg");
            assertThat(dev.gleaner.content.CoverImage.of(entry, entry.body(), entry.base()))
                    .contains("https://b.thumbs.redditmedia.example/xyz.jpg");
        }
    }

    @Nested
    class HackerNews {
        @Test
        void itemsWithOnlyACommentsLinkForBody() throws Exception {
            Feed feed = parse("hackernews.xml");

            assertThat(feed.entries()).hasSize(2);
            Entry entry = feed.entries().get(0);
            assertThat(entry.link()).isEqualTo("https://tinysheet.example/");
            assertThat(entry.guid()).isEmpty();
            assertThat(entry.summary()).isEqualTo("<a href=\"https://news.ycombinator.example/item?id=4200001\">Comments</a>");
            assertThat(entry.published()).contains(Instant.parse("2024-12-05T09:12:03Z"));
        }

        @Test
        void aDocumentWithoutDeclarationIsReadAsUtf8() throws Exception {
            Feed feed = parse("hackernews.xml");

            assertThat(feed.bozo()).isFalse();
            assertThat(feed.problems()).isEmpty();
        }
    }
}
