package dev.gleaner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CategoryPathTest {
    @Test
    void namesTheSiteAsTheLevelAboveTheFeed() {
        CategoryPath path = CategoryPath.of("社交媒体", "知乎", "知乎热榜");

        assertThat(path.site()).isEqualTo("知乎");
        assertThat(path.name()).isEqualTo("知乎热榜");
        assertThat(path).hasToString("社交媒体/知乎/知乎热榜");
    }

    @Test
    void aSlashInsideALevelIsEscapedSoEveryPathHasOneText() {
        CategoryPath path = CategoryPath.of("游戏", "psnine", "首页 - 白金攻略 / 游戏开箱");

        assertThat(path.toString()).isEqualTo("游戏/psnine/首页 - 白金攻略 \\/ 游戏开箱");
        assertThat(CategoryPath.parse(path.toString())).isEqualTo(path);
        assertThat(CategoryPath.of("a/b", "c")).isNotEqualTo(CategoryPath.of("a", "b/c"))
                .doesNotHaveToString(CategoryPath.of("a", "b/c").toString());
    }

    @Test
    void parsesACommandLinePrefix() {
        CategoryPath prefix = CategoryPath.parse("社交媒体/知乎/");

        assertThat(prefix.levels()).containsExactly("社交媒体", "知乎");
        assertThat(CategoryPath.of("社交媒体", "知乎", "知乎热榜").startsWith(prefix)).isTrue();
        assertThat(CategoryPath.of("社交媒体", "知乎日报").startsWith(prefix)).isFalse();
    }

    @Test
    void listsEveryPathItLiesInOutermostFirst() {
        CategoryPath path = CategoryPath.of("社交媒体", "知乎", "知乎热榜");

        assertThat(path.prefixes()).containsExactly(CategoryPath.of("社交媒体"), CategoryPath.of("社交媒体", "知乎"), path);
        assertThat(path.prefixes()).allMatch(path::startsWith);
        assertThat(CategoryPath.of("编程").prefixes()).containsExactly(CategoryPath.of("编程"));
    }

    @Test
    void refusesAnEmptyPath() {
        assertThatThrownBy(() -> CategoryPath.parse(" / ")).isInstanceOf(IllegalArgumentException.class);
    }
}
