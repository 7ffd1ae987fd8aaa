package dev.gleaner.publish;

import static dev.gleaner.publish.HostileText.escaped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.fetch.Validators;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import dev.gleaner.store.FetchMemo;
import dev.gleaner.store.SeenEntry;
import dev.gleaner.store.Store;
import dev.gleaner.store.StoredEntry;
import dev.gleaner.store.SubscriptionState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Writing posts into a real folder, with a real SQLite store holding who owns which file. */
class HexoPostWriterTest {
    private static final Instant NOW = Instant.parse("2022-05-21T06:05:19Z");
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    private static final CategoryPath ZHIHU = CategoryPath.of("社交媒体", "知乎", "知乎热榜");
    private static final int MAX_NAME_BYTES = 200;
    private static final String FORBIDDEN = "/\\:*?\"<>|";
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul",
            "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "com¹", "com²", "com³",
            "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "lpt¹", "lpt²", "lpt³");

    @TempDir
    Path temp;

    private final HexoPostRenderer renderer = new HexoPostRenderer(new HtmlSanitizer());
    private Store store;
    private Path posts;
    private HexoPostWriter writer;

    @BeforeEach
    void openStoreAndPostsFolder() {
        store = Store.open("jdbc:sqlite:" + temp.resolve("gleaner.db"));
        posts = temp.resolve("site/source/_posts");
        writer = new HexoPostWriter(posts, renderer, store.entries(), InstantSource.fixed(NOW));
    }

    /** An entry the store has seen in the subscription at {@code path}, ready to publish. */
    private PostInput seen(CategoryPath path, String guid, String title) {
        Subscription subscription = Subscription.of(path, "https://example.com/feed.xml");
        SubscriptionState state = store.subscriptions().reconcile(subscription, NOW);
        Entry entry = new Entry(guid, "https://example.com/" + guid, title, "", Optional.of(NOW), Optional.empty(),
                "<p>body of " + guid + "</p>", "", List.of(), List.of());
        EntryKey key = EntryKey.of(subscription.id(), entry);
        store.entries().onFetched(state.id(), NOW, FetchMemo.NONE, NOW, List.of(new SeenEntry(key, entry, "hash " + guid)),
                20, false);
        return new PostInput(path, subscription.author(), false, Optional.empty(), key, entry, NOW,
                "https://example.com/");
    }

    private Optional<String> storedPath(PostInput input) {
        long id = store.subscriptions().find(input.path().toString()).orElseThrow().id();
        return store.entries().ofSubscription(id).stream().filter(stored -> stored.key().equals(input.key()))
                .findFirst().flatMap(StoredEntry::postPath);
    }

    private List<Path> files() throws IOException {
        if (!Files.exists(posts)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(posts)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Where the posts of {@link #ZHIHU} go. */
    private Path zhihu() {
        return posts.resolve("社交媒体").resolve("知乎").resolve("知乎热榜");
    }

    private String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Every file lies inside the posts folder, one folder per level, and every name on its way is safe. */
    private void assertSafelyWritten(PostInput input, String what) throws IOException {
        List<Path> files = files();
        assertThat(files).as("exactly one post for %s", what).hasSize(1);
        Path file = files.get(0);
        assertThat(file.toAbsolutePath().normalize()).as(what).startsWith(posts.toAbsolutePath().normalize());
        Path relative = posts.relativize(file);
        assertThat(relative.getNameCount()).as("one folder per level: %s", what)
                .isEqualTo(input.path().levels().size() + 1);
        for (Path segment : relative) {
            assertSafeName(segment.toString(), what);
        }
        assertThat(relative.getFileName().toString()).as(what).endsWith(".md");
        assertThat(storedPath(input)).as("the store holds the path written: %s", what)
                .contains(relative.toString().replace('\\', '/'));
        assertThat(text(file)).as(what).startsWith("\n---\ntitle: ");
    }

    private static void assertSafeName(String name, String what) {
        String shown = escaped(name) + " (" + what + ")";
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).as("bytes of %s", shown)
                .isLessThanOrEqualTo(MAX_NAME_BYTES);
        assertThat(name).as(shown).isNotEmpty().isNotIn(".", "..").doesNotStartWith(".")
                .doesNotEndWith(".").doesNotEndWith(" ");
        name.codePoints().forEach(c -> {
            assertThat(Character.isISOControl(c) || c == 0x2028 || c == 0x2029).as("control U+%04X in %s", c, shown)
                    .isFalse();
            assertThat(FORBIDDEN.indexOf(c)).as("'%c' in %s", c, shown).isNegative();
        });
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toLowerCase(Locale.ROOT);
        assertThat(WINDOWS_DEVICES).as("Windows device name in %s", shown).doesNotContain(base);
    }

    private PostInput publishOne(CategoryPath path, String title) throws IOException {
        PostInput input = seen(path, "guid-1", title);
        assertThat(writer.publish(input, Optional.empty())).isEqualTo(HexoPostWriter.Outcome.WRITTEN);
        return input;
    }

    @Nested
    class WhenTheTitleIsHostile {

        static Stream<String> titles() {
            return Stream.of("..", ".", "...", "/", "\\", "../../etc/passwd", "..\\..\\windows\\win.ini",
                    "a/b/../../../c", "/etc/passwd", "C:\\Windows", "a\u0000b", "\u0000", "CON", "nul", "COM1", "LPT9",
                    "con.txt", "Nul.md", "COM¹", "CON" + " ".repeat(300) + "x", "x".repeat(2_000), "中".repeat(2_000),
                    "😀".repeat(600), "a".repeat(196) + "中中", ":*?\"<>|", "\u202E\u200Fgpj.exe", "---", "{% raw %}",
                    "a\nb\rc\u2028d\u0085e", "#", "# . #", "   ", "", "\uFEFF", "\t", "~", "-", "知乎: 热榜 #1");
        }

        @ParameterizedTest(name = "{index}")
        @MethodSource("titles")
        void writesOneSafeFileInsideThePostsFolder(String title) throws IOException {
            PostInput input = publishOne(ZHIHU, title);

            assertSafelyWritten(input, "title " + escaped(title));
        }

        @ParameterizedTest(name = "{index}")
        @ValueSource(strings = {"..", ".", "...", "", "#", "# . #", "\u0000", "   ", "\n"})
        void namesThePostFromItsKeyWhenNothingOfTheTitleIsLeft(String title) throws IOException {
            PostInput input = publishOne(ZHIHU, title);

            assertThat(files()).containsExactly(zhihu().resolve(input.key().shortForm() + ".md"));
        }

        @Test
        void cutsALongTitleToTwoHundredBytes() throws IOException {
            publishOne(ZHIHU, "标题".repeat(1_000));

            Path file = files().get(0);
            assertThat(file.getFileName().toString()).matches("(标题)+标?\\.md");
            assertThat(file.getFileName().toString().getBytes(StandardCharsets.UTF_8).length)
                    .isBetween(MAX_NAME_BYTES - 2, MAX_NAME_BYTES);
        }
    }

    @Nested
    class WhenTheCategoryLevelsAreHostile {

        static Stream<List<String>> levels() {
            return Stream.of(List.of("..", "..", ".."), List.of(".", "/", "\\"), List.of("../../etc", "passwd"),
                    List.of("a/../../b"), List.of("a\u0000b", "CON", "nul"), List.of("COM1", "LPT9", "nul.tar"),
                    List.of("con.txt", "AUX .x", "com¹"), List.of("x".repeat(300)),
                    List.of("中".repeat(100), "😀".repeat(60)), List.of("a".repeat(199) + " b", "a".repeat(198) + ".b"),
                    List.of("C:", "Windows", "System32"), List.of("\u202E", "\u200F", "\uFEFF"),
                    List.of("  spaced  ", "trailing.", ".hidden"), List.of("~", "-", "?"),
                    List.of("a\nb", "c\rd", "e\u2028f"), List.of("首页 - 白金攻略 / 游戏开箱"));
        }

        @ParameterizedTest(name = "{index}")
        @MethodSource("levels")
        void writesOneSafeFileInOneFolderPerLevel(List<String> levels) throws IOException {
            PostInput input = publishOne(new CategoryPath(levels), "标题");

            assertSafelyWritten(input, "levels " + levels.stream().map(HostileText::escaped).toList());
        }
    }

    @Nested
    class WhenTwoEntriesShareATitle {

        @Test
        void writesTwoFilesTheSecondWithAShortSuffixFromItsKey() throws IOException {
            PostInput first = seen(ZHIHU, "guid-1", "同一个标题");
            PostInput second = seen(ZHIHU, "guid-2", "同一个标题");

            assertThat(writer.publish(first, Optional.empty())).isEqualTo(HexoPostWriter.Outcome.WRITTEN);
            String firstText = text(zhihu().resolve("同一个标题.md"));
            assertThat(writer.publish(second, Optional.empty())).isEqualTo(HexoPostWriter.Outcome.WRITTEN);

            Path secondFile = zhihu().resolve("同一个标题-" + second.key().shortForm() + ".md");
            assertThat(files()).containsExactlyInAnyOrder(zhihu().resolve("同一个标题.md"), secondFile);
            assertThat(text(zhihu().resolve("同一个标题.md"))).isEqualTo(firstText).contains("body of guid-1");
            assertThat(text(secondFile)).contains("body of guid-2");
            assertThat(storedPath(second)).contains("社交媒体/知乎/知乎热榜/" + secondFile.getFileName());
        }

        @Test
        void inOneBatchEachGetsItsOwnFileAndAPostThatCannotBeWrittenFailsAlone() throws IOException {
            PostInput first = seen(ZHIHU, "guid-1", "同一个标题");
            PostInput second = seen(ZHIHU, "guid-2", "同一个标题");
            PostInput blocked = seen(ZHIHU, "guid-3", "挡住的");
            // An earlier pass reserved its name, where a folder now stands.
            Files.createDirectories(zhihu().resolve("挡住的.md").resolve("a folder in the way"));
            List<PostWriter.Post> batch = List.of(
                    new PostWriter.Post(first, writer.render(first), Optional.empty()),
                    new PostWriter.Post(second, writer.render(second), Optional.empty()),
                    new PostWriter.Post(blocked, writer.render(blocked), Optional.of("社交媒体/知乎/知乎热榜/挡住的.md")));

            List<PostWriter.Written> written = writer.write(batch);

            assertThat(written.get(0).outcome()).isEqualTo(HexoPostWriter.Outcome.WRITTEN);
            assertThat(written.get(1).outcome()).isEqualTo(HexoPostWriter.Outcome.WRITTEN);
            assertThat(written.get(2).failure()).isNotNull();
            assertThat(written.get(2).failure().getMessage()).contains("挡住的");
            Path secondFile = zhihu().resolve("同一个标题-" + second.key().shortForm() + ".md");
            assertThat(text(zhihu().resolve("同一个标题.md"))).contains("body of guid-1");
            assertThat(text(secondFile)).contains("body of guid-2");
            assertThat(storedPath(second)).contains("社交媒体/知乎/知乎热榜/" + secondFile.getFileName());
            assertThat(store.entries().pending()).extracting(StoredEntry::key).containsExactly(blocked.key());
        }

        @Test
        void tellsApartLongTitlesThatDifferOnlyPastTheCut() throws IOException {
            String common = "长".repeat(100);
            PostInput first = seen(ZHIHU, "guid-1", common + "一");
            PostInput second = seen(ZHIHU, "guid-2", common + "二");

            writer.publish(first, Optional.empty());
            writer.publish(second, Optional.empty());

            List<Path> files = files();
            assertThat(files).hasSize(2);
            assertThat(files).anySatisfy(file -> assertThat(file.getFileName().toString())
                    .endsWith("-" + second.key().shortForm() + ".md"));
            for (Path file : files) {
                assertSafeName(file.getFileName().toString(), "long title");
            }
        }

        @Test
        void givesEachUntitledEntryItsOwnName() throws IOException {
            PostInput first = seen(ZHIHU, "guid-1", "..");
            PostInput second = seen(ZHIHU, "guid-2", "..");

            writer.publish(first, Optional.empty());
            writer.publish(second, Optional.empty());

            assertThat(files()).containsExactlyInAnyOrder(zhihu().resolve(first.key().shortForm() + ".md"),
                    zhihu().resolve(second.key().shortForm() + ".md"));
        }
    }

    @Nested
    class WhenAFileIsAlreadyThere {

        @Test
        void leavesAFileThatIsNotOursAndWritesBesideIt() throws IOException {
            PostInput input = seen(ZHIHU, "guid-1", "标题");
            Path foreign = zhihu().resolve("标题.md");
            Files.createDirectories(foreign.getParent());
            Files.writeString(foreign, "hand-written, not ours\n");

            assertThat(writer.publish(input, Optional.empty())).isEqualTo(HexoPostWriter.Outcome.WRITTEN);

            assertThat(text(foreign)).isEqualTo("hand-written, not ours\n");
            Path ours = zhihu().resolve("标题-" + input.key().shortForm() + ".md");
            assertThat(files()).containsExactlyInAnyOrder(foreign, ours);
            assertThat(text(ours)).contains("body of guid-1");
        }

        @Test
        void writesAnUntitledEntryUnderItsWholeKeyWhenItsShortNameIsTaken() throws IOException {
            PostInput input = seen(ZHIHU, "guid-1", "..");
            Path foreign = zhihu().resolve(input.key().shortForm() + ".md");
            Files.createDirectories(foreign.getParent());
            Files.writeString(foreign, "hand-written, not ours\n");

            assertThat(writer.publish(input, Optional.empty())).isEqualTo(HexoPostWriter.Outcome.WRITTEN);

            assertThat(text(foreign)).isEqualTo("hand-written, not ours\n");
            assertThat(files()).containsExactlyInAnyOrder(foreign, zhihu().resolve(input.key().value() + ".md"));
        }

        @Test
        void adoptsAFileWithExactlyTheBytesItWouldWrite() throws IOException {
            PostInput input = seen(ZHIHU, "guid-1", "标题");
            Path existing = zhihu().resolve("标题.md");
            Files.createDirectories(existing.getParent());
            Files.writeString(existing, renderer.render(input));
            Files.setLastModifiedTime(existing, LONG_AGO);

            assertThat(writer.publish(input, Optional.empty())).as("nothing written")
                    .isEqualTo(HexoPostWriter.Outcome.KEPT);

            assertThat(files()).containsExactly(existing);
            assertThat(Files.getLastModifiedTime(existing)).isEqualTo(LONG_AGO);
            assertThat(storedPath(input)).contains("社交媒体/知乎/知乎热榜/标题.md");
        }
    }

    @Nested
    class WhenTheSameEntryIsPublishedAgain {

        @Test
        void writesNothingAndLeavesTheFileUntouched() throws IOException {
            PostInput input = seen(ZHIHU, "guid-1", "标题");
            writer.publish(input, Optional.empty());
            Path file = zhihu().resolve("标题.md");
            Files.setLastModifiedTime(file, LONG_AGO);

            assertThat(writer.publish(input, Optional.empty())).isEqualTo(HexoPostWriter.Outcome.UNCHANGED);
            assertThat(writer.publish(input, storedPath(input))).isEqualTo(HexoPostWriter.Outcome.UNCHANGED);

            assertThat(files()).containsExactly(file);
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
        }

        @Test
        void finishesTheFileOfARunKilledAfterItReservedThePath() throws IOException {
            PostInput input = seen(ZHIHU, "guid-1", "标题");
            String reserved = "社交媒体/知乎/知乎热榜/标题.md";
            assertThat(store.entries().reservePath(input.key(), reserved)).isTrue();

            assertThat(writer.publish(input, Optional.of(reserved))).isEqualTo(HexoPostWriter.Outcome.WRITTEN);

            assertThat(files()).containsExactly(posts.resolve(reserved));
        }
    }

    @Nested
    class WhenAReservedPathPointsOutside {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"../outside.md", "../../../outside.md", "a/../../outside.md"})
        void refusesToWriteAndWritesNothing(String reserved) throws IOException {
            PostInput input = seen(ZHIHU, "guid-1", "标题");

            assertThatThrownBy(() -> writer.publish(input, Optional.of(reserved)))
                    .isInstanceOf(IOException.class).hasMessageContaining("escapes the posts folder");

            try (Stream<Path> walk = Files.walk(temp)) {
                assertThat(walk.filter(file -> file.toString().endsWith(".md")).toList()).isEmpty();
            }
        }
    }
}
