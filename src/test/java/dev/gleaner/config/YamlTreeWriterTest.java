package dev.gleaner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTreeWriterTest {
    private final YamlTreeWriter writer = new YamlTreeWriter();

    @TempDir
    Path dir;

    private Config load(String yaml) throws Exception {
        Path file = dir.resolve("gleaner.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file);
    }

    private List<Subscription> roundTrip(List<Subscription> subscriptions) throws Exception {
        return load(writer.section(subscriptions)).subscriptions();
    }

    @Nested
    class TheSection {
        @Test
        void isTheConfigurationsOwnFormBareUrlsForDefaultLeavesAndOneLineMappingsForOptions() {
            List<Subscription> subscriptions = List.of(
                    Subscription.of(CategoryPath.of("社交媒体", "知乎", "知乎热榜"), "rsshub://zhihu/hot"),
                    new Subscription(CategoryPath.of("编程", "开源中国", "资讯"), "rsshub://oschina/news/project?limit=30",
                            "开源中国", OptionalInt.of(30), Duration.ofHours(1), false, Optional.empty(), false),
                    new Subscription(CategoryPath.of("编程", "GitHub", "Trending"), "https://example.org/t.atom",
                            "GitHub 趋势", OptionalInt.empty(), Duration.ofMinutes(90), true,
                            Optional.of("https://img.example/{n}.jpg"), true));

            assertThat(writer.section(subscriptions)).isEqualTo("""
                    subscriptions:
                      社交媒体:
                        知乎:
                          知乎热榜: rsshub://zhihu/hot
                      编程:
                        开源中国:
                          资讯: {url: 'rsshub://oschina/news/project', limit: 30, interval: 1h}
                        GitHub:
                          Trending: {url: 'https://example.org/t.atom', author: GitHub 趋势, interval: 1h30m, \
                    comments: true, image: 'https://img.example/{n}.jpg', update: true}
                    """);
        }

        @Test
        void groupsEachLevelWhereItFirstAppears() throws Exception {
            List<Subscription> scattered = List.of(
                    Subscription.of(CategoryPath.of("a", "x"), "https://example.org/1"),
                    Subscription.of(CategoryPath.of("b", "y"), "https://example.org/2"),
                    Subscription.of(CategoryPath.of("a", "z"), "https://example.org/3"));

            assertThat(roundTrip(scattered)).containsExactly(scattered.get(0), scattered.get(2), scattered.get(1));
        }

        @Test
        void quotesNamesThatYamlWouldReadAsSomethingElse() {
            String yaml = writer.section(List.of(
                    Subscription.of(CategoryPath.of("yes", "1.0"), "https://example.org/1"),
                    Subscription.of(CategoryPath.of("yes", "a: b"), "https://example.org/2"),
                    Subscription.of(CategoryPath.of("yes", "#x"), "https://example.org/3"),
                    Subscription.of(CategoryPath.of("yes", "y"), "https://example.org/4")));

            assertThat(yaml).contains("'yes':", "'1.0':", "'a: b':", "'#x':", "'y':");
        }

        @Test
        void keepsASlashInANameAsItIsTheKeyHoldingTheRawName() throws Exception {
            Subscription psnine = Subscription.of(CategoryPath.of("游戏", "PSN 中文站", "首页 - 白金攻略 / 游戏开箱"),
                    "rsshub://psnine/index");

            String yaml = writer.section(List.of(psnine));

            assertThat(yaml).contains("      首页 - 白金攻略 / 游戏开箱: rsshub://psnine/index\n").doesNotContain("\\/");
            assertThat(load(yaml).subscriptions()).containsExactly(psnine);
        }

        @Test
        void writesTheRsshubOptionsTheLoaderPutInTheQueryAsOptionsAgain() throws Exception {
            Config config = load("""
                    subscriptions:
                      社交媒体:
                        微博:
                          热搜: {url: "rsshub://weibo/search/hot?fulltext=1", limit: 10, sorted: false, filter: "AI|芯片",
                                 filterout: 广告, filter_time: 1d, format: atom}
                    """);

            String yaml = writer.section(config.subscriptions());

            assertThat(yaml).contains("url: 'rsshub://weibo/search/hot?fulltext=1', limit: 10, sorted: false, "
                    + "filter: AI|芯片, filterout: 广告, filter_time: 1d, format: atom}");
            assertThat(load(yaml).subscriptions()).isEqualTo(config.subscriptions());
        }
    }

    @Nested
    class ARoundTripThroughTheLoader {
        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
        void givesBackTheSameSubscriptionsForTreesOfTrickyNames(long seed) throws Exception {
            for (long tree : LongStream.range(seed * 100, seed * 100 + 25).toArray()) {
                List<Subscription> subscriptions = TrickyTrees.tree(tree);

                assertThat(roundTrip(subscriptions)).as("tree %d:%n%s", tree, writer.section(subscriptions))
                        .isEqualTo(subscriptions);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"yes", "no", "on", "1.0", "a: b", "#x", "'q'", "\"dq\"", "a/b", "首页 - 白金攻略 / 游戏开箱",
                "😀", "null", "~", "line\nbreak", "<<", "- x"})
        void givesBackEachTrickyNameAtEveryLevelAndAsEveryValue(String name) throws Exception {
            List<Subscription> subscriptions = List.of(
                    new Subscription(CategoryPath.of(name, name + "1", name + "2"),
                            "https://example.org/" + name.length(),
                            name, OptionalInt.empty(), Subscription.DEFAULT_INTERVAL, false, Optional.of(name), false),
                    new Subscription(CategoryPath.of(name + "3"), "rsshub://zhihu/hot?limit=3", " " + name,
                            OptionalInt.of(3),
                            Subscription.DEFAULT_INTERVAL, false, Optional.of(name + " "), false));

            assertThat(roundTrip(subscriptions)).isEqualTo(subscriptions);
        }

        @Test
        void givesBackTheExampleSiteWithEveryRoute() throws Exception {
            Config example = new ConfigLoader().load(Path.of("examples/rsshub-page.yml"));

            assertThat(example.subscriptions()).hasSizeGreaterThan(200);
            assertThat(roundTrip(example.subscriptions())).isEqualTo(example.subscriptions());
        }

        @Test
        void givesAnRsshubFeedWithALimitItsUrlLacksTheLimitInItsQueryAsTheLoaderSendsIt() throws Exception {
            Subscription imported = new Subscription(CategoryPath.of("a", "b"), "rsshub://zhihu/hot", "a",
                    OptionalInt.of(5), Subscription.DEFAULT_INTERVAL, false, Optional.empty(), false);

            assertThat(roundTrip(List.of(imported)))
                    .containsExactly(new Subscription(imported.path(), "rsshub://zhihu/hot?limit=5", "a",
                            OptionalInt.of(5), Subscription.DEFAULT_INTERVAL, false, Optional.empty(), false));
        }
    }

    @Nested
    class ATreeTheConfigurationCannotHold {
        @Test
        void withALevelNamedUrlUnderACategoryIsRefusedNamingIt() {
            assertThatThrownBy(() -> writer.section(List.of(Subscription.of(CategoryPath.of("新闻", "url"),
                    "https://example.org/1"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "新闻/url: the configuration reads a category holding 'url' as a feed's options");
        }

        @Test
        void withACategoryHoldingOnlyNamesOfLeafOptionsIsRefused() {
            assertThatThrownBy(() -> writer.section(List.of(
                    Subscription.of(CategoryPath.of("新闻", "author"), "https://example.org/1"),
                    Subscription.of(CategoryPath.of("新闻", "limit"), "https://example.org/2"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("新闻/author: ");
        }

        @Test
        void butTakesSuchNamesBesideOthersOrAtTheTop() throws Exception {
            List<Subscription> subscriptions = List.of(
                    Subscription.of(CategoryPath.of("新闻", "author"), "https://example.org/1"),
                    Subscription.of(CategoryPath.of("新闻", "其他"), "https://example.org/2"),
                    Subscription.of(CategoryPath.of("url"), "https://example.org/3"));

            assertThat(roundTrip(subscriptions)).isEqualTo(subscriptions);
        }

        @Test
        void withoutAnySubscriptionIsAnEmptyTreeTheLoaderReads() throws Exception {
            assertThat(writer.section(List.of())).isEqualTo("subscriptions: {}\n");
            assertThat(roundTrip(List.of())).isEmpty();
        }

        @Test
        void withALevelWithSpacesAroundIsRefused() {
            assertThatThrownBy(() -> writer.section(List.of(Subscription.of(CategoryPath.of(" lead", "x"),
                    "https://example.org/1"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("' lead' has spaces around it");
        }

        @Test
        void withAFeedUnderAFeedOrTwoOfOnePathIsRefused() {
            Subscription feed = Subscription.of(CategoryPath.of("a", "b"), "https://example.org/1");

            assertThatThrownBy(() -> writer.section(List.of(feed,
                    Subscription.of(CategoryPath.of("a", "b", "c"), "https://example.org/2"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a/b/c: lies under the feed a/b; a feed has nothing under it");
            assertThatThrownBy(() -> writer.section(List.of(
                    Subscription.of(CategoryPath.of("a", "b", "c"), "https://example.org/2"), feed)))
                    .hasMessage("a/b: is a feed and a category at once");
            assertThatThrownBy(() -> writer.section(List.of(feed, feed)))
                    .hasMessage("a/b: two subscriptions have this path");
        }
    }

    @Nested
    class AWholeFile {
        private static final String SETTINGS = """
                # my feeds
                site:
                  title: 我的信息流   # shown on every page
                  url: https://me.github.io/news/
                subscriptions:
                  旧:
                    feed: https://old.example/rss   # gone after the replacement

                # how feeds are fetched
                fetch:
                  timeout: 10s
                """;
        private final List<Subscription> tree = List.of(
                Subscription.of(CategoryPath.of("社交媒体", "知乎", "知乎热榜"), "rsshub://zhihu/hot"));

        @Test
        void replacesTheSubscriptionsAndKeepsEveryOtherByteOfTheSettings() throws Exception {
            Path file = dir.resolve("settings.yml");
            Files.writeString(file, SETTINGS);

            String replaced = writer.replaceIn(file, tree);

            assertThat(replaced).isEqualTo("""
                    # my feeds
                    site:
                      title: 我的信息流   # shown on every page
                      url: https://me.github.io/news/
                    subscriptions:
                      社交媒体:
                        知乎:
                          知乎热榜: rsshub://zhihu/hot   # gone after the replacement

                    # how feeds are fetched
                    fetch:
                      timeout: 10s
                    """);
            Config config = load(replaced);
            assertThat(config.subscriptions()).isEqualTo(tree);
            assertThat(config.site().title()).isEqualTo("我的信息流");
            assertThat(config.fetch().timeout()).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        void addsTheSectionAtTheEndOfSettingsWithoutOne() throws Exception {
            Path file = dir.resolve("settings.yml");
            Files.writeString(file, "site:\n  title: 我的信息流");

            String replaced = writer.replaceIn(file, tree);

            assertThat(replaced).startsWith("site:\n  title: 我的信息流\nsubscriptions:\n  社交媒体:\n");
            assertThat(load(replaced).subscriptions()).isEqualTo(tree);
        }

        @Test
        void keepsWindowsLineEndings() throws Exception {
            Path file = dir.resolve("settings.yml");
            Files.writeString(file,
                    "site:\r\n  title: x\r\nsubscriptions: {a: https://old.example/rss}\r\nbacklog: 5\r\n");

            String replaced = writer.replaceIn(file, tree);

            assertThat(replaced).isEqualTo("site:\r\n  title: x\r\nsubscriptions:\r\n  社交媒体:\r\n    知乎:\r\n"
                    + "      知乎热榜: rsshub://zhihu/hot\r\nbacklog: 5\r\n");
        }

        @Test
        void ofIndentedSettingsTakesTheirIndentationAndOfNoSettingsIsTheSectionAfterWhatIsThere() throws Exception {
            Path file = dir.resolve("settings.yml");
            Files.writeString(file, "  site: {title: x}\n  subscriptions: {a: https://old.example/rss}\n");

            String replaced = writer.replaceIn(file, tree);

            assertThat(replaced).isEqualTo("  site: {title: x}\n  subscriptions:\n    社交媒体:\n      知乎:\n"
                    + "        知乎热榜: rsshub://zhihu/hot\n");
            assertThat(load(replaced).subscriptions()).isEqualTo(tree);
            Files.writeString(file, "# nothing yet\n");
            assertThat(writer.replaceIn(file, tree)).isEqualTo("# nothing yet\n" + writer.section(tree));
        }

        @Test
        void ofTheExampleSiteGivesItBackWhenItsOwnTreeIsPutIn() throws Exception {
            Path example = Path.of("examples/rsshub-page.yml");
            Config before = new ConfigLoader().load(example);
            Path copy = dir.resolve("rsshub-page.yml");
            Files.writeString(copy, writer.replaceIn(example, before.subscriptions()));

            Config after = new ConfigLoader().load(copy);

            assertThat(after.subscriptions()).isEqualTo(before.subscriptions());
            assertThat(after.site().title()).isEqualTo(before.site().title());
            assertThat(after.rsshub()).isEqualTo(before.rsshub());
        }

        @Test
        void writtenAsOneFlowMappingIsRefusedNamingTheFile() throws Exception {
            Path file = dir.resolve("settings.yml");
            Files.writeString(file, "{site: {title: x}, subscriptions: {a: https://old.example/rss}}\n");

            assertThatThrownBy(() -> writer.replaceIn(file, tree))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(file + ":1: expected the settings as a block mapping, one key a line, to put the "
                            + "subscriptions in; got a mapping in braces");
        }

        @Test
        void thatIsNotYamlOrMissingIsRefusedNamingTheFile() throws Exception {
            Path file = dir.resolve("settings.yml");
            Files.writeString(file, "site: [unclosed\n");

            assertThatThrownBy(() -> writer.replaceIn(file, tree))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(file + ":2: not valid YAML");
            assertThatThrownBy(() -> writer.replaceIn(dir.resolve("nope.yml"), tree))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(dir.resolve("nope.yml") + ": no such file");
        }
    }
}
