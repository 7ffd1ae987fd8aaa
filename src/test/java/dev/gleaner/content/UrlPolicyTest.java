package dev.gleaner.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs may stay in an attribute, read as a browser reads them. */
class UrlPolicyTest {
    private static final UrlPolicy.Resolver NO_BASE = UrlPolicy.Resolver.NONE;

    @ParameterizedTest
    @ValueSource(strings = {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " \u000e javascript:alert(1)",
        "\u0000javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "jar:http://example.com/a.jar!/",
        "java\ufffdscript:alert(1)",
        "file:///etc/passwd",
    })
    void refusesAScriptOrUnknownSchemeHoweverItIsWritten(String url) {
        assertThat(UrlPolicy.LINK.check(url, NO_BASE)).isEmpty();
        assertThat(UrlPolicy.IMAGE.check(url, NO_BASE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/a", "HTTP://example.com/a", "mailto:me@example.com", "tel:+123",
        "ftp://example.com/f"})
    void keepsALinkToTheWebMailOrPhone(String url) {
        assertThat(UrlPolicy.LINK.check(url, NO_BASE)).contains(url);
    }

    @Test
    void keepsInlineDataOnlyForRasterImages() {
        String png = "data:image/png;base64,iVBORw0KGgo=";

        assertThat(UrlPolicy.IMAGE.check(png, NO_BASE)).contains(png);
        assertThat(UrlPolicy.IMAGE.check("data:image/svg+xml,<svg/>", NO_BASE)).isEmpty();
        assertThat(UrlPolicy.MEDIA.check(png, NO_BASE)).isEmpty();
        assertThat(UrlPolicy.LINK.check(png, NO_BASE)).isEmpty();
    }

    @Test
    void trimsWhatABrowserIgnores() {
        assertThat(UrlPolicy.normalized(" \u0001https://exam\tple.com/a\n ")).isEqualTo("https://example.com/a");
    }

    @Test
    void resolvesARelativeUrl() {
        UrlPolicy.Resolver base = relative -> "https://example.com/" + relative;

        assertThat(UrlPolicy.MEDIA.check("a.png", base)).contains("https://example.com/a.png");
    }

    @Test
    void keepsARelativeUrlThatResolvesToNoAllowedScheme() {
        UrlPolicy.Resolver fileBase = relative -> "file:/feeds/" + relative;

        assertThat(UrlPolicy.LINK.check("next.html", fileBase)).contains("next.html");
        assertThat(UrlPolicy.LINK.check("next.html", NO_BASE)).contains("next.html");
    }

    @Test
    void keepsAnEmptyUrl() {
        assertThat(UrlPolicy.LINK.check("  ", NO_BASE)).isEqualTo(Optional.of(""));
    }
}
