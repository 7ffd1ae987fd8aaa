package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.SharedFixtures;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline ({@code gleaner run}) reproduces the reference post of {@code post-format.md}
 * from the RSSHub 知乎热榜 item behind it: every byte, except the cover number after {@code random=},
 * which the original drew at random and we derive from the item's key.
 */
class ReferencePostTest {
    private static final String REFERENCE = "fixtures/seed/zhihu-hotlist-post.md";
    private static final String CATEGORY_YAML = """
            社交媒体:
              知乎:
                知乎热榜: feeds/zhihu-hotlist.xml
            """;
    private static final String LINK = "https://www.zhihu.com/question/531234567/answer/2473456789";
    private static final String GUID = "https://www.zhihu.com/question/531234567";
    private static final Pattern COVER_NUMBER = Pattern.compile("random=(\\d+)");
    private static final int MAX_COVER_NUMBER = 10_000;

    @TempDir
    Path temp;

    @Test
    void runWritesTheReferencePostByteForByteApartFromTheCoverNumber() {
        String reference = read(SharedFixtures.require(REFERENCE));
        ReferenceItem item = ReferenceItem.of(reference);

        Path written = build(new Workspace(temp.resolve("first")), item);
        String post = read(written);

        assertThat(maskCoverNumber(post)).isEqualTo(maskCoverNumber(reference));
        List<Integer> numbers = coverNumbers(post);
        assertThat(numbers).as("one cover number in headimg and one in thumbnail").hasSize(2);
        assertThat(numbers.get(0)).as("headimg and thumbnail hold the same number").isEqualTo(numbers.get(1));
        assertThat(numbers.get(0)).isBetween(0, MAX_COVER_NUMBER);
    }

    @Test
    void coverNumberIsStableAcrossFreshWorkspaces() {
        ReferenceItem item = ReferenceItem.of(read(SharedFixtures.require(REFERENCE)));

        List<Integer> first = coverNumbers(read(build(new Workspace(temp.resolve("first")), item)));
        List<Integer> second = coverNumbers(read(build(new Workspace(temp.resolve("second")), item)));

        assertThat(second).as("the same item gets the same cover number on another build").isEqualTo(first);
    }

    /** Runs {@code gleaner run} on a feed holding {@code item} and returns the one post it wrote. */
    private static Path build(Workspace workspace, ReferenceItem item) {
        workspace.write("feeds/zhihu-hotlist.xml", RssDocument
                .channel("知乎热榜", "https://www.zhihu.com/billboard")
                .item(item.title(), item.description(), item.pubDate(), LINK, GUID)
                .xml());
        workspace.config(CATEGORY_YAML);

        Workspace.Result result = workspace.run("run");

        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
        Path expected = workspace.posts().resolve("社交媒体/知乎/知乎热榜").resolve(item.title() + ".md");
        assertThat(Workspace.snapshot(workspace.posts()).keySet())
                .as("the posts folder holds exactly the reference post")
                .containsExactly(workspace.posts().relativize(expected).toString());
        return expected;
    }

    private static String maskCoverNumber(String post) {
        return COVER_NUMBER.matcher(post).replaceAll("random=N");
    }

    private static List<Integer> coverNumbers(String post) {
        return COVER_NUMBER.matcher(post).results().map(match -> Integer.parseInt(match.group(1))).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The RSSHub item the reference post was made from, read back out of the post: the title of its
     * front matter, its date as the feed's pubDate, and its body as the description, with the braces
     * the original escaped turned back and {@code <br>} written {@code <br/>} as RSSHub wrote it.
     */
    private record ReferenceItem(String title, String pubDate, String description) {
        private static final Pattern TITLE = Pattern.compile("(?m)^title: '(.*)'$");
        private static final Pattern DATE = Pattern.compile("(?m)^date: (.*)$");
        private static final String BODY_START = "<div>   \n";
        private static final String BODY_END = "  \n</div>\n";

        static ReferenceItem of(String post) {
            int start = post.indexOf(BODY_START);
            int end = post.lastIndexOf(BODY_END);
            assertThat(start).as("reference body start").isPositive();
            assertThat(end).as("reference body end").isGreaterThan(start);
            String body = post.substring(start + BODY_START.length(), end);
            String description = body.replace("&#123;", "{").replace("&#125;", "}").replace("<br>", "<br/>");
            return new ReferenceItem(group(TITLE, post), group(DATE, post), description);
        }

        private static String group(Pattern pattern, String text) {
            Matcher matcher = pattern.matcher(text);
            assertThat(matcher.find()).as("reference front matter matches %s", pattern).isTrue();
            return matcher.group(1);
        }
    }
}
