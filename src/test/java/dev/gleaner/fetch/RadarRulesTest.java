package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which RSSHub routes RSSHub Radar's rules offer for a web page, and how an instance is asked for them. */
class RadarRulesTest {
    private static final String DOCS = "https://docs.rsshub.app/routes/social-media";

    /**
     * One site's rules as {@code /api/radar/rules/zhihu.com} serves them, cut down, plus a rule of our
     * own for /hot.
     */
    private static final String ZHIHU = """
            {"_name": "知乎",
             "daily": [{"title": "知乎日报", "docs": "%1$s", "source": ["/*"], "target": "/zhihu/daily"}],
             "www": [
               {"title": "问题", "docs": "%1$s", "source": ["/question/:questionId"], "target": "/zhihu/question/:questionId"},
               {"title": "用户动态", "docs": "%1$s", "source": ["/people/:id"], "target": "/zhihu/people/activities/:id"},
               {"title": "xhu - 用户动态", "docs": "%1$s", "source": ["/people/:id"], "target": "/zhihu/people/activities/:id"},
               {"title": "用户文章", "docs": "%1$s", "source": ["/:usertype/:id/posts", "/:usertype/:id"],
                "target": "/zhihu/posts/:usertype/:id"},
               {"title": "知乎热榜", "docs": "%1$s", "source": ["/hot"], "target": "/zhihu/hot/:category?"}],
             "zhuanlan": [{"title": "专栏", "docs": "%1$s", "source": ["/:id"], "target": "/zhihu/zhuanlan/:id"}]}
            """.formatted(DOCS);

    /** The whole table, as {@code /api/radar/rules} serves it: domains, then subdomains ({@code .} for none). */
    private static final String TABLE = """
            {"zhihu.com": %s,
             "121.com.cn": {"_name": "深圳台风网",
               "tf": [{"title": "深圳天气直播", "docs": "", "source": ["/", "/web/weatherLive"], "target": "/121/weatherLive"}]},
             "example.org": {"_name": "Example",
               ".": [
                 {"title": "Tag", "source": "/tag/:tag", "target": "/example/tag/:tag"},
                 {"title": "Computed", "docs": "", "source": ["/computed/:id"]},
                 {"title": "Null", "docs": "", "source": ["/null/:id"], "target": null},
                 {"title": "Book", "docs": "", "source": ["/book/:id.htm"], "target": "/example/book/:id"},
                 {"title": "File", "docs": "", "source": ["/files/*path"], "target": "/example/file/:path{.+}"},
                 {"title": "Category", "docs": "", "source": ["/c/:category?"], "target": "/example/c/:category{.+}?"},
                 {"title": "Hash routed", "docs": "", "source": ["/#/channel/:id"], "target": "/example/channel/:id"}]},
             "npmjs.com": {"_name": "npm",
               "www": [{"title": "Package", "docs": "", "source": ["/package/:name"],
                 "target": "/npm/package/:name{(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*}"}]}}
            """.formatted(ZHIHU);

    private static RadarRules table() throws FetchException {
        return RadarRules.parse("http://127.0.0.1/api/radar/rules", TABLE.getBytes(UTF_8));
    }

    private static List<String> routes(String page) throws FetchException {
        return table().match(page).stream().flatMap(m -> m.url().stream()).toList();
    }

    @Nested
    class MatchingAPage {
        @Test
        void aParameterOfThePathGoesIntoTheRoute() throws Exception {
            assertThat(table().match("https://www.zhihu.com/question/19550225")).contains(
                    new RadarMatch("问题", "知乎", DOCS, Optional.of("rsshub://zhihu/question/19550225")));
        }

        @Test
        void theRoutesComeInTheOrderOfTheRulesEachOnce() throws Exception {
            assertThat(routes("https://www.zhihu.com/people/zhang-jia-wei")).containsExactly(
                    "rsshub://zhihu/people/activities/zhang-jia-wei", "rsshub://zhihu/posts/people/zhang-jia-wei");
        }

        @Test
        void aMissingOptionalParameterEndsTheRoute() throws Exception {
            assertThat(routes("https://www.zhihu.com/hot")).containsExactly("rsshub://zhihu/hot");
        }

        @Test
        void aRuleThatFitsButLacksARequiredParameterOffersOnlyItsDocs() throws Exception {
            // /:usertype/:id fits /hot with usertype=hot, as Radar lets trailing parameters go.
            assertThat(table().match("https://www.zhihu.com/hot"))
                    .contains(new RadarMatch("用户文章", "知乎", DOCS, Optional.empty()));
        }

        @Test
        void aSourceFitsAPathThatStopsBeforeItsTrailingParameters() throws Exception {
            assertThat(routes("https://www.zhihu.com/people/x/posts")).containsExactly("rsshub://zhihu/posts/people/x");
        }

        @ParameterizedTest
        @CsvSource({
            "https://daily.zhihu.com/story/9, rsshub://zhihu/daily",
            "https://zhuanlan.zhihu.com/c_123, rsshub://zhihu/zhuanlan/c_123",
            "https://zhihu.com/question/1, rsshub://zhihu/question/1",
            "https://WWW.ZhiHu.com./question/1, rsshub://zhihu/question/1",
            "https://example.org/tag/java, rsshub://example/tag/java",
            "https://www.example.org/tag/java, rsshub://example/tag/java",
            "https://tf.121.com.cn/, rsshub://121/weatherLive",
            "https://tf.121.com.cn, rsshub://121/weatherLive",
            "https://tf.121.com.cn/web/weatherLive/?from=home#top, rsshub://121/weatherLive",
        })
        void aSubdomainTakesItsOwnRulesAndWwwAndTheBareDomainStandInForEachOther(String page, String route)
                throws Exception {
            assertThat(routes(page)).first().isEqualTo(route);
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://blog.example.org/tag/java", "https://daily.zhihu.com/",
            "https://www.zhihu.com/question", "https://unknown.test/question/1", "http://127.0.0.1/question/1",
            "https://example.org/computed/1", "https://example.org/null/1", "https://example.org/channel/1",
            "not a url", "rsshub://zhihu/hot"})
        void noRuleFits(String page) throws Exception {
            assertThat(routes(page)).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({
            "https://example.org/book/12.htm, rsshub://example/book/12",
            "https://example.org/files/docs/a/b.txt, rsshub://example/file/docs/a/b.txt",
            "https://example.org/c, rsshub://example/c",
            "https://example.org/c/news, rsshub://example/c/news",
            "https://www.npmjs.com/package/jsoup, rsshub://npm/package/jsoup",
        })
        void patternsTakeTextAfterAParameterTheRestOfThePathAndRegexParametersInTheTarget(String page, String route)
                throws Exception {
            assertThat(routes(page)).containsExactly(route);
        }

        @Test
        void aParameterIsDecodedButKeepsWhatWouldChangeTheRoute() throws Exception {
            assertThat(routes("https://www.zhihu.com/people/%E5%BC%A0%E4%B8%89")).first()
                    .isEqualTo("rsshub://zhihu/people/activities/张三");
            assertThat(routes("https://www.zhihu.com/people/a%2Fb%3Fc%25d%20e")).first()
                    .isEqualTo("rsshub://zhihu/people/activities/a%2Fb%3Fc%25d%20e");
        }

        @Test
        void aUrlWrittenWithChineseTextIsMatchedAsItsEncodedForm() throws Exception {
            assertThat(routes("https://www.zhihu.com/people/张三")).first()
                    .isEqualTo("rsshub://zhihu/people/activities/张三");
        }
    }

    @Nested
    class ReadingTheRules {
        @Test
        void oneSitesAnswerHasTheSameRulesAsTheTable() throws Exception {
            RadarRules site = RadarRules.parseSite("http://127.0.0.1/api/radar/rules/zhihu.com", "zhihu.com",
                    ZHIHU.getBytes(UTF_8));

            assertThat(site.match("https://www.zhihu.com/people/x"))
                    .isEqualTo(table().match("https://www.zhihu.com/people/x"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  \n", "null"})
        void anEmptyAnswerIsNoRules(String body) throws Exception {
            RadarRules rules = RadarRules.parseSite("http://127.0.0.1/api/radar/rules/unknown.test", "unknown.test",
                    body.getBytes(UTF_8));

            assertThat(rules.isEmpty()).isTrue();
            assertThat(rules.match("https://unknown.test/")).isEmpty();
        }

        @Test
        void anAnswerThatIsNoJsonObjectIsAFailureNamingTheUrl() {
            assertThatThrownBy(() -> RadarRules.parse("http://127.0.0.1/api/radar/rules", "<html>".getBytes(UTF_8)))
                    .isInstanceOf(FetchException.class)
                    .hasMessageStartingWith("http://127.0.0.1/api/radar/rules: the Radar rules are not JSON");
            assertThatThrownBy(() -> RadarRules.parse("http://127.0.0.1/api/radar/rules", "[1]".getBytes(UTF_8)))
                    .hasMessageContaining("not a JSON object of domains");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "https://www.zhihu.com/hot | zhihu.com, www.zhihu.com",
            "https://zhihu.com | zhihu.com",
            "https://news.bbc.co.uk/x | co.uk, bbc.co.uk, news.bbc.co.uk",
            "http://127.0.0.1:1200/ | ''",
            "http://[::1]/ | ''",
            "http://localhost/ | ''",
            "file:feed.xml | ''",
        })
        void theDomainsToAskAreTheEndingsOfTheHostShortestFirst(String page, String domains) {
            assertThat(String.join(", ", RadarRules.domainsToAsk(page))).isEqualTo(domains);
        }
    }

    @Nested
    class AskingAnInstance {
        @StartStop
        private final MockWebServer rsshub = new MockWebServer();
        private final List<String> asked = new ArrayList<>();

        private void serve(int status) {
            rsshub.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    asked.add(request.getTarget());
                    if (status != 200) {
                        return new MockResponse.Builder().code(status).body("<html>not here</html>").build();
                    }
                    boolean zhihu = request.getUrl().encodedPath().equals("/api/radar/rules/zhihu.com");
                    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                            .body(zhihu ? ZHIHU : "").build();
                }
            });
        }

        private RadarRules ask(RsshubInstance instance, String page) throws FetchException {
            try (Fetcher fetcher = new Fetcher(TestSettings.quick())) {
                return fetcher.rsshubRadar(instance, page);
            }
        }

        @Test
        void asksForTheRulesOfTheRegistrableDomainWithTheKey() throws Exception {
            serve(200);

            RadarRules rules = ask(new RsshubInstance(rsshub.url("/").toString(), Optional.of("k")),
                    "https://www.zhihu.com/question/1");

            assertThat(asked).containsExactly("/api/radar/rules/zhihu.com?key=k");
            assertThat(rules.match("https://www.zhihu.com/question/1")).extracting(RadarMatch::url)
                    .contains(Optional.of("rsshub://zhihu/question/1"));
        }

        @Test
        void anEmptyAnswerSendsItOnToTheLongerEndingsUntilNoneIsLeft() throws Exception {
            serve(200);

            RadarRules rules = ask(RsshubInstance.of(rsshub.url("/base/").toString()), "https://news.bbc.co.uk/x");

            assertThat(asked).containsExactly("/base/api/radar/rules/co.uk", "/base/api/radar/rules/bbc.co.uk",
                    "/base/api/radar/rules/news.bbc.co.uk");
            assertThat(rules.isEmpty()).isTrue();
        }

        @Test
        void aPageWithoutADomainAsksNothing() throws Exception {
            serve(200);

            assertThat(ask(RsshubInstance.of(rsshub.url("/").toString()), "http://127.0.0.1/").isEmpty()).isTrue();
            assertThat(asked).isEmpty();
        }

        @Test
        void anInstanceWithoutRadarRulesFailsNamingTheUrlButNotTheKey() {
            serve(404);
            RsshubInstance instance = new RsshubInstance(rsshub.url("/").toString(), Optional.of("secret-key"), true);

            assertThatThrownBy(() -> ask(instance, "https://www.zhihu.com/hot"))
                    .isInstanceOf(FetchException.class)
                    .hasMessage(rsshub.url("/api/radar/rules/zhihu.com") + ": HTTP 404 for the Radar rules")
                    .hasMessageNotContaining("secret-key");
            assertThat(asked).singleElement().asString().startsWith("/api/radar/rules/zhihu.com?code=");
        }
    }
}
