package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Posts that cannot be written on a real file system: reported, kept pending, written by the next healthy run. */
class DiskFaultTest {
    private static final String HOT = "社交媒体:\n  知乎:\n    热榜: feeds/hot.xml\n";
    private static final String HOT_AND_NEWS = HOT + "编程:\n  开源中国:\n    资讯: feeds/news.xml\n";

    @TempDir
    Path dir;

    @TempDir
    Path cleanDir;

    Workspace workspace;
    Workspace clean;
    private final List<Path> unwritable = new ArrayList<>();

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir);
        clean = new Workspace(cleanDir);
    }

    @AfterEach
    void makeWritableAgain() throws IOException {
        // @TempDir must be able to delete what a failed test left read-only.
        for (Path folder : unwritable) {
            if (Files.exists(folder)) {
                setWritable(folder, true);
            }
        }
    }

    @Test
    void aCategoryFolderBlockedByAFileKeepsItsPostsPendingWhileTheOthersAreWritten() throws Exception {
        firstStage(workspace);
        secondStage(workspace);
        Path blocker = workspace.posts().resolve("编程");
        Files.writeString(blocker, "not a folder");

        Workspace.Result faulty = workspace.run("run", "--all");

        assertThat(faulty.exitCode()).as(faulty.err()).isEqualTo(1);
        assertThat(postFailures(faulty)).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("编程/开源中国/资讯: '开源中国 资讯 第 ")
                .contains("cannot write " + workspace.posts().resolve("编程/开源中国/资讯/开源中国 资讯 第 "))
                .endsWith(".md: Not a directory: " + workspace.posts().resolve("编程/开源中国")));
        assertThat(statuses()).containsEntry("written", 5L).containsEntry("pending", 2L);
        assertThat(pendingTitles()).allMatch(title -> title.startsWith("开源中国"));
        assertThat(temporaryFiles()).isEmpty();

        Files.delete(blocker);
        Workspace.Result healthy = workspace.run("run");

        assertThat(healthy.exitCode()).as(healthy.err()).isZero();
        assertThat(healthy.out()).contains("posts written  2");
        assertThat(statuses()).containsOnlyKeys("written");
        assertThat(tree(workspace)).isEqualTo(cleanTree());
    }

    @Test
    void aFeedFolderThatIsAFileOnTheFirstRunKeepsEveryPostOfThatFeedPending() throws Exception {
        writeFeeds(workspace, 5, 2);
        workspace.config(HOT_AND_NEWS);
        Path blocker = workspace.posts().resolve("社交媒体/知乎/热榜");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a folder");

        Workspace.Result faulty = workspace.run("run");

        assertThat(faulty.exitCode()).as(faulty.err()).isEqualTo(1);
        assertThat(postFailures(faulty)).hasSize(5)
                .allSatisfy(line -> assertThat(line).endsWith(".md: File exists: " + blocker));
        assertThat(faulty.out()).contains("posts written  2").contains("posts failed   5 (kept for the next run)");
        assertThat(statuses()).containsEntry("written", 2L).containsEntry("pending", 5L);
        assertThat(temporaryFiles()).isEmpty();

        Files.delete(blocker);
        Workspace.Result healthy = workspace.run("run");

        assertThat(healthy.exitCode()).as(healthy.err()).isZero();
        assertThat(healthy.out()).contains("posts written  5");
        assertThat(tree(workspace)).isEqualTo(cleanTree());
    }

    @Test
    void aPostsFolderThatCannotBeWrittenKeepsTheNewPostsPendingUntilItCanBe() throws Exception {
        firstStage(workspace);
        Map<String, String> before = tree(workspace);
        assumeTrue(chmodStopsWrites(), "chmod 555 does not stop the writes of uid "
                + Files.getAttribute(dir, "unix:uid") + ": test/disk-faults.sh makes this fault as an unprivileged user");
        secondStage(workspace);
        setWritable(workspace.posts(), false);

        Workspace.Result faulty = workspace.run("run", "--all");

        setWritable(workspace.posts(), true);
        assertThat(faulty.exitCode()).as(faulty.err()).isEqualTo(1);
        assertThat(postFailures(faulty)).hasSize(4)
                .allSatisfy(line -> assertThat(line).matches(".*cannot write " + workspace.posts() + "/.*\\.md: Permission denied.*"));
        assertThat(statuses()).containsEntry("written", 3L).containsEntry("pending", 4L);
        assertThat(tree(workspace)).isEqualTo(before);
        assertThat(temporaryFiles()).isEmpty();

        Workspace.Result healthy = workspace.run("run");

        assertThat(healthy.exitCode()).as(healthy.err()).isZero();
        assertThat(healthy.out()).contains("posts written  4");
        assertThat(tree(workspace)).isEqualTo(cleanTree());
    }

    /** Three items in one feed. */
    private static void firstStage(Workspace w) {
        writeFeeds(w, 3, 0);
        w.config(HOT);
        assertThat(w.run("run").exitCode()).isZero();
    }

    /** Two more items in that feed, and a second subscription, in a new category, with two. */
    private static void secondStage(Workspace w) {
        writeFeeds(w, 5, 2);
        w.config(HOT_AND_NEWS);
    }

    private static void writeFeeds(Workspace w, int hot, int news) {
        w.write("feeds/hot.xml", feed("知乎 热榜", "https://www.zhihu.com/hot", hot));
        if (news > 0) {
            w.write("feeds/news.xml", feed("开源中国 资讯", "https://www.oschina.net/news", news));
        }
    }

    private static String feed(String name, String link, int items) {
        RssDocument feed = RssDocument.channel(name, link);
        for (int i = items; i >= 1; i--) {
            feed.item(name + " 第 " + i + " 条", "<p>第 " + i + " 条的正文。</p>",
                    String.format("Sat, %02d May 2022 06:05:19 GMT", i), link + "/" + i);
        }
        return feed.xml();
    }

    /** The posts of the same two stages on a healthy disk. */
    private Map<String, String> cleanTree() {
        firstStage(clean);
        secondStage(clean);
        assertThat(clean.run("run", "--all").exitCode()).isZero();
        return tree(clean);
    }

    private static List<String> postFailures(Workspace.Result result) {
        return result.err().lines().filter(line -> line.startsWith("gleaner: post not written: ")).toList();
    }

    /** Every post by its path under the posts folder, with its text. */
    private static Map<String, String> tree(Workspace w) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(w.posts())) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(w.posts().relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(file -> file.getFileName().toString().endsWith(".gleaner-tmp")).toList();
        }
    }

    /** Entries by status, read from the store as the run left it. */
    private Map<String, Long> statuses() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gleaner.db"));
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT status, COUNT(*) FROM entry GROUP BY status")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private List<String> pendingTitles() throws Exception {
        List<String> titles = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gleaner.db"));
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT title FROM entry WHERE status = 'pending'")) {
            while (rows.next()) {
                titles.add(rows.getString(1));
            }
        }
        return titles;
    }

    /** Whether a folder of mode 555 refuses this process a new file (root's are not refused). */
    private boolean chmodStopsWrites() throws IOException {
        Path probe = Files.createDirectory(dir.resolve("probe"));
        setWritable(probe, false);
        try {
            Files.createFile(probe.resolve("file"));
            return false;
        } catch (IOException refused) {
            return true;
        } finally {
            setWritable(probe, true);
            Files.deleteIfExists(probe.resolve("file"));
            Files.delete(probe);
        }
    }

    /** chmod -R a-w, or back to u+w, on a folder tree. */
    private void setWritable(Path root, boolean writable) throws IOException {
        if (!writable) {
            unwritable.add(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (writable) {
                    permissions.add(PosixFilePermission.OWNER_WRITE);
                } else {
                    permissions.removeAll(PosixFilePermissions.fromString("-w--w--w-"));
                }
                Files.setPosixFilePermissions(path, permissions);
            }
        }
    }
}
