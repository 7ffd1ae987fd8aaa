package dev.gleaner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The title and file name rules of post-format.md, by example. */
class PostNamesTest {
    private static final int MAX_BYTES = PostNames.MAX_FILE_NAME_BYTES;

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Nested
    class TheTitle {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '=', quoteCharacter = '`', value = {
                "Vue: Uncaught TypeError: x = Vue_ Uncaught TypeError_ x",
                "a/b\\c = a_b_c",
                "why? * < > | = why_ _ _ _ _",
                "[置顶] 标题 = _置顶_ 标题",
                "“引号” = _引号_",
                "swoolefy 4.5.0 发布 = swoolefy 4.5.0 发布",
                "10月制造业PMI为49.2 = 10月制造业PMI为49.2",
                "C# & .NET #1 = C# & .NET #1",
                "`it's \"quoted\"` = `it's \"quoted\"`",
                "CUE!｜CUE = CUE!｜CUE",
                "有点有限的棋类游戏：Dodgem = 有点有限的棋类游戏：Dodgem"})
        void turnsTheOriginalSitesCharactersIntoUnderscoresAndKeepsTheRest(String raw, String title) {
            assertThat(PostNames.title(raw)).isEqualTo(title);
        }

        @ParameterizedTest(name = "{index}")
        @ValueSource(strings = {"a\nb", "a\r\nb", "a\rb", "a \n b", "a\t\tb", "a   b", "a\u2028b", "a\u2029b",
                "a\u0085b", "a\u000Bb", "a\u000Cb", " \n a b \t", "\na b\n"})
        void foldsLineBreaksAndRunsOfWhiteSpaceIntoOneSpaceAndTrims(String raw) {
            assertThat(PostNames.title(raw)).isEqualTo("a b");
        }

        @Test
        void foldsWhatLiesBetweenTwoWordsToExactlyOneSpace() {
            assertThat(PostNames.title("知乎\r\n\t 热榜")).isEqualTo("知乎 热榜");
        }

        @Test
        void dropsControlCharactersAndNonCharactersButKeepsEverythingElse() {
            assertThat(PostNames.title("a\u0000b\u0007c\u001Bd\u007Fe\u0080f\u009Fg\uFFFEh\uFFFF"))
                    .isEqualTo("abcdefgh");
            assertThat(PostNames.title("\u202E\u200F\uFEFF😀𭠀\u00A0\u3000知乎"))
                    .isEqualTo("\u202E\u200F\uFEFF😀𭠀\u00A0\u3000知乎");
        }

        @Test
        void leavesAnEmptyTitleEmpty() {
            assertThat(PostNames.title("")).isEmpty();
            assertThat(PostNames.title(" \n\t\u0000 ")).isEmpty();
        }
    }

    @Nested
    class TheFileStem {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '=', quoteCharacter = '`', value = {
                "10月制造业PMI为49.2 = 10月制造业PMI为492",
                "swoolefy 4.5.0 发布 = swoolefy 450 发布",
                "Vue: Uncaught = Vue_ Uncaught",
                "探索与实践 (tech.meituan.com) = 探索与实践 (techmeituancom)",
                "C# 10 #新特性 = C 10 新特性",
                "a/b\\c?d*e<f>g|h[i]j“k”l = a_b_c_d_e_f_g_h_i_j_k_l",
                "`say \"hi\"` = say _hi_",
                "`'de melkweg'` = `'de melkweg'`",
                // Hexo skips a post whose name starts with _, and a % or & breaks the links it writes
                "[置顶] 标题 = 置顶_ 标题",
                "__init__ = init__",
                "涨幅 100% & 更多 = 涨幅 100_ _ 更多"})
        void appliesTheTitleRulesAndRemovesHashesAndDots(String raw, String stem) {
            assertThat(PostNames.fileStem(raw)).isEqualTo(stem);
        }

        @ParameterizedTest(name = "{index}")
        @ValueSource(strings = {"a\nb", "a\r\nb", "a\rb", "a\u2028b", "a\u2029b", "a\u0085b", "a\u0000b", "a\tb",
                "a\u001Fb", "a\u007Fb", "a\u009Bb"})
        void removesLineBreaksAndControlCharacters(String raw) {
            assertThat(PostNames.fileStem(raw)).isEqualTo("ab");
        }

        @ParameterizedTest(name = "{index}")
        @ValueSource(strings = {"", "..", "...", ".", "#", "# . #", " \n ", "\u0000"})
        void isEmptyWhenNothingWritableIsLeft(String raw) {
            assertThat(PostNames.fileStem(raw)).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"CON", "con", "Nul", "PRN", "AUX", "COM1", "com9", "LPT1", "lpt9", "COM0", "LPT0",
                "COM¹", "lpt³", "C.O.N", "nul.", " aux "})
        void neverIsAWindowsDeviceName(String raw) {
            String stem = PostNames.fileStem(raw);

            assertThat(stem).endsWith("_");
            assertThat(stem.substring(0, stem.length() - 1)).isEqualToIgnoringCase(raw.replace(".", "").strip());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"CONSOLE", "nullable", "COM10", "LPT", "aux-1", "icon"})
        void leavesNamesThatOnlyLookLikeDevicesAlone(String raw) {
            assertThat(PostNames.fileStem(raw)).isEqualTo(raw);
        }
    }

    @Nested
    class TheFileName {

        @Test
        void isTheStemWithMdAppended() {
            assertThat(PostNames.fileName("知乎热榜", "")).isEqualTo("知乎热榜.md");
            assertThat(PostNames.fileName("知乎热榜", "-0123abcd")).isEqualTo("知乎热榜-0123abcd.md");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"a, 1", "知, 3", "é, 2", "😀, 4", "𭠀, 4"})
        void isCutToTwoHundredBytesWithoutSplittingACharacter(String character, int size) {
            String stem = character.repeat(400);

            String name = PostNames.fileName(stem, "");
            String suffixed = PostNames.fileName(stem, "-0123abcd");

            assertThat(bytes(name)).isLessThanOrEqualTo(MAX_BYTES).isGreaterThan(MAX_BYTES - size);
            assertThat(name).isEqualTo(character.repeat((MAX_BYTES - 3) / size) + ".md");
            assertThat(bytes(suffixed)).isLessThanOrEqualTo(MAX_BYTES).isGreaterThan(MAX_BYTES - size);
            assertThat(suffixed).isEqualTo(character.repeat((MAX_BYTES - 12) / size) + "-0123abcd.md");
        }

        @Test
        void keepsAStemThatFitsAsItIs() {
            String stem = "a".repeat(MAX_BYTES - 3);

            assertThat(PostNames.fileName(stem, "")).isEqualTo(stem + ".md").hasSize(MAX_BYTES);
        }

        @Test
        void endsInNoWhiteSpaceWhereTheCutFalls() {
            String stem = "a".repeat(MAX_BYTES - 4) + " b";

            assertThat(PostNames.fileName(stem, "")).isEqualTo("a".repeat(MAX_BYTES - 4) + ".md");
        }

        @Test
        void isNoWindowsDeviceNameAfterTheCutEither() {
            // A stem that is not a device name until the cut drops everything after the spaces.
            String stem = PostNames.fileStem("CON" + " ".repeat(MAX_BYTES) + "x");

            assertThat(PostNames.fileName(stem, "")).isEqualTo("CON_.md");
        }

        @Test
        void matchesTheNameOfEverySeedFormatPostThatFits() throws IOException {
            Path posts = SharedFixtures.require("fixtures/seed-format-posts");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(posts)) {
                files = walk.filter(file -> file.toString().endsWith(".md") && !file.endsWith("SOURCES.md")).toList();
            }
            assertThat(files).hasSizeGreaterThan(10);

            for (Path file : files) {
                String name = file.getFileName().toString();
                String title = titleOf(file);
                String ours = PostNames.fileName(PostNames.fileStem(title), "");
                if (name.equals(".md")) {
                    // The original wrote the title ".." as a hidden ".md"; ours names that post from its key.
                    assertThat(PostNames.fileStem(title)).as(file.toString()).isEmpty();
                } else if (bytes(name) <= MAX_BYTES) {
                    assertThat(ours).as(file.toString()).isEqualTo(name);
                } else {
                    String stem = name.substring(0, name.length() - ".md".length());
                    assertThat(ours).as(file.toString()).isEqualTo(PostNames.cut(stem, MAX_BYTES - 3) + ".md");
                }
            }
        }

        private static String titleOf(Path post) throws IOException {
            String text = Files.readString(post);
            String frontMatter = text.substring("\n---\n".length(), text.indexOf("\n---\n", 4) + 1);
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(frontMatter);
            return String.valueOf(yaml.get("title"));
        }
    }

    @Nested
    class TheFolderName {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '=', quoteCharacter = '`', value = {
                "社交媒体 = 社交媒体",
                "GameRes 游资网 = GameRes 游资网",
                "Work type = Work type",
                "首页 - 白金攻略 / 游戏开箱 = 首页 - 白金攻略 _ 游戏开箱",
                "劍心．回憶 = 劍心．回憶",
                "`..` = -",
                "`.` = -",
                "`...` = -",
                "`/` = -",
                "`\\` = -",
                "`../../etc` = etc",
                "`..\\..\\windows` = windows",
                "`.hidden` = hidden",
                "`trailing. ` = trailing",
                "`a. .` = a",
                "`  spaced  ` = spaced",
                "`a\u0000b` = ab",
                "`a\nb` = ab",
                "`C:` = C_",
                // Hexo skips a path with a part that starts with _, and a % or & breaks the links it writes
                "`_drafts` = drafts",
                "`100% 纯` = 100_ 纯",
                "`A&B` = A_B",
                "`#话题` = 话题"})
        void isOneSafeSegment(String level, String folder) {
            assertThat(PostNames.directory(level)).isEqualTo(folder);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"CON, CON_", "nul, nul_", "COM1, COM1_", "LPT9, LPT9_", "com¹, com¹_", "nul.tar, nul_.tar",
                "con.txt.d, con_.txt.d", "AUX .x, AUX _.x", "CONSOLE, CONSOLE", "COM10, COM10"})
        void isNoWindowsDeviceNameEvenWithAnExtension(String level, String folder) {
            assertThat(PostNames.directory(level)).isEqualTo(folder);
        }

        @ParameterizedTest(name = "{index}")
        @ValueSource(strings = {" b", ". b", ".b", " .b"})
        void endsInNeitherASpaceNorADotWhereTheCutFalls(String tail) {
            String folder = PostNames.directory("a".repeat(MAX_BYTES - 2) + tail);

            assertThat(folder).isEqualTo("a".repeat(MAX_BYTES - 2));
        }

        @Test
        void isCutToTheLimitWithoutSplittingACharacter() {
            String folder = PostNames.directory("游".repeat(100));

            assertThat(bytes(folder)).isLessThanOrEqualTo(MAX_BYTES).isGreaterThan(MAX_BYTES - 4);
            assertThat(folder).matches("游+");
        }

        @Test
        void keepsRoomForTheUnderscoreOfALongDeviceName() {
            String folder = PostNames.directory("nul." + "x".repeat(MAX_BYTES));

            assertThat(bytes(folder)).isLessThanOrEqualTo(MAX_BYTES);
            assertThat(folder).startsWith("nul_.xxx");
        }
    }
}
