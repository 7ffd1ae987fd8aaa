package dev.gleaner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the body of a post must escape so that Hexo shows it as the feed wrote it. */
class HexoPostRendererTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '=', quoteCharacter = '`', value = {
            "`{{ site.title }} {% raw %}` = `&#123;&#123; site.title &#125;&#125; &#123;% raw %&#125;`",
            "`[x](javascript:alert(1))` = `[x&#93;(javascript:alert(1))`",
            "`![x](https://t.example/p.gif)` = `![x&#93;(https://t.example/p.gif)`",
            "`[x][evil]` = `[x&#93;[evil]`",
            "`[evil]: javascript:alert(1)` = `[evil&#93;: javascript:alert(1)`",
            "`使用 [BurstCompile] 属性` = `使用 [BurstCompile] 属性`",
            "`a[0] = b]` = `a[0] = b]`",
            "`<p>plain</p>` = `<p>plain</p>`"})
    void escapesWhatHexoWouldReadAsTemplateOrLinkAndNothingElse(String body, String escaped) {
        assertThat(HexoPostRenderer.escapedForHexo(body)).isEqualTo(escaped);
    }
}
