package dev.gleaner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Config load(String yaml) throws Exception {
        Path file = dir.resolve("gleaner.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file);
    }

    @Nested
    class ACategoryTree {
        @Test
        void mayBeAbsentOrEmptyWhenEveryFeedIsAddedFromTheCommandLine() throws Exception {
            assertThat(load("site: {title: x}\n").subscriptions()).isEmpty();
            assertThat(load("subscriptions: {}\n").subscriptions()).isEmpty();
            assertThat(load("subscriptions:\n").subscriptions()).isEmpty();
        }

        @Test
        void givesOneSubscriptionPerLeafWithItsPath() throws Exception {
            Config config = load("""
                    subscriptions:
                      社交媒体:
                        知乎:
                          知乎热榜: rsshub://zhihu/hotlist
                      编程:
                        开源中国:
                          资讯: {url: rsshub://oschina/news/project, interval: 1h, limit: 30}
                    """);

            assertThat(config.subscriptions()).hasSize(2);
            Subscription zhihu = config.subscriptions().get(0);
            assertThat(zhihu.path()).isEqualTo(CategoryPath.of("社交媒体", "知乎", "知乎热榜"));
            assertThat(zhihu.url().text()).isEqualTo("rsshub://zhihu/hotlist");
            Subscription oschina = config.subscriptions().get(1);
            assertThat(oschina.interval()).isEqualTo(Duration.ofHours(1));
            assertThat(oschina.limit()).hasValue(30);
        }

        @Test
        void passesRsshubOptionsToTheInstanceInTheRoutesQuery() throws Exception {
            Config config = load("""
                    subscriptions:
                      社交媒体:
                        微博:
                          热搜: {url: "rsshub://weibo/search/hot?fulltext=1", limit: 10, sorted: false, filter: "AI|芯片",
                                 filterout: 广告, filter_time: 1d, format: atom}
                        知乎:
                          热榜: rsshub://zhihu/hot
                    """);

            assertThat(config.subscriptions().get(0).url().text()).isEqualTo("rsshub://weibo/search/hot?fulltext=1&limit=10"
                    + "&sorted=false&filter=AI%7C%E8%8A%AF%E7%89%87&filterout=%E5%B9%BF%E5%91%8A&filter_time=86400"
                    + "&format=atom");
            assertThat(config.subscriptions().get(0).limit()).hasValue(10);
            assertThat(config.subscriptions().get(1).url().text()).isEqualTo("rsshub://zhihu/hot");
        }

        @Test
        void defaultsTheAuthorToTheSiteLevel() throws Exception {
            Config config = load("subscriptions:\n  社交媒体:\n    知乎:\n      知乎热榜: rsshub://zhihu/hotlist\n");

            assertThat(config.subscriptions().get(0).author()).isEqualTo("知乎");
            assertThat(config.subscriptions().get(0).comments()).isFalse();
        }

        @Test
        void takesEveryLeafOption() throws Exception {
            Config config = load("""
                    subscriptions:
                      编程:
                        GitHub:
                          Trending: {url: https://example.org/t.atom, author: GitHub 趋势, comments: true,
                                     image: "https://img.example/{n}.jpg", interval: 90m}
                    """);

            Subscription leaf = config.subscriptions().get(0);
            assertThat(leaf.author()).isEqualTo("GitHub 趋势");
            assertThat(leaf.comments()).isTrue();
            assertThat(leaf.image()).contains("https://img.example/{n}.jpg");
            assertThat(leaf.interval()).isEqualTo(Duration.ofMinutes(90));
        }

        @Test
        void resolvesPathsAgainstTheConfigurationFolder() throws Exception {
            Config config = load("""
                    site: {output: out}
                    storage: jdbc:sqlite:data/g.db
                    subscriptions:
                      a:
                        b:
                          c: feeds/c.xml
                    """);

            assertThat(config.subscriptions().get(0).url().text()).isEqualTo(dir.resolve("feeds/c.xml").toUri().toString());
            assertThat(config.site().postsDir()).isEqualTo(dir.resolve("out/source/_posts"));
            assertThat(config.storage()).isEqualTo("jdbc:sqlite:" + dir.resolve("data/g.db"));
        }

        @Test
        void readsTheSitesAddressFoldersAndPageSize() throws Exception {
            Config config = load("""
                    site: {output: out, public: html, url: "https://me.github.io/news", page_size: 12}
                    subscriptions: {a: {b: {c: https://example.org/feed}}}
                    """);

            assertThat(config.site().publicDir()).isEqualTo(dir.resolve("html"));
            assertThat(config.site().url()).as("a trailing slash is added").hasToString("https://me.github.io/news/");
            assertThat(config.site().pageSize()).isEqualTo(12);
        }

        @Test
        void readsRsshubInstancesWithTheirKeys() throws Exception {
            Config config = load("""
                    rsshub:
                      - https://rsshub.app/
                      - {url: http://nas.lan:1200, key: s3cret}
                      - {url: https://hub.example, key: k, code: true}
                    subscriptions: {a: {b: {c: rsshub://zhihu/hotlist}}}
                    """);

            assertThat(config.rsshub()).containsExactly(
                    new RsshubInstance("https://rsshub.app", java.util.Optional.empty(), false),
                    new RsshubInstance("http://nas.lan:1200", java.util.Optional.of("s3cret"), false),
                    new RsshubInstance("https://hub.example", java.util.Optional.of("k"), true));
        }

        @Test
        void hasTheDocumentedDefaults() throws Exception {
            Config config = load("subscriptions:\n  a:\n    b:\n      c: https://example.org/feed\n");

            assertThat(config.backlog()).isEqualTo(20);
            assertThat(config.rsshub()).extracting(RsshubInstance::url).containsExactly("https://rsshub.app");
            assertThat(config.site().title()).isEqualTo("信息流");
            assertThat(config.site().publicDir()).isEqualTo(dir.resolve("site/public"));
            assertThat(config.site().url()).hasToString("http://localhost:4000/");
            assertThat(config.site().pageSize()).isEqualTo(30);
            assertThat(config.storage()).isEqualTo("jdbc:sqlite:" + dir.resolve("gleaner.db"));
            assertThat(config.fetch()).isEqualTo(FetchOptions.DEFAULTS);
        }
    }

    @Nested
    class AMistake {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                unknown top key         | titel: x\\nsubscriptions: {a: {b: {c: https://x.org/f}}}       | 1 | titel: unknown key
                unknown leaf option     | subscriptions:\\n  a:\\n    b:\\n      c: {url: https://x.org/f, limt: 3} | 4 | subscriptions.a.b.c.limt: unknown key; expected one of
                bad interval            | subscriptions:\\n  a:\\n    b:\\n      c: {url: https://x.org/f, interval: soon} | 4 | subscriptions.a.b.c.interval: expected a duration like
                negative limit          | subscriptions:\\n  a:\\n    b:\\n      c: {url: https://x.org/f, limit: -1} | 4 | subscriptions.a.b.c.limit: expected a whole number
                bad comments            | subscriptions:\\n  a:\\n    b:\\n      c: {url: https://x.org/f, comments: maybe} | 4 | subscriptions.a.b.c.comments: expected true or false
                empty url               | subscriptions:\\n  a:\\n    b:\\n      c:                       | 4 | subscriptions.a.b.c: the URL is empty
                unknown scheme          | subscriptions:\\n  a:\\n    b:\\n      c: ftp://x.org/f          | 4 | expected an http(s)://, file:, rsshub:// URL or a path
                options without url     | subscriptions:\\n  a:\\n    b:\\n      c: {limit: 3}           | 4 | subscriptions.a.b.c: has feed options but no 'url'
                rsshub option elsewhere | subscriptions:\\n  a:\\n    b:\\n      c: {url: https://x.org/f, filter: x} | 4 | subscriptions.a.b.c.filter: is an RSSHub option, for rsshub://ROUTE feeds
                unknown format          | subscriptions:\\n  a:\\n    b:\\n      c: {url: rsshub://x/y, format: rss3} | 4 | subscriptions.a.b.c.format: expected one of rss, atom, json
                a list for a tree       | subscriptions:\\n  - https://x.org/f                          | 2 | subscriptions: expected a mapping of categories
                not YAML                | subscriptions: [unclosed                                      | 1 | not valid YAML
                bad site url            | site: {url: ftp://x.org/}\\nsubscriptions: {a: {b: {c: https://x.org/f}}} | 1 | site.url: expected the http(s) address the site is served from
                zero page size          | site:\\n  page_size: 0\\nsubscriptions: {a: {b: {c: https://x.org/f}}} | 2 | site.page_size: expected a whole number above 0
                bad rsshub instance     | rsshub: [rsshub.app]\\nsubscriptions: {a: {b: {c: https://x.org/f}}} | 1 | rsshub: expected the http(s) URL
                """)
        void namesTheFileLineAndKeyAndWhatWasExpected(String situation, String yaml, int line, String message) {
            assertThatThrownBy(() -> load(yaml.replace("\\n", "\n")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(dir.resolve("gleaner.yml") + ":" + line + ":")
                    .hasMessageContaining(message);
        }

        @Test
        void duplicateKeysAreRefused() {
            assertThatThrownBy(() -> load("subscriptions:\n  a:\n    b:\n      c: https://x.org/1\n      c: https://x.org/2\n"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(":5:");
        }

        @Test
        void aMissingFileSaysSo() {
            assertThatThrownBy(() -> new ConfigLoader().load(dir.resolve("nope.yml")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(dir.resolve("nope.yml") + ": no such file");
        }
    }

    @Nested
    class EveryProblem {
        @Test
        void ofAFileIsReportedNotOnlyTheFirstEachWithItsLineAndKey() throws Exception {
            Path file = dir.resolve("gleaner.yml");
            Files.writeString(file, """
                    storage: postgres://db/gleaner
                    backlog: many
                    fetch:
                      timeout: soon
                      allow: [localhost, "nas lan"]
                    subscriptions:
                      a:
                        b:
                          c: {url: feed.xml, interval: often}
                          d: {url: gopher://old, limit: 0}
                          e: feed.xml
                    """);

            assertThatThrownBy(() -> new ConfigLoader(entry -> entry.contains(" ")
                    ? java.util.Optional.of("'" + entry + "' is not a host name") : java.util.Optional.empty())
                    .load(file))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                            file + ":1: storage: expected a SQLite store like jdbc:sqlite:gleaner.db (the only kind"
                                    + " supported so far), got 'postgres://db/gleaner'",
                            file + ":2: backlog: expected a whole number of 0 or more, got 'many'",
                            file + ":4: fetch.timeout: expected a duration like 30s, 30m, 1h or 1d, got 'soon'",
                            file + ":5: fetch.allow: 'nas lan' is not a host name",
                            file + ":9: subscriptions.a.b.c.interval: expected a duration like 30s, 30m, 1h or 1d,"
                                    + " got 'often'",
                            file + ":10: subscriptions.a.b.d.url: expected an http(s)://, file:, rsshub:// URL or a"
                                    + " path, got 'gopher://old'",
                            file + ":10: subscriptions.a.b.d.limit: expected a whole number above 0, got 0"));
        }

        @Test
        void aMissingSiteUrlIsAWarningNotAnError() throws Exception {
            Config config = load("subscriptions:\n  a:\n    b:\n      c: feed.xml\n");

            assertThat(config.warnings()).singleElement().asString().contains("site.url is not set");
            assertThat(load("site: {url: https://me.github.io/news/}\nsubscriptions:\n  a:\n    b:\n      c: f.xml\n")
                    .warnings()).isEmpty();
        }
    }
}
