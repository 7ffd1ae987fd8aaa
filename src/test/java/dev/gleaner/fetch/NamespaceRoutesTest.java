package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Routes of a site's namespace that have a page's own path, for pages RSSHub Radar has no rule for. */
class NamespaceRoutesTest {
    private static final String SOURCE = "http://rsshub.test/api/namespace/zhihu";
    private static final byte[] ZHIHU = """
            {"name": "知乎", "url": "www.zhihu.com", "lang": "zh-CN",
             "routes": {
               "/hot/:category?": {"path": "/hot/:category?", "name": "知乎热榜", "example": "/zhihu/hot"},
               "/daily": {"path": "/daily", "name": "知乎日报"},
               "/question/:questionId/:sortBy?": {"path": "/question/:questionId/:sortBy?", "name": "问题"}
             }}
            """.getBytes(StandardCharsets.UTF_8);

    private static List<RadarMatch> matching(String pageUrl) throws FetchException {
        return NamespaceRoutes.matching(SOURCE, "zhihu", ZHIHU, pageUrl);
    }

    @Nested
    class WhichNamespacesAreAsked {
        @Test
        void theLabelsOfTheHostButItsLastAndWwwNearestTheDomainFirst() {
            assertThat(NamespaceRoutes.namespacesToAsk("https://www.zhihu.com/hot")).containsExactly("zhihu");
            assertThat(NamespaceRoutes.namespacesToAsk("https://s.weibo.com/top/summary"))
                    .containsExactly("weibo", "s");
        }

        @Test
        void noneForASitesHomePageOrAUrlWithoutAHost() {
            assertThat(NamespaceRoutes.namespacesToAsk("https://www.zhihu.com/")).isEmpty();
            assertThat(NamespaceRoutes.namespacesToAsk("https://www.zhihu.com")).isEmpty();
            assertThat(NamespaceRoutes.namespacesToAsk("file:///srv/hot")).isEmpty();
            assertThat(NamespaceRoutes.namespacesToAsk("not a url")).isEmpty();
        }
    }

    @Nested
    class WhatMatches {
        @Test
        void aRouteWithThePagesPathNamedAsTheNamespaceNamesIt() throws FetchException {
            assertThat(matching("https://www.zhihu.com/hot")).containsExactly(
                    new RadarMatch("知乎热榜", "知乎", "", Optional.of("rsshub://zhihu/hot")));
            assertThat(matching("https://zhihu.com/daily/")).extracting(match -> match.url().orElseThrow())
                    .containsExactly("rsshub://zhihu/daily");
        }

        @Test
        void aRouteWithParametersTakesThePathThatFillsThem() throws FetchException {
            assertThat(matching("https://www.zhihu.com/question/19550225")).extracting(m -> m.url().orElseThrow())
                    .containsExactly("rsshub://zhihu/question/19550225");
        }

        @Test
        void nothingForAPathTheNamespaceHasNoRouteFor() throws FetchException {
            assertThat(matching("https://www.zhihu.com/explore")).isEmpty();
            assertThat(matching("https://www.zhihu.com/hot/a/b/c")).isEmpty();
        }

        @Test
        void nothingWhenTheNamespaceIsAnotherSitesOfTheSameName() throws FetchException {
            assertThat(matching("https://zhihu.example.org/hot")).isEmpty();
        }

        @Test
        void nothingForAnUnknownNamespaceWhichRsshubAnswersWithAnEmptyBody() throws FetchException {
            assertThat(NamespaceRoutes.matching(SOURCE, "zhihu", new byte[0], "https://www.zhihu.com/hot")).isEmpty();
        }

        @Test
        void anAnswerThatIsNotJsonIsAnErrorNamingWhereItCameFrom() {
            assertThatThrownBy(() -> NamespaceRoutes.matching(SOURCE, "zhihu",
                    "<html>".getBytes(StandardCharsets.UTF_8), "https://www.zhihu.com/hot"))
                    .isInstanceOf(FetchException.class).hasMessageContaining(SOURCE).hasMessageContaining("not JSON");
        }
    }
}
