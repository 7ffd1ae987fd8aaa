package dev.gleaner.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which inline style declarations stay, and how the kept ones are written. */
class CssSanitizerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "color: maroon",
        "color: #008",
        "color: rgb(0, 128, 0)",
        "background-color: rgba(255, 255, 255, 0.5)",
        "font-family : Comic Sans MS",
        "font-family: 'Helvetica Neue', Arial, sans-serif",
        "font-family: 微软雅黑",
        "font-family: Arial,\n  sans-serif",
        "font-size: 10pt",
        "font-weight: bold !important",
        "text-align: center",
        "text-decoration: underline",
        "vertical-align: top",
        "display: block",
        "float: left",
        "clear: both",
        "overflow: auto",
        "width: 100%",
        "max-width: 100%",
        "line-height: 1.5",
        "border-collapse: collapse",
        "background: yellow",
        "border: medium none",
        "border: solid 2px #000000",
        "border-bottom: dashed",
        "border-right: 0pt",
        "margin: 0 auto",
        "margin-top: 0in",
        "padding: 0",
        "padding-left: 4px",
        "background-x: center",
    })
    void keepsADeclarationThatOnlyChangesTheLook(String declaration) {
        assertThat(CssSanitizer.isSafe(declaration)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "position: absolute",
        "position: fixed",
        "z-index: 1",
        "top: 0",
        "left: 0",
        "margin-top: -10px",
        "text-indent: -9999px",
        "background-image: url(http://example.com/a.png)",
        "background: url(javascript:alert(1))",
        "background-repeat: repeat",
        "background-repeat: repeat-x",
        "width: expression(alert(1))",
        "width: calc(100% - 1px)",
        "color: var(--x)",
        "behavior: url(a.htc)",
        "-moz-binding: url(a.xml#x)",
        "color: re\\64",
        "color: red /* comment */",
        "font-family: \"a;b\"",
        "content: 'x'",
        "mso-ansi-language: NL",
        "mso-list: l0 level1 lfo1",
        "cursor: url(a.cur), auto",
        "color:",
        "color",
        "color: red; }",
    })
    void dropsADeclarationThatLoadsRunsMovesOrIsNotUnderstood(String declaration) {
        assertThat(CssSanitizer.isSafe(declaration)).isFalse();
    }

    @Test
    void writesAStyleThatPassesWholeUnchanged() {
        assertThat(CssSanitizer.clean("background-color:#ffffff; color:#24292e"))
                .isEqualTo("background-color:#ffffff; color:#24292e");
        assertThat(CssSanitizer.clean("display:block; text-align:center;")).isEqualTo("display:block; text-align:center;");
    }

    @Test
    void writesTheKeptDeclarationsOfAMixedStyle() {
        String style = """
                display:block; position:absolute; left:0; top:0; width:100%; height:100%; z-index:1; \
                background-color:black; background-image:url(http://example.com/cam.jpg); background-x:center; \
                background-y:center; background-repeat:repeat;""";

        assertThat(CssSanitizer.clean(style)).isEqualTo(
                "display:block; width:100%; height:100%; background-color:black; background-x:center; background-y:center;");
    }

    @Test
    void givesNothingWhenNoDeclarationPasses() {
        assertThat(CssSanitizer.clean("position: fixed; mso-spacerun: yes")).isEmpty();
        assertThat(CssSanitizer.clean("")).isEmpty();
    }

    @Test
    void dropsADeclarationTooLongToBeReal() {
        assertThat(CssSanitizer.clean("font-family: " + "a ".repeat(5000) + "; color: red")).isEqualTo("color: red");
    }
}
