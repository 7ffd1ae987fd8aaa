package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a configured route is among an RSSHub instance's, read from its {@code /api/namespace}. */
public class RsshubRoutesTest {
    /** The shape of RSSHub's answer, cut down to a few routes. */
    public static final String TABLE = """
            {"zhihu": {"name": "知乎", "url": "www.zhihu.com", "routes": {
                "/hot/:category?": {"path": "/hot/:category?", "name": "知乎热榜", "example": "/zhihu/hot"},
                "/question/:questionId/:sortBy?": {"path": "/question/:questionId/:sortBy?"},
                "/people/activities/:id": {"path": "/people/activities/:id"}}},
             "weibo": {"name": "微博", "routes": {"/search/hot/:fulltext?": {}, "/user/:uid/:routeParams?": {}}},
             "github": {"routes": {"/trending/:since/:language/:spoken_language?": {}, "/file/:user/:repo/:branch/:filepath{.+}": {}}},
             "test": {"routes": {"/:id{.+}": {}}},
             "telegram": {"routes": {"/channel/:username/:routeParams?": {}, "/blog": {}}},
             "rsshub": {"routes": {"/transform/html/:url/:routeParams": {}, "/routes/:lang?": {}, "/*": {}}}}
            """;

    private final RsshubRoutes routes = routes();

    private static RsshubRoutes routes() {
        try {
            return RsshubRoutes.parse("http://127.0.0.1/api/namespace", TABLE.getBytes(UTF_8));
        } catch (FetchException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "zhihu/hot, true",
        "/zhihu/hot/digital, true",
        "zhihu/hot?limit=10, true",
        "zhihu/hot/, true",
        "zhihu/hotlist, false",
        "zhihu/hot/digital/extra, false",
        "zhihu/question/123, true",
        "zhihu/question, false",
        "weibo/search/hot, true",
        "github/trending/daily/javascript, true",
        "github/trending/daily, false",
        "github/file/a/b/main/docs/deep/README.md, true",
        "test/中文, true",
        "telegram/blog, true",
        "nosuch/route, false",
    })
    void servesWhatItsPatternsTake(String route, boolean served) {
        assertThat(routes.serves(route)).as(route).isEqualTo(served);
    }

    @Test
    void namesTheNearestRoutesOfTheNamespace() {
        assertThat(routes.nearest("zhihu/hotlist", 2)).first().isEqualTo("zhihu/hot/:category?");
        assertThat(routes.nearest("zhihu/hotlist", 2)).hasSize(2).allMatch(route -> route.startsWith("zhihu/"));
    }

    @Test
    void looksEverywhereForANamespaceItDoesNotHave() {
        assertThat(routes.nearest("telgram/blog", 1)).containsExactly("telegram/blog");
    }

    @Test
    void findsTheRoutesOfANamespaceOfSeveralSegments() throws FetchException {
        RsshubRoutes nested = RsshubRoutes.parse("u", """
                {"gov/pbc": {"name": "中国人民银行", "routes": {"/goutongjiaoliu": {}, "/gzlw": {}}},
                 "gov/beijing": {"routes": {"/bphc/:cat": {}}},
                 "govt": {"routes": {"/pbc/goutongjiaoliu": {}}}}
                """.getBytes(UTF_8));

        assertThat(nested.serves("gov/pbc/goutongjiaoliu")).isTrue();
        assertThat(nested.serves("gov/beijing/bphc/announcement")).isTrue();
        assertThat(nested.serves("gov/pbc/tradeAnnouncement")).isFalse();
        assertThat(nested.serves("gov/goutongjiaoliu")).isFalse();
        assertThat(nested.nearest("gov/pbc/tradeAnnouncement", 5))
                .containsExactlyInAnyOrder("gov/pbc/goutongjiaoliu", "gov/pbc/gzlw");
    }

    @Test
    void countsItsRoutes() {
        assertThat(routes.size()).isEqualTo(13);
    }

    @Test
    void refusesWhatIsNoRouteTable() {
        assertThatThrownBy(() -> RsshubRoutes.parse("u", "[]".getBytes(UTF_8))).isInstanceOf(FetchException.class)
                .hasMessageContaining("not a JSON object of namespaces");
        assertThatThrownBy(() -> RsshubRoutes.parse("u", "{\"a\": {}}".getBytes(UTF_8)))
                .hasMessageContaining("lists no route");
        assertThatThrownBy(() -> RsshubRoutes.parse("u", "<html>".getBytes(UTF_8))).hasMessageContaining("not JSON");
    }
}
