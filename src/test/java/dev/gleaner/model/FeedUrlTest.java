package dev.gleaner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a feed URL is, decided once from its text. */
class FeedUrlTest {

    @ParameterizedTest
    @CsvSource({
        "https://www.oschina.net/news/rss, WEB",
        "HTTP://EXAMPLE.ORG/feed, WEB",
        "file:///srv/feeds/a.xml, FILE",
        "rsshub://zhihu/hot, ROUTE",
        "rsshub://weibo/search/hot?limit=10, ROUTE"
    })
    void tellsTheKindFromTheScheme(String text, FeedUrl.Kind kind) {
        FeedUrl url = FeedUrl.parse(text);

        assertThat(url.kind()).isEqualTo(kind);
        assertThat(url.text()).isEqualTo(text);
        assertThat(url).hasToString(text);
    }

    @Test
    void aRouteIsWhatFollowsTheScheme() {
        assertThat(((FeedUrl.Route) FeedUrl.parse("rsshub://test/中文?limit=2")).route()).isEqualTo("test/中文?limit=2");
    }

    @Test
    void theSameTextIsTheSameUrl() {
        assertThat(FeedUrl.parse("rsshub://zhihu/hot")).isEqualTo(FeedUrl.parse("rsshub://zhihu/hot"))
                .isNotEqualTo(FeedUrl.parse("rsshub://zhihu/hotlist"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/feed", "zhihu/hot", "rsshub:zhihu/hot", "", "mailto:a@b.c"})
    void refusesWhatGleanerCannotFetchAndSaysWhatItExpected(String text) {
        assertThat(FeedUrl.tryParse(text)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> FeedUrl.parse(text))
                .withMessageContaining("http(s)://, file: or rsshub://").withMessageContaining("'" + text + "'");
    }
}
