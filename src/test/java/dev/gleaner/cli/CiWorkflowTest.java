package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gleaner.testing.ActionsJob;
import dev.gleaner.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Actions workflow of examples/ci, run here: its shell steps with bash, its actions emulated
 * (checkout clones from local bare repositories standing in for GitHub, the cache copies the paths it
 * names to and from a folder kept between runs), Gleaner's launcher replaced by one that runs the
 * classes under test, and the feeds served over HTTP on loopback. A first run is shared; each second
 * run starts from a copy of what it left, on a fresh clone, as on a runner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CiWorkflowTest {
    private static final Path WORKFLOW = Path.of("examples/ci/gleaner.yml");
    private static final String JOB = "update";
    /** The blog's repository on the stand-in GitHub. */
    private static final String BLOG = "someone/news";
    /** What the workflow says to replace with Gleaner's repository. */
    private static final String GLEANER_PLACEHOLDER = "CHANGE-ME/gleaner";
    private static final String POSTS = "site/source/_posts";
    private static final String SITE = "site/public";
    private static final List<String> FEEDS = List.of("zhihu-hotlist.xml", "36kr-newsflashes.xml",
            "github-trending.atom", "sspai.json");
    /** A subscription whose feed is gone: it fails on every run, and must not stop the others being published. */
    private static final String GONE = "gone.xml";
    private static final int SUBSCRIPTIONS = FEEDS.size() + 1;
    private static final Pattern POSTS_WRITTEN = Pattern.compile("posts written\\s+(\\d+)");

    /** The folder of the first run and of what every run shares, for the whole class. */
    private Path shared;
    private final MockWebServer server = new MockWebServer();
    private Map<String, String> machine;
    private Path remotes;
    private Run first;

    /** What the cache of one repository holds between runs: entries by key, oldest first. */
    private static final class Cache {
        private final Path folder;
        private final Map<String, Path> entries = new LinkedHashMap<>();

        Cache(Path folder) {
            this.folder = folder;
        }

        Cache copyTo(Path other) throws IOException {
            Cache copy = new Cache(other);
            Files.createDirectories(other);
            for (Map.Entry<String, Path> entry : entries.entrySet()) {
                Path folder = entry.getValue();
                copy.entries.put(entry.getKey(), Trees.copy(folder, other.resolve(folder.getFileName().toString())));
            }
            return copy;
        }
    }

    /** One run of the job, and what it did to the stand-in GitHub. */
    private record Run(ActionsJob.Run job, String headBefore, String headAfter, int feedRequests,
            Map<String, String> pages, Cache cache) {
        Path workspace() {
            return job.workspace();
        }
    }

    @BeforeAll
    void firstRun(@TempDir Path classFolder) throws Exception {
        shared = classFolder;
        assumeTrue(onPath("bash"), "bash is not installed: the workflow's steps are bash scripts");
        assumeTrue(onPath("git"), "git is not installed: the workflow commits and pushes with it");
        Path home = Files.createDirectories(shared.resolve("home"));
        Path tmp = Files.createDirectories(shared.resolve("tmp"));
        machine = new LinkedHashMap<>();
        machine.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        machine.put("HOME", home.toString());
        machine.put("TMPDIR", tmp.toString());
        machine.put("LANG", "C.UTF-8");
        machine.put("GIT_CONFIG_NOSYSTEM", "1");
        machine.put("GIT_TERMINAL_PROMPT", "0");

        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String name = request.getUrl().encodedPath().substring(1);
                if (!FEEDS.contains(name)) {
                    return new MockResponse.Builder().code(404).build();
                }
                try {
                    String type = name.endsWith(".json") ? "application/feed+json" : "application/xml";
                    return new MockResponse.Builder().setHeader("Content-Type", type + "; charset=utf-8")
                            .body(Files.readString(Path.of("examples/feeds", name), StandardCharsets.UTF_8)).build();
                } catch (IOException e) {
                    return new MockResponse.Builder().code(500).build();
                }
            }
        });
        server.start();

        remotes = Files.createDirectories(shared.resolve("github"));
        publishGleanerStandIn(tmp);
        publishBlog();
        first = run(shared.resolve("first"), new Cache(shared.resolve("first/cache")), 1001);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void theFirstRunCommitsAndPushesExactlyThePostsGleanerWrote() throws Exception {
        assertThat(first.headAfter()).as("a commit was pushed").isNotEqualTo(first.headBefore());
        assertThat(git(bare(), "rev-list", first.headBefore() + ".." + first.headAfter()).lines())
                .as("one commit").hasSize(1);

        Set<String> written = files(first.workspace(), POSTS);
        Set<String> committed = committedFiles(first.headAfter());
        assertThat(written).as("posts written").isNotEmpty();
        assertThat(committed).as("the commit holds the posts Gleaner wrote, and nothing else").isEqualTo(written);
        assertThat(postsWritten(first)).as("Gleaner's own count").isEqualTo(written.size());
        assertThat(git(bare(), "log", "-1", "--format=%s", first.headAfter()).strip())
                .isEqualTo("Gleaner: " + written.size() + " new posts");
    }

    @Test
    void theFirstRunKeepsTheStoreAndTheSiteOutOfGit() throws Exception {
        assertThat(first.workspace().resolve("gleaner.db")).as("the run made a store").isRegularFile();
        assertThat(first.workspace().resolve(SITE)).as("the run built the site").isDirectory();
        Set<String> tracked = new TreeSet<>(Arrays.asList(git(bare(), "ls-tree", "-r", "-z", "--name-only",
                first.headAfter()).split("\0")));
        assertThat(tracked).noneMatch(path -> path.startsWith("gleaner.db") || path.startsWith(SITE)
                || path.startsWith(".gleaner"));
    }

    @Test
    void theFirstRunSavesTheWholeStoreInTheCache() throws Exception {
        assertThat(first.job().outputs("store")).containsEntry("cache-hit", "false").containsEntry("cache-matched-key", "");
        assertThat(first.cache().entries).containsOnlyKeys("gleaner-store-1001-1");
        Path saved = first.cache().entries.get("gleaner-store-1001-1").resolve("gleaner.db");
        byte[] header = Arrays.copyOf(Files.readAllBytes(saved), 16);
        assertThat(new String(header, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3\0");
        // The cache holds gleaner.db alone: a write-ahead log left beside it would be lost with what it holds.
        assertThat(first.workspace().resolve("gleaner.db-wal")).doesNotExist();
    }

    @Test
    void theFirstRunFetchesEveryFeedOnceAndPublishesDespiteTheOneThatFails() throws Exception {
        assertThat(first.feedRequests()).isEqualTo(SUBSCRIPTIONS);
        assertThat(first.job().log()).as("the gone feed is reported")
                .contains("failed         1").contains("编程/GitHub/停刊");
        assertThat(first.headAfter()).as("the others' posts are pushed all the same").isNotEqualTo(first.headBefore());
    }

    @Test
    void theFirstRunPublishesTheSiteUnderTheRepositoryPath() throws Exception {
        assertThat(first.pages()).containsKey("index.html");
        assertThat(Files.readString(first.workspace().resolve(SITE).resolve("index.html"), StandardCharsets.UTF_8))
                .as("links start with the path of site.url, as Pages serves the site under /REPO/")
                .contains("href=\"/news/");
        assertThat(first.job().summary()).as("the job summary").contains("posts written");
    }

    @Test
    void aSecondRunWithTheCachedStoreFetchesNothingAndPushesNothing(@TempDir Path dir) throws Exception {
        Run second = secondRun(dir, Between.CACHE_KEPT);

        assertThat(second.job().outputs("store")).containsEntry("cache-matched-key", "gleaner-store-1001-1");
        assertThat(second.feedRequests()).as("no feed is due again so soon, not even the failing one").isZero();
        assertNothingPushed(second);
        assertThat(second.pages()).as("the site rebuilt on a fresh clone is the one already published")
                .isEqualTo(first.pages());
        assertThat(second.cache().entries).containsKeys("gleaner-store-1001-1", "gleaner-store-1002-1");
    }

    @Test
    void aSecondRunAfterTheCacheWasEvictedPushesNoDuplicatePost(@TempDir Path dir) throws Exception {
        Run second = secondRun(dir, Between.CACHE_EVICTED);

        assertThat(second.job().outputs("store")).containsEntry("cache-matched-key", "");
        assertThat(second.feedRequests()).as("without its store Gleaner fetches every feed again")
                .isEqualTo(SUBSCRIPTIONS);
        assertNothingPushed(second);
        assertThat(second.pages()).containsKey("index.html");
    }

    @Test
    void theWorkflowRunsHourlyOneAtATimeAndDeploysTheUploadedSite() {
        Map<String, Object> workflow = ActionsJob.parse(WORKFLOW);
        Map<String, Object> on = map(workflow.get("on"));
        assertThat(on).containsKey("workflow_dispatch");
        List<?> schedule = (List<?>) on.get("schedule");
        assertThat(schedule).hasSize(1);
        assertThat(String.valueOf(map(schedule.get(0)).get("cron"))).matches("\\d{1,2} \\* \\* \\* \\*");
        Map<String, Object> concurrency = map(workflow.get("concurrency"));
        assertThat(concurrency.get("group")).isNotNull();
        assertThat(concurrency).containsEntry("cancel-in-progress", false);

        Map<String, Object> jobs = map(workflow.get("jobs"));
        assertThat(map(map(jobs.get(JOB)).get("permissions"))).containsEntry("contents", "write");
        Map<String, Object> deploy = map(jobs.get("deploy"));
        assertThat(String.valueOf(deploy.get("needs"))).contains(JOB);
        assertThat(map(deploy.get("permissions"))).containsEntry("pages", "write").containsEntry("id-token", "write");
        assertThat(map(deploy.get("environment"))).containsEntry("name", "github-pages");
        assertThat(String.valueOf(deploy.get("steps"))).contains("actions/deploy-pages@");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** What happened to the cache between the first run and the second. */
    private enum Between {
        /** The cache still holds the first run's store. */
        CACHE_KEPT,
        /** Unused for seven days, or over the repository's quota, the cache was emptied. */
        CACHE_EVICTED
    }

    private Run secondRun(Path dir, Between between) throws Exception {
        // Each second run gets its own copy of the blog's repository, so that what one pushes leaves the others alone.
        Path github = Trees.copy(remotes, dir.resolve("github"));
        Cache cache = between == Between.CACHE_KEPT
                ? first.cache().copyTo(dir.resolve("cache"))
                : new Cache(dir.resolve("cache"));
        return run(dir, cache, 1002, github.resolve(bare().getFileName().toString()), github);
    }

    private Run run(Path dir, Cache cache, int runId) throws Exception {
        return run(dir, cache, runId, bare(), remotes);
    }

    private Run run(Path dir, Cache cache, int runId, Path blog, Path github) throws Exception {
        Map<String, Path> repositories = Map.of(BLOG, blog, GLEANER_PLACEHOLDER, github.resolve("gleaner.git"));
        Map<String, String> pages = new TreeMap<>();
        ActionsJob job = ActionsJob.of(WORKFLOW, JOB)
                .emulate("actions/checkout", (with, run) -> checkout(with, run, repositories))
                .emulate("actions/setup-java", CiWorkflowTest::setupJava)
                .emulate("actions/cache/restore", (with, run) -> restore(with, run, cache))
                .emulate("actions/cache/save", (with, run) -> save(with, run, cache))
                .emulate("actions/upload-pages-artifact", (with, run) -> uploadPages(with, run, pages));
        String before = head(blog);
        int requests = server.getRequestCount();
        ActionsJob.Run run = job.run(dir.resolve("workspace"), Map.of("repository", BLOG, "ref_name", "main",
                "run_id", String.valueOf(runId), "run_attempt", "1"), machine, dir.resolve("runner"));
        return new Run(run, before, head(blog), server.getRequestCount() - requests, pages, cache);
    }

    private void assertNothingPushed(Run second) throws Exception {
        String pushed = second.headAfter().equals(second.headBefore()) ? ""
                : String.join("\n", committedFiles(second, second.headAfter()));
        assertThat(pushed).as("files of a commit the second run pushed").isEmpty();
        assertThat(git(second.workspace(), "rev-parse", "HEAD").strip()).as("nothing committed")
                .isEqualTo(second.headBefore());
        assertThat(second.job().log()).contains("No new posts.");
    }

    // --- the actions, emulated ---

    private Map<String, String> checkout(Map<String, String> with, ActionsJob.Run run, Map<String, Path> repositories)
            throws Exception {
        String repository = with.getOrDefault("repository", BLOG);
        Path remote = repositories.get(repository);
        assertThat(remote).as("a repository on the stand-in GitHub: " + repository).isNotNull();
        Path target = run.resolve(with.getOrDefault("path", "."));
        List<String> command = new ArrayList<>(List.of("git", "clone", "--quiet"));
        String depth = with.getOrDefault("fetch-depth", "1");
        if (!depth.equals("0")) {
            command.addAll(List.of("--depth", depth));
        }
        if (with.containsKey("ref")) {
            command.addAll(List.of("--branch", with.get("ref")));
        }
        command.addAll(List.of("file://" + remote, target.toString()));
        run.exec(run.workspace(), command.toArray(String[]::new));
        return Map.of();
    }

    private static Map<String, String> setupJava(Map<String, String> with, ActionsJob.Run run) {
        assertThat(ActionsJob.required(with, "distribution")).isNotBlank();
        assertThat(ActionsJob.required(with, "java-version")).as("the Java Gleaner is built for").isEqualTo("17");
        if (with.containsKey("cache-dependency-path")) {
            assertThat(run.resolve(with.get("cache-dependency-path"))).as("setup-java's cache key file").isRegularFile();
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        run.setEnv("JAVA_HOME", javaHome.toString());
        run.addPath(javaHome.resolve("bin"));
        return Map.of();
    }

    private static Map<String, String> restore(Map<String, String> with, ActionsJob.Run run, Cache cache)
            throws IOException {
        String key = ActionsJob.required(with, "key");
        String matched = cache.entries.containsKey(key) ? key : "";
        for (String prefix : lines(with.getOrDefault("restore-keys", ""))) {
            if (!matched.isEmpty()) {
                break;
            }
            // The newest entry whose key starts with the prefix, as the cache service picks.
            for (String candidate : cache.entries.keySet()) {
                matched = candidate.startsWith(prefix) ? candidate : matched;
            }
        }
        if (!matched.isEmpty()) {
            Path entry = cache.entries.get(matched);
            for (String path : paths(with)) {
                Path saved = entry.resolve(path);
                if (Files.exists(saved)) {
                    // Files already there are replaced, as extracting the cache's archive does.
                    Trees.copy(saved, run.resolve(path), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            run.log("Cache restored from key: " + matched);
        } else {
            run.log("Cache not found for input keys: " + key);
        }
        return Map.of("cache-primary-key", key, "cache-hit", String.valueOf(matched.equals(key)),
                "cache-matched-key", matched);
    }

    private static Map<String, String> save(Map<String, String> with, ActionsJob.Run run, Cache cache) throws IOException {
        String key = ActionsJob.required(with, "key");
        assertThat(key).as("the key to save under").isNotBlank();
        if (cache.entries.containsKey(key)) {
            // Entries are immutable: the real action warns and goes on.
            run.log("Warning: cache entry " + key + " already exists, not saved");
            return Map.of();
        }
        Path entry = cache.folder.resolve("entry-" + (cache.entries.size() + 1));
        boolean any = false;
        for (String path : paths(with)) {
            if (Files.exists(run.resolve(path))) {
                Files.createDirectories(entry.resolve(path).getParent());
                Trees.copy(run.resolve(path), entry.resolve(path));
                any = true;
            }
        }
        if (any) {
            cache.entries.put(key, entry);
            run.log("Cache saved with key: " + key);
        } else {
            run.log("Warning: path validation error: no path to cache exists, not saved");
        }
        return Map.of();
    }

    private static Map<String, String> uploadPages(Map<String, String> with, ActionsJob.Run run, Map<String, String> pages)
            throws Exception {
        Path site = run.resolve(with.getOrDefault("path", "_site/"));
        assertThat(site).as("the folder uploaded to Pages").isDirectory();
        assertThat(site.resolve("index.html")).as("the front page of the Pages site").isRegularFile();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                pages.put(site.relativize(file).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
        }
        return Map.of();
    }

    private static List<String> paths(Map<String, String> with) {
        List<String> paths = lines(ActionsJob.required(with, "path"));
        for (String path : paths) {
            // The emulation copies what the workflow names; a pattern would need the action's own matching.
            assertThat(path).as("a literal cache path").doesNotContain("*", "?", "[", "!");
            assertThat(Path.of(path).isAbsolute() || path.startsWith("~")).as("a path in the workspace: " + path).isFalse();
        }
        return paths;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    // --- the stand-in GitHub ---

    /** Gleaner's repository: its pom.xml, and a launcher that runs the classes under test instead of building a jar. */
    private void publishGleanerStandIn(Path tmp) throws Exception {
        Path work = Files.createDirectories(shared.resolve("gleaner-work"));
        Files.copy(Path.of("pom.xml"), work.resolve("pom.xml"));
        Path launcher = work.resolve("gleaner");
        Files.writeString(launcher, """
                #!/usr/bin/env bash
                # Runs the Gleaner under test, as the real launcher runs the jar it builds.
                exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Djava.io.tmpdir=%s \
                -Dgleaner.cache=%s -cp %s dev.gleaner.cli.Main "$@"
                """.formatted(quoted(tmp.toString()), quoted(cacheFolder().toString()),
                        quoted(System.getProperty("java.class.path"))));
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        publish(work, "gleaner.git");
    }

    /** The blog: its gleaner.yml, with the feeds on loopback, and the workflow copied where GitHub reads it. */
    private void publishBlog() throws Exception {
        Path work = Files.createDirectories(shared.resolve("blog-work"));
        Files.writeString(work.resolve("gleaner.yml"), """
                site:
                  title: 新闻
                  output: site
                  url: https://someone.github.io/news/
                storage: jdbc:sqlite:gleaner.db
                fetch: {timeout: 10s, allow: [localhost, 127.0.0.1]}
                subscriptions:
                  社交媒体:
                    知乎:
                      知乎热榜: %s
                  新媒体:
                    36kr:
                      快讯: %s
                    少数派:
                      最新: {url: %s, comments: true}
                  编程:
                    GitHub:
                      Trending: {url: %s, author: GitHub 趋势}
                      停刊: %s
                """.formatted(server.url("/zhihu-hotlist.xml"), server.url("/36kr-newsflashes.xml"),
                server.url("/sspai.json"), server.url("/github-trending.atom"), server.url("/" + GONE)),
                StandardCharsets.UTF_8);
        Files.createDirectories(work.resolve(".github/workflows"));
        Files.copy(WORKFLOW, work.resolve(".github/workflows/gleaner.yml"));
        publish(work, BLOG.substring(BLOG.indexOf('/') + 1) + ".git");
    }

    private void publish(Path work, String bareName) throws Exception {
        Path bare = remotes.resolve(bareName);
        git(remotes, "init", "--quiet", "--bare", "--initial-branch=main", bare.toString());
        git(work, "init", "--quiet", "--initial-branch=main");
        git(work, "add", "--all");
        git(work, "-c", "user.name=Someone", "-c", "user.email=someone@example.org", "commit", "--quiet", "-m", "Start");
        git(work, "push", "--quiet", bare.toString(), "main");
    }

    private Path bare() {
        return remotes.resolve(BLOG.substring(BLOG.indexOf('/') + 1) + ".git");
    }

    private String head(Path bare) throws Exception {
        return git(bare, "rev-parse", "refs/heads/main").strip();
    }

    private Set<String> committedFiles(String commit) throws Exception {
        return committedFiles(bare(), commit);
    }

    private Set<String> committedFiles(Run run, String commit) throws Exception {
        return committedFiles(run.workspace(), commit);
    }

    private Set<String> committedFiles(Path repository, String commit) throws Exception {
        String out = git(repository, "diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root", commit);
        return new TreeSet<>(Arrays.stream(out.split("\0")).filter(name -> !name.isBlank()).toList());
    }

    private static Set<String> files(Path root, String folder) throws IOException {
        Set<String> files = new TreeSet<>();
        Path start = root.resolve(folder);
        if (Files.isDirectory(start)) {
            try (Stream<Path> walk = Files.walk(start)) {
                walk.filter(Files::isRegularFile).forEach(file -> files.add(root.relativize(file).toString()));
            }
        }
        return files;
    }

    private static int postsWritten(Run run) {
        Matcher matcher = POSTS_WRITTEN.matcher(run.job().log());
        assertThat(matcher.find()).as("Gleaner's summary in the log:\n" + run.job().log()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(machine);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(":")).anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /**
     * Where the runs keep Gleaner's cache: the tests' own, else the class's folder. Java takes the
     * home folder from the password database, not from {@code HOME}, so the runner's stand-in home
     * alone would not keep the runs out of the user's cache.
     */
    private Path cacheFolder() {
        String tests = System.getProperty("gleaner.cache");
        return tests != null ? Path.of(tests).toAbsolutePath() : shared.resolve("cache");
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
