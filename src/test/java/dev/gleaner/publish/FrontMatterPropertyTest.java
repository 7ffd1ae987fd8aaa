package dev.gleaner.publish;

import static dev.gleaner.publish.HostileText.escaped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Properties of the front matter over thousands of hostile titles, authors and category paths,
 * each drawn from its own seed so that a failure names the seed that reproduces it.
 *
 * <p>Written with JUnit's {@code @ParameterizedTest} over a seeded {@link java.util.Random}, not
 * jqwik: jqwik 1.10 carries an "Anti-AI Usage Clause" asking not to be used with coding agents, and
 * the build no longer has it.
 */
class FrontMatterPropertyTest {
    private static final int TRIES = 1_000;
    private static final List<String> KEYS =
            List.of("title", "categories", "headimg", "author", "comments", "date", "thumbnail");
    private static final HexoPostRenderer RENDERER = new HexoPostRenderer(new HtmlSanitizer());
    private static final String POST_END = "  \n</div>\n" + " ".repeat(12);
    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEARS_0_TO_9999 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond() - YEAR_0;

    /** One drawn case: what goes into a post, reproducible from its seed. */
    record Case(long seed, String title, String author, List<String> levels, boolean comments, Instant date,
            Optional<String> imageTemplate, String body) {

        static Case draw(long seed) {
            HostileText text = new HostileText(seed);
            String title = text.next();
            String author = text.next();
            List<String> levels = text.nextLevels();
            boolean comments = text.random().nextBoolean();
            // Any second from year 0 to 9999: what toUTCString can write with a four-digit year.
            Instant date = Instant.ofEpochSecond(YEAR_0 + (long) (text.random().nextDouble() * YEARS_0_TO_9999));
            Optional<String> image = text.random().nextInt(4) == 0
                    ? Optional.of("https://img.example/" + text.next() + "?n={n}") : Optional.empty();
            String body = text.random().nextBoolean()
                    ? "<p>" + text.next() + "</p>\n---\n" + text.next() : "<p>正文</p>";
            return new Case(seed, title, author, levels, comments, date, image, body);
        }

        PostInput input() {
            Entry entry = new Entry("guid-" + seed, "https://example.com/" + seed, title, "", Optional.of(date),
                    Optional.empty(), body, "", List.of(), List.of());
            return new PostInput(new CategoryPath(levels), author, comments, imageTemplate,
                    EntryKey.of(String.join("/", levels), entry), entry, date, "https://example.com/");
        }

        String describe() {
            List<String> shownLevels = new ArrayList<>();
            levels.forEach(level -> shownLevels.add(escaped(level)));
            return "seed " + seed + ": title=" + escaped(title) + " author=" + escaped(author) + " levels="
                    + shownLevels + " image=" + imageTemplate.map(HostileText::escaped);
        }

        @Override
        public String toString() {
            return "seed " + seed;
        }
    }

    static Stream<Case> cases() {
        return LongStream.range(0, TRIES).mapToObj(Case::draw);
    }

    static Stream<String> titles() {
        return LongStream.range(0, TRIES).mapToObj(seed -> new HostileText(1_000_000 + seed).next());
    }

    /** The YAML between the opening {@code ---} line and the next {@code ---} line, newline included. */
    private static String frontMatter(String post) {
        int end = post.indexOf("\n---\n", "\n---\n".length() - 1);
        return post.substring("\n---\n".length(), end + 1);
    }

    @Nested
    class ForAnyTitleAuthorAndCategories {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gleaner.publish.FrontMatterPropertyTest#cases")
        void yaml11ReadsBackExactlyTheValuesThatWentIn(Case drawn) {
            String post = RENDERER.render(drawn.input());

            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(frontMatter(post));

            assertReadsBack(drawn, post, yaml);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gleaner.publish.FrontMatterPropertyTest#cases")
        void yaml12ReadsBackExactlyTheValuesThatWentIn(Case drawn) {
            String post = RENDERER.render(drawn.input());

            @SuppressWarnings("unchecked")
            Map<String, Object> yaml = (Map<String, Object>) new Load(
                    LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(frontMatter(post));

            assertReadsBack(drawn, post, yaml);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gleaner.publish.FrontMatterPropertyTest#cases")
        void keepsTheLayoutOfThePostWithOneLinePerValue(Case drawn) {
            String post = RENDERER.render(drawn.input());

            assertThat(post).as(drawn.describe()).startsWith("\n---\ntitle: ").endsWith(POST_END);
            String[] lines = frontMatter(post).split("\n", -1);
            List<String> expected = new ArrayList<>(List.of("title: ", "categories: "));
            drawn.levels().forEach(level -> expected.add(" - "));
            expected.addAll(List.of("headimg: ", "author: ", "comments: ", "date: ", "thumbnail: ", ""));
            assertThat(lines).as("one line per key and per category level: %s", drawn.describe())
                    .hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(lines[i]).as("line %d of %s", i, drawn.describe()).startsWith(expected.get(i));
            }
            assertThat(post).as(drawn.describe()).contains("\n---\n\n<div>   \n");
            assertThat(frontMatter(post)).as("no line break but \\n, no control: %s", drawn.describe())
                    .doesNotContain("\r", "\u2028", "\u2029", "\u0085")
                    .doesNotContainPattern("[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F]");
        }

        private void assertReadsBack(Case drawn, String post, Map<String, Object> yaml) {
            String what = drawn.describe() + "\n" + frontMatter(post);
            assertThat(yaml).as(what).isNotNull();
            assertThat(List.copyOf(yaml.keySet())).as(what).isEqualTo(KEYS);
            assertThat(yaml.get("title")).as(what).isEqualTo(PostNames.title(drawn.title()));
            assertThat(yaml.get("categories")).as(what).isEqualTo(drawn.levels());
            assertThat(yaml.get("author")).as(what).isEqualTo(drawn.author());
            assertThat(yaml.get("comments")).as(what).isEqualTo(drawn.comments());
            assertThat(yaml.get("date")).as(what).isEqualTo(HexoDate.format(drawn.date()));
            assertThat(yaml.get("headimg")).as(what).isInstanceOf(String.class).isEqualTo(yaml.get("thumbnail"));
        }
    }

    @Nested
    class TheTitleRules {

        @ParameterizedTest(name = "title {index}")
        @MethodSource("dev.gleaner.publish.FrontMatterPropertyTest#titles")
        void keepEveryCharacterButTheDocumentedReplacementsFoldsAndRemovals(String raw) {
            String title = PostNames.title(raw);

            assertThat(title).as(escaped(raw)).isEqualTo(byTheRules(raw));
            assertThat(title).as(escaped(raw))
                    .doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ")
                    .doesNotContainPattern("[:/\\\\?*<>|\\[\\]“”\\t\\n\\r\\x0B\\x0C\\u0085\\u2028\\u2029]")
                    .doesNotContainPattern("[\\x00-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF]");
        }

        @ParameterizedTest(name = "title {index}")
        @MethodSource("dev.gleaner.publish.FrontMatterPropertyTest#titles")
        void leaveANormalisedTitleAsItIs(String raw) {
            String title = PostNames.title(raw);

            assertThat(PostNames.title(title)).as(escaped(raw)).isEqualTo(title);
        }

        /**
         * post-format.md, written out independently: drop controls and non-characters, turn
         * {@code : / \ ? * < > | [ ] “ ”} into {@code _}, fold every run of white space and line
         * breaks into one space, and trim.
         */
        private static String byTheRules(String raw) {
            StringBuilder kept = new StringBuilder();
            raw.codePoints().forEach(c -> {
                if (" \t\n\r\u000B\u000C\u0085\u2028\u2029".indexOf(c) >= 0) {
                    kept.append(' ');
                } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF) {
                    return;
                } else if (":/\\?*<>|[]“”".indexOf(c) >= 0) {
                    kept.append('_');
                } else {
                    kept.appendCodePoint(c);
                }
            });
            return String.join(" ", kept.toString().trim().split(" +"));
        }
    }
}
