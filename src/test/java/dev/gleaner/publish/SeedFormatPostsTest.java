package dev.gleaner.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gleaner.SharedFixtures;
import dev.gleaner.config.CategoryPath;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of the 22 real posts of the original generator in {@code fixtures/seed-format-posts/} is
 * rebuilt from the item it came from, through the whole pipeline ({@code gleaner run}), and our post
 * is compared with the original byte for byte.
 *
 * <p>Before comparing, two kinds of change are made to the original's text, and only these:
 *
 * <ul>
 *   <li>the masks of {@code SOURCES.md}: the number after {@code random=}, which the original drew
 *       at random on every run; and a {@code date:} that was the original's run time (or
 *       {@code Invalid Date}), where we write the item's first-seen time in RFC 1123 GMT, which is
 *       checked on its own;
 *   <li>the {@link Difference}s listed per fixture in {@link #EXPECTED}: the places where we
 *       deliberately differ from the original, each with its reason. Every listed difference must
 *       still apply, so the list cannot go stale.
 * </ul>
 *
 * <p>Each fixture's file must land at its own path, and a second {@code run} must write nothing.
 */
class SeedFormatPostsTest {
    private static final String FOLDER = "fixtures/seed-format-posts";
    private static final String BODY_START = "<div>   \n";
    private static final String BODY_END = "  \n</div>\n" + " ".repeat(12);
    private static final String CORS_PROXY = "https://cors.zfour.workers.dev/?";
    private static final Pattern COVER_NUMBER = Pattern.compile("random=(\\d+)");
    private static final Pattern TITLE = Pattern.compile("(?m)^title: (.*)$");
    private static final Pattern DATE = Pattern.compile("(?m)^date: (.*)$");
    private static final DateTimeFormatter HEXO_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);
    private static final int MAX_FILE_NAME_BYTES = 200;
    /** In a path difference: the short form of the entry's key, which names a post whose title gives no name. */
    private static final String KEY = "{key}";
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    // Why we differ from the original. Each fixture below lists the differences that apply to it.

    private static final String CORS_PROXY_NOT_USED = "the original routed the item's http:// images through its"
            + " CORS proxy (https://cors.zfour.workers.dev/?); we keep the item's own URL, in the body and so in"
            + " headimg and thumbnail";
    private static final String STYLE_ELEMENT_REMOVED = "sanitized: <style> elements are removed (their CSS would"
            + " restyle the whole blog page)";
    private static final String EVENT_HANDLER_REMOVED = "sanitized: event handler attributes (onclick, …) are"
            + " removed";
    private static final String NOT_ON_ALLOWLIST = "sanitized: attributes not on the allowlist are removed";
    private static final String LINK_REL_REPLACED = "sanitized: links get rel=\"noopener noreferrer\" in place of"
            + " the feed's rel";
    private static final String LINK_REL_ADDED = "sanitized: links get rel=\"noopener noreferrer\"";
    private static final String EMPTY_VALUE_WRITTEN = "the body is serialized by jsoup, which writes an empty"
            + " attribute with its value (title=\"\"), where the original copied the feed's bare form (title)";
    private static final String AMPERSAND_ESCAPED = "the body is serialized by jsoup, which writes & in an attribute"
            + " as &amp; (the same URL to a browser)";
    private static final String EMPTY_NAME_GETS_KEY = "the original's file name for the title '..' was empty"
            + " ('.md', a hidden file Hexo ignores); ours is the entry key";
    private static final String NAME_CUT_TO_200_BYTES = "file names are at most 200 bytes (post-format.md); the"
            + " original's was 204";

    /** Where the original's title rules lost the item's title, the title as SOURCES.md gives it. */
    private static final Map<String, String> ORIGINAL_TITLES = Map.of(
            "编程/掘金/分类/Vue_ Uncaught TypeError_ Cannot read property 'component' of undefined.md",
            "Vue: Uncaught TypeError: Cannot read property 'component' of undefined");

    /** Every fixture, with the places where our post deliberately differs from it. */
    private static final Map<String, Expectations> EXPECTED = Map.ofEntries(
            fixture("二次元/Bangumi/放送列表/CUE!｜CUE.md",
                    corsProxyNotUsed(3),
                    linkRelAdded(2)),
            fixture("图片/煎蛋/首页/有点有限的棋类游戏：Dodgem.md",
                    corsProxyNotUsed(4)),
            fixture("学习/Mind42/分类/'de melkweg'.md",
                    ampersandEscaped("src=\"https://mind42.com/api/ajax/mindmapThumbnail"
                            + "?mindmapId=589ca2a0-7149-4489-8530-abd9b02b88bd&size=gallery\"")),
            fixture("学习/Mind42/分类/.md",
                    List.of(ampersandEscaped("src=\"https://mind42.com/api/ajax/mindmapThumbnail"
                            + "?mindmapId=70320974-48ce-41da-84cd-3916f161ebd4&size=gallery\"")),
                    List.of(Difference.literal(EMPTY_NAME_GETS_KEY, "/.md", "/" + KEY + ".md", 1))),
            fixture("博客/Hexo/Yilia 主题博客/记一次Vue附件上传组件踩坑记.md"),
            fixture("新媒体/36kr/快讯/10月制造业PMI为492.md"),
            fixture("新媒体/ZAKER/channel/Intel Xe HPG锐炫游戏显卡架构公开：台积电6nm、驱动完全重写.md",
                    corsProxyNotUsed(3),
                    attributeRemoved(EVENT_HANDLER_REMOVED, "onclick", 1)),
            fixture("新媒体/cnBeta/最新/Facebook正持续研究BOLT'ing以提高Linux内核执行性能.md",
                    emptyValueWritten("title", 1),
                    attributeRemoved(NOT_ON_ALLOWLIST, "_src", 2),
                    linkRelAdded(2)),
            fixture("新媒体/金色财经/快讯/【慢雾：Avalanche链上Zabu Finance被黑简析】据慢雾区情报，9月12日，Avalanche上Zabu"
                            + " Finance项目遭受闪电贷攻击，慢雾安全团队进行分析后以简讯的形式分享给.md",
                    List.of(),
                    List.of(Difference.literal(NAME_CUT_TO_200_BYTES, "形式分享给.md", "形式分.md", 1))),
            fixture("游戏/GameRes 游资网/热点推荐/Roguelike玩法的《少女前线：云图计划》，如何引发二次元玩家狂欢？.md",
                    attributeRemoved(NOT_ON_ALLOWLIST, "aid", 7),
                    attributeRemoved(NOT_ON_ALLOWLIST, "zoomfile", 7),
                    attributeRemoved(NOT_ON_ALLOWLIST, "inpost", 7)),
            fixture("社交媒体/知乎/知乎日报/CPU 的指令集存放在什么地方？.md",
                    emptyValueWritten("alt", 1),
                    linkRelAdded(2)),
            fixture("社交媒体/知乎/知乎热榜/Apache 存在 Log4j 远程代码执行漏洞，将给相关企业带来哪些影响？还有哪些信息值得关注？.md",
                    linkRelReplaced("nofollow noreferrer", 1)),
            fixture("社交媒体/知乎/知乎热榜/为什么鸿蒙应用无法在 Android 运行？.md",
                    emptyValueWritten("data-caption", 2)),
            fixture("社交媒体/知乎/知乎热榜/如何看待美国一边承诺加强与东盟地区安全合作，一边向其出售二手军备？.md"),
            fixture("设计/Axis Studios/Work type/Animation Reel.md",
                    attributeRemoved(NOT_ON_ALLOWLIST + " (a bogus bare 'source' on <video>)", "source", 1),
                    ampersandEscaped("src=\"http://player.vimeo.com/external/536724698.hd.mp4"
                            + "?s=4bb333a940d2a293aec40fee13e5c80b582659d8&profile_id=174&oauth2_token_id=51807581\""),
                    linkRelAdded(3)),
            fixture("编程/开源中国/资讯/OTP 24 正式发布，Erlang 应用服务器.md",
                    linkRelAdded(1)),
            fixture("编程/开源中国/资讯/swoolefy 450 发布，基于 Swoole 实现的轻量级、高性能协程级框架.md",
                    linkRelAdded(2)),
            fixture("编程/技术头条/最新分享/Android对so体积优化的探索与实践 (techmeituancom).md"),
            fixture("编程/掘金/分类/Vue_ Uncaught TypeError_ Cannot read property 'component' of undefined.md",
                    Difference.pattern(STYLE_ELEMENT_REMOVED, "(?s)<style>.*?</style>", "", 1),
                    emptyValueWritten("alt", 4)),
            fixture("金融/财联社/电报/10余省水泥价格上涨.md"),
            fixture("阅读/SoBooks/首页/0次与10000次.md",
                    linkRelReplaced("tag", 2),
                    linkRelAdded(9)),
            fixture("音视频/低端影视/首页/1883 (更新至03).md"));

    @TestFactory
    Stream<DynamicTest> eachSeedPostIsRebuiltFromItsItem(@TempDir Path temp) throws IOException {
        Path folder = SharedFixtures.root().resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            // Skipped as a test of its own, so that the skip and its message show in the report.
            return Stream.of(dynamicTest("the seed-format posts", () -> SharedFixtures.require(FOLDER)));
        }
        List<String> fixtures;
        try (Stream<Path> files = Files.walk(folder)) {
            fixtures = files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .filter(relative -> relative.endsWith(".md") && !relative.equals("SOURCES.md"))
                    .sorted()
                    .toList();
        }
        assertThat(fixtures).as("the fixtures of %s", folder).hasSize(22);
        assertThat(fixtures).as("the fixtures whose expected differences are recorded")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        assertThat(fixtures).as("every fixture with a recorded original title exists")
                .containsAll(ORIGINAL_TITLES.keySet());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            String relative = fixtures.get(i);
            Path workspace = temp.resolve("fixture-" + i);
            tests.add(dynamicTest(relative, () -> rebuild(folder, relative, new Workspace(workspace))));
        }
        return tests.stream();
    }

    private static void rebuild(Path folder, String relative, Workspace workspace) throws IOException {
        String original = read(folder.resolve(relative));
        Expectations expected = EXPECTED.get(relative);
        OriginalItem item = OriginalItem.of(relative, original);
        workspace.write("feeds/feed.xml", RssDocument.channel(item.path().name(), "https://example.org/")
                .item(item.title(), item.description(), item.pubDate().orElse(null), item.link(), item.guid())
                .xml());
        workspace.config(subscriptionYaml(item.path()));

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Workspace.Result first = workspace.run("run");
        Instant after = Instant.now();

        assertThat(first.exitCode()).as("exit code of the first run; stderr: %s", first.err()).isZero();
        String expectedPath = apply(expected.path(), relative, relative)
                .replace(KEY, EntryKey.of(item.path().toString(), item.asEntry()).shortForm());
        assertThat(expectedPath).as("the fixture's path with our differences, against the name rules")
                .isEqualTo(pathByTheRules(item));
        assertThat(Workspace.snapshot(workspace.posts()).keySet()).as("the posts written")
                .containsExactly(expectedPath);
        Path written = workspace.posts().resolve(expectedPath);
        String ours = read(written);

        Files.setLastModifiedTime(written, LONG_AGO);
        Map<String, Workspace.FileState> beforeSecondRun = Workspace.snapshot(workspace.posts());
        Workspace.Result second = workspace.run("run");
        assertThat(second.exitCode()).as("exit code of the second run; stderr: %s", second.err()).isZero();
        assertThat(Workspace.snapshot(workspace.posts()))
                .as("the posts, bytes and modification times, after a second run")
                .isEqualTo(beforeSecondRun);

        String theirs = apply(expected.post(), original, relative);
        if (item.pubDate().isEmpty()) {
            String date = group(DATE, ours, "our date");
            Instant firstSeen = ZonedDateTime.parse(date, HEXO_DATE).toInstant();
            assertThat(firstSeen).as("the date of an undated item, its first-seen time: %s", date)
                    .isBetween(before, after);
            theirs = DATE.matcher(theirs).replaceFirst(Matcher.quoteReplacement("date: " + date));
        }
        List<Integer> numbers = coverNumbers(ours);
        if (!numbers.isEmpty()) {
            assertThat(numbers).as("the cover numbers of headimg and thumbnail").hasSize(2);
            assertThat(numbers.get(0)).as("the cover number").isEqualTo(numbers.get(1)).isBetween(0, 10_000);
        }
        assertThat(mask(ours)).as("our post against the original, masked and with our differences applied; first"
                + " difference: %s", firstDifference(mask(theirs), mask(ours))).isEqualTo(mask(theirs));
    }

    /** Where two texts first part, with a little context; line breaks are shown as \n and spaces as a dot. */
    private static String firstDifference(String expected, String actual) {
        int at = 0;
        while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        if (at == expected.length() && at == actual.length()) {
            return "none";
        }
        int from = Math.max(0, at - 40);
        return "at character " + at + ", original \u00ab" + shown(expected, from, at + 40) + "\u00bb, ours \u00ab"
                + shown(actual, from, at + 40) + "\u00bb";
    }

    private static String shown(String text, int from, int to) {
        return text.substring(Math.min(from, text.length()), Math.min(to, text.length()))
                .replace("\n", "\\n").replace(" ", "\u00b7");
    }

    // The kinds of difference, as text changes made to the original before comparing.

    private static Map.Entry<String, Expectations> fixture(String fixture, Difference... post) {
        return fixture(fixture, List.of(post), List.of());
    }

    private static Map.Entry<String, Expectations> fixture(String fixture, List<Difference> post,
            List<Difference> path) {
        return Map.entry(fixture, new Expectations(post, path));
    }

    private static Difference corsProxyNotUsed(int times) {
        return Difference.literal(CORS_PROXY_NOT_USED, CORS_PROXY + "http://", "http://", times);
    }

    /** The attribute {@code name}, bare or with a value, is gone from the tags that had it. */
    private static Difference attributeRemoved(String reason, String name, int times) {
        return Difference.pattern(reason, "(<[a-zA-Z][^<>]*?) " + Pattern.quote(name) + "(?:=\"[^\"]*\")?(?=[\\s/>])",
                "$1", times);
    }

    private static Difference linkRelReplaced(String rel, int times) {
        return Difference.literal(LINK_REL_REPLACED, " rel=\"" + rel + "\"", " rel=\"noopener noreferrer\"", times);
    }

    /** Every {@code <a href>} without a rel gets one, after its other attributes. */
    private static Difference linkRelAdded(int times) {
        return Difference.pattern(LINK_REL_ADDED,
                "(<a\\s(?:(?! rel=\")[^<>])*?(?<=\\s)href=\"(?:(?! rel=\")[^<>])*)>",
                "$1 rel=\"noopener noreferrer\">", times);
    }

    private static Difference emptyValueWritten(String name, int times) {
        return Difference.pattern(EMPTY_VALUE_WRITTEN, "(<[a-zA-Z][^<>]*? " + Pattern.quote(name) + ")(?=[\\s/>])",
                "$1=\"\"", times);
    }

    /** {@code attribute} (name="value") is written with each & as &amp;. */
    private static Difference ampersandEscaped(String attribute) {
        return Difference.literal(AMPERSAND_ESCAPED, attribute, attribute.replace("&", "&amp;"), 1);
    }

    /** The relative path post-format.md asks for: the three folders, then the title made a file name. */
    private static String pathByTheRules(OriginalItem item) {
        String name = item.title().replaceAll("[:/\\\\?*<>|\\[\\]“”]", "_").replaceAll("[#.\\r\\n]", "").strip();
        name = cutToBytes(name, MAX_FILE_NAME_BYTES - ".md".length()).strip();
        if (name.isEmpty()) {
            name = EntryKey.of(item.path().toString(), item.asEntry()).shortForm();
        }
        return String.join("/", item.path().levels()) + "/" + name + ".md";
    }

    private static String cutToBytes(String text, int maxBytes) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int c : text.codePoints().toArray()) {
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    private static String apply(List<Difference> differences, String text, String fixture) {
        String result = text;
        for (Difference difference : differences) {
            result = difference.applyTo(result, fixture);
        }
        return result;
    }

    private static String mask(String post) {
        return COVER_NUMBER.matcher(post).replaceAll("random=N");
    }

    private static List<Integer> coverNumbers(String post) {
        return COVER_NUMBER.matcher(post).results().map(match -> Integer.parseInt(match.group(1))).toList();
    }

    private static String subscriptionYaml(CategoryPath path) {
        List<String> levels = path.levels();
        return quoted(levels.get(0)) + ":\n  " + quoted(levels.get(1)) + ":\n    " + quoted(levels.get(2))
                + ": feeds/feed.xml\n";
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String group(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s matches %s", what, pattern).isTrue();
        return matcher.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The item a fixture was made from, read back out of it.
     *
     * @param path the three folders of the fixture: category, site, feed
     * @param title the front matter's title, or the original title where SOURCES.md gives it
     * @param description the body, with the braces the original escaped turned back, and the
     *     original's CORS proxy taken off again: where an item's first image was not https, the
     *     original rewrote every {@code src="http://} of the item to
     *     {@code src="https://cors.zfour.workers.dev/?http://}
     * @param pubDate the date of the front matter where it is an RFC 1123 date; else none (the
     *     original wrote its run time, or RSSHub's {@code Invalid Date})
     * @param link a made-up address of the item, which is also its guid
     */
    private record OriginalItem(CategoryPath path, String title, String description, Optional<String> pubDate,
            String link, String guid) {

        /** The item behind {@code post}, the fixture at {@code relative}. */
        static OriginalItem of(String relative, String post) {
            List<String> segments = List.of(relative.split("/"));
            assertThat(segments).as("category/site/feed/file of %s", relative).hasSize(4);
            CategoryPath path = new CategoryPath(segments.subList(0, 3));
            String quotedTitle = group(TITLE, post, "the fixture's title");
            String title = ORIGINAL_TITLES.getOrDefault(relative, quotedTitle.substring(1, quotedTitle.length() - 1));
            assertThat(post).as("the fixture's body").contains(BODY_START).endsWith(BODY_END);
            String body = post.substring(post.indexOf(BODY_START) + BODY_START.length(),
                    post.length() - BODY_END.length());
            String description = body.replace("&#123;", "{").replace("&#125;", "}")
                    .replace("src=\"" + CORS_PROXY + "http://", "src=\"http://");
            String date = group(DATE, post, "the fixture's date");
            Optional<String> pubDate = isRfc1123(date) ? Optional.of(date) : Optional.empty();
            String link = link(relative);
            return new OriginalItem(path, title, description, pubDate, link, link);
        }

        /** The item as the feed parser gives it, enough for its key. */
        Entry asEntry() {
            return new Entry(guid, link, title, "", Optional.empty(), Optional.empty(), description, "", List.of(),
                    List.of());
        }

        private static boolean isRfc1123(String date) {
            try {
                DateTimeFormatter.RFC_1123_DATE_TIME.parse(date);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private static String link(String relative) {
            try {
                return new URI("https", "example.org", "/seed/" + relative, null).toASCIIString();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(relative, e);
            }
        }
    }

    /**
     * What we deliberately do differently for one fixture.
     *
     * @param post the differences in the post's text
     * @param path the differences in where the post is written
     */
    private record Expectations(List<Difference> post, List<Difference> path) {
    }

    /**
     * Where we deliberately differ from the original, and why: {@code original} (a literal text, or a
     * regular expression) in the original post, found exactly {@code times} times, is {@code ours}
     * in ours.
     */
    private record Difference(String reason, String original, String ours, boolean regex, int times) {
        static Difference literal(String reason, String original, String ours, int times) {
            return new Difference(reason, original, ours, false, times);
        }

        static Difference pattern(String reason, String regex, String ours, int times) {
            return new Difference(reason, regex, ours, true, times);
        }

        String applyTo(String text, String fixture) {
            Pattern pattern = Pattern.compile(regex ? original : Pattern.quote(original));
            assertThat(pattern.matcher(text).results().count())
                    .as("places of the difference \"%s\" (%s) in %s", reason, original, fixture)
                    .isEqualTo(times);
            return pattern.matcher(text).replaceAll(regex ? ours : Matcher.quoteReplacement(ours));
        }
    }
}
