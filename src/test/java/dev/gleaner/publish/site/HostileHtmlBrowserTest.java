package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gleaner.SharedFixtures;
import dev.gleaner.testing.Trees;
import dev.gleaner.testing.Workspace;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Feeds full of XSS payloads are published and every page built from them loads in Chromium: nothing may run. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileHtmlBrowserTest {
    /** After its load event a page has this long to fail its images and fire its timers. */
    private static final long SETTLE_MILLIS = 150;
    /** Tabs loading pages side by side. */
    private static final int TABS = 3;
    private static final List<String> SEARCHES = List.of("alert", "<img src=x onerror=alert(1)>", "script");
    private static final String OWN_CONTROLS = "header.bar input#search";

    private Path dir;
    private Path chromium;
    private XssOrigin evil;
    private List<XssVectors.Vector> evasion;
    private List<XssVectors.Vector> conformance;
    /** The vectors' workspace and site. */
    private Workspace workspace;
    private XssFeeds feeds;
    private BrowserSite site;
    /** A small workspace and site whose configuration names are hostile. */
    private Workspace named;
    private XssFeeds namedFeeds;
    private BrowserSite namedSite;

    @BeforeAll
    void publish(@TempDir Path tempDir) {
        dir = tempDir;
        chromium = BrowserSession.findChromium().orElse(null);
        assumeTrue(chromium != null, "skipped: no Chromium (install Debian's chromium package, or set"
                + " GLEANER_CHROMIUM to a Chromium binary) to load the hostile pages in");
        evil = new XssOrigin();
        evasion = XssVectors.filterEvasion(evil.origin());
        Path suite = SharedFixtures.root().resolve("conformance/feedparser");
        if (Files.isRegularFile(suite.resolve("cases.json"))) {
            conformance = XssVectors.conformance(suite);
        } else {
            conformance = List.of();
            System.out.println("hostile html: the conformance suite's sanitizer cases are left out: " + suite
                    + " is absent (set -Dgleaner.shared=DIR to the shared folder)");
        }

        workspace = new Workspace(dir.resolve("vectors"));
        site = new BrowserSite(workspace.root().resolve("site/public"));
        feeds = new XssFeeds(workspace, evil.origin());
        feeds.writeVectors(evasion, conformance, site.origin() + "/");
        Workspace.Result run = workspace.run("run", "--strict");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        named = new Workspace(dir.resolve("names"));
        namedSite = new BrowserSite(named.root().resolve("site/public"));
        namedFeeds = new XssFeeds(named, evil.origin());
        namedFeeds.writeHostileNames(IntStream.range(0, evasion.size()).filter(i -> i % 20 == 0)
                .mapToObj(evasion::get).toList(), namedSite.origin() + "/");
        Workspace.Result namedRun = named.run("run", "--strict");
        assertThat(namedRun.exitCode()).as(namedRun.out() + namedRun.err()).isZero();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable server : new AutoCloseable[] {site, namedSite, evil}) {
            if (server != null) {
                try {
                    server.close();
                } catch (Exception e) {
                    // the temporary folder goes with the JVM in any case
                }
            }
        }
    }

    @Test
    void noPayloadRunsNavigatesOrOpensADialogOnTheSite() throws Exception {
        Set<String> ownScripts = new TreeSet<>();
        List<String> pages = new ArrayList<>();
        List<String> fronts = new ArrayList<>();
        for (BrowserSite built : List.of(site, namedSite)) {
            Set<String> scripts;
            try (Stream<Path> assets = Files.list(built.root().resolve("assets"))) {
                scripts = assets.filter(file -> file.getFileName().toString().matches("site\\.[0-9a-zA-Z_-]+\\.js"))
                        .map(built::url).collect(Collectors.toSet());
            }
            assertThat(scripts).as("the theme's script").hasSize(1);
            ownScripts.addAll(scripts);
            List<Path> files = built.pages();
            long items = files.stream().filter(file -> file.getParent().getFileName().toString().equals("item"))
                    .count();
            assertThat(items).as("item pages, one per published vector")
                    .isEqualTo((built == site ? feeds : namedFeeds).items());
            files.forEach(file -> pages.add(built.url(file)));
            // An unknown address gets the 404 page, with the address in the request but never in the page.
            pages.add(built.origin() + "/no-such-page/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
            fronts.add(built.origin() + "/");
        }

        List<Integer> hits = Collections.synchronizedList(new ArrayList<>());
        // Every page is loaded with its CSP bypassed: the CSP only takes abilities away, so what cannot
        // run without it cannot run with it, and one load per page is the harder test. One page of each
        // kind is loaded with its CSP as well, to show the theme's own script works under it.
        List<Load> loads = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        for (String page : pages) {
            Consumer<BrowserTab> interaction = fronts.contains(page) ? tab -> search(tab, hits) : null;
            loads.add(new Load(page, true, interaction));
            if (kinds.add(kindOf(page))) {
                loads.add(new Load(page, false, interaction));
            }
        }
        Tally withCsp = new Tally("with the CSP");
        Tally withoutCsp = new Tally("with the CSP bypassed");
        long started = System.nanoTime();
        int requestsBefore = evil.count();
        Crawl crawl = loadAll(new BrowserTab.Policy(ownScripts::contains, OWN_CONTROLS), loads);
        for (BrowserTab.Visit visit : crawl.visits()) {
            (visit.bypassCsp ? withoutCsp : withCsp)
                    .add(visit, vectorOf(visit, visit.url.startsWith(namedSite.origin() + "/") ? namedFeeds : feeds));
        }
        List<String> elsewhere = elsewhere(crawl, requestsBefore);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        System.out.printf("hostile html, our site: %d vectors (%d filter evasion, %d conformance inputs) in %d items,"
                        + " and %d items under hostile configuration names; %d pages, each loaded with its CSP"
                        + " bypassed, and %d of them (one of each kind) with it too, in %d s;"
                        + " search results for %s: %s%n",
                evasion.size() + conformance.size(), evasion.size(), conformance.size(), feeds.items(),
                namedFeeds.items(), pages.size(), kinds.size(), seconds, SEARCHES, hits);
        System.out.println("  " + withCsp.report());
        System.out.println("  " + withoutCsp.report());
        System.out.println("  between pages and on the hostile host: " + elsewhere.size() + " faults"
                + lines(elsewhere));
        assertThat(withCsp.faults).as(withCsp.report()).isEmpty();
        assertThat(withoutCsp.faults).as(withoutCsp.report()).isEmpty();
        assertThat(elsewhere).as("faults between pages and requests to the hostile host").isEmpty();
        assertThat(hits).as("search results rendered for " + SEARCHES).anyMatch(count -> count > 0);
        assertThat(withoutCsp.ownScripts).as("the theme's script ran on every page").isEqualTo(pages.size());
        assertThat(withCsp.ownScripts).as("the theme's script ran under its CSP on every kind of page")
                .isEqualTo(kinds.size());
    }

    /** A page's kind: its site and the first folder of its path ({@code item}, {@code c}, {@code page}, …). */
    private static String kindOf(String url) {
        String path = url.replaceFirst("^https?://[^/]+/", "");
        int slash = path.indexOf('/');
        String origin = url.substring(0, url.length() - path.length());
        return origin + (slash < 0 ? path.replaceFirst("\\..*", "") : path.substring(0, slash));
    }

    /** Types each search into the box so that results from the hostile items render. */
    private static void search(BrowserTab tab, List<Integer> hits) {
        for (String query : SEARCHES) {
            tab.evaluate("(function () { var s = document.getElementById('search'); s.focus(); s.select();"
                    + " return true; })()");
            tab.type(query);
            BrowserTab.sleep(700);
            hits.add(tab.evaluate("document.querySelectorAll('#search-results li a').length").asInt());
        }
    }

    /** Zero faults means something only if the hooks see a payload that does run: one of each kind. */
    @Test
    void theHooksSeeEveryKindOfPayload() throws Exception {
        String csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\">";
        Map<String, String> pages = Map.of(
                "inline.html", csp + "<script>document.title = 'ran'</script>",
                "handler.html", csp + "<img src=x onerror=\"alert('handler')\">",
                "link.html", csp + "<a href=\"jav&#x09;ascript:alert('link')\">link</a>",
                "refresh.html", "<meta http-equiv=\"refresh\" content=\"0;url=" + evil.origin() + "/moved\">",
                "frame.html", csp + "<iframe srcdoc=\"<p>framed</p>\"></iframe>",
                "remote.html", csp + "<script src=\"" + evil.origin() + "/xss.js\"></script>");
        Map<String, List<Set<String>>> expected = Map.of(
                "inline.html", List.of(Set.of("csp"), Set.of("script")),
                "handler.html", List.of(Set.of("csp", "latent"), Set.of("script", "dialog", "latent")),
                "link.html", List.of(Set.of("latent", "csp"), Set.of("latent", "script", "dialog")),
                "refresh.html", List.of(Set.of("navigation", "script", "dialog"), Set.of("navigation", "script")),
                "frame.html", List.of(Set.of("frame", "latent"), Set.of("frame", "latent")),
                "remote.html", List.of(Set.of("csp"), Set.of("script", "dialog")));
        Path folder = Files.createDirectories(dir.resolve("control"));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(folder.resolve(page.getKey()), "<!DOCTYPE html><html><head>" + page.getValue()
                    + "</head><body><p>control</p></body></html>");
        }
        try (BrowserSite control = new BrowserSite(folder)) {
            List<Load> loads = new ArrayList<>();
            for (String page : new TreeSet<>(pages.keySet())) {
                loads.add(new Load(control.origin() + "/" + page, false, null));
                loads.add(new Load(control.origin() + "/" + page, true, null));
            }
            Crawl crawl = loadAll(new BrowserTab.Policy(url -> false, ""), loads);
            for (BrowserTab.Visit visit : crawl.visits()) {
                String page = visit.url.substring(visit.url.lastIndexOf('/') + 1);
                Set<String> kinds = new TreeSet<>();
                synchronized (visit.faults) {
                    visit.faults.forEach(fault -> kinds.add(fault.kind()));
                }
                assertThat(kinds).as(page + (visit.bypassCsp ? " with the CSP bypassed: " : " with the CSP: ")
                        + visit.faults).containsAll(expected.get(page).get(visit.bypassCsp ? 1 : 0));
            }
        }
    }

    @Test
    @Tag("hexo")
    void noPayloadRunsNavigatesOrOpensADialogOnTheHexoBuildOfTheSamePosts() throws Exception {
        Path bench = SharedFixtures.require("bench/hexo");
        Optional<Path> node = onPath("node");
        Optional<Path> npm = onPath("npm");
        assumeTrue(node.isPresent() && npm.isPresent(), "skipped: the Hexo build needs Node.js and npm"
                + " (Debian: apt-get install nodejs npm); our own site was checked without them");
        long started = System.nanoTime();
        Path modules = hexoModules(bench, npm.get());
        HexoBuild build = hexoBuild(bench, modules, node.get(), workspace.posts(), "hexo");
        assertThat(build.posts()).as("Hexo posts, one per published vector").isEqualTo(feeds.items());
        long built = System.nanoTime();

        Path theme = modules.resolve("hexo-theme-" + hexoTheme(bench.resolve("_config.yml")) + "/source");
        HexoCrawl crawl = crawlHexo(build.publicDir(), theme, feeds);
        System.out.printf("hostile html, Hexo build of the same %d posts: npm ci and hexo generate in %d s, %d pages"
                        + " loaded in %d s; the theme's scripts: %s%n", build.posts(),
                (built - started) / 1_000_000_000L, crawl.tally().pages, (System.nanoTime() - built) / 1_000_000_000L,
                crawl.ownScripts());
        System.out.println("  " + crawl.tally().report());
        System.out.println("  between pages and on the hostile host: " + crawl.elsewhere().size() + " faults"
                + lines(crawl.elsewhere()));

        // Category and author names come from the reader's own configuration, not from a feed: Hexo's
        // handling of them is shown, not judged.
        HexoBuild namedBuild = hexoBuild(bench, modules, node.get(), named.posts(), "hexo-names");
        HexoCrawl namedCrawl = crawlHexo(namedBuild.publicDir(), theme, namedFeeds);
        Set<String> namedKinds = namedCrawl.tally().faults.stream()
                .map(fault -> fault.substring(fault.indexOf(" -> ") + 4))
                .collect(Collectors.toCollection(TreeSet::new));
        System.out.println("  note: Hexo build of " + namedBuild.posts() + " posts under hostile configuration names: "
                + namedCrawl.tally().pages + " pages, " + namedCrawl.tally().faults.size() + " faults, "
                + namedKinds.size() + " distinct" + lines(namedKinds.stream().limit(12).toList()));

        assertThat(crawl.tally().faults).as(crawl.tally().report()).isEmpty();
        assertThat(crawl.elsewhere()).as("faults between pages and requests to the hostile host").isEmpty();
        assertThat(crawl.tally().ownScripts).as("the theme's scripts ran").isGreaterThan(0);
        assertThat(build.postPages()).as("post pages Hexo generated").isEqualTo(build.posts());
    }

    /** A generated Hexo site. */
    record HexoBuild(Path publicDir, long posts, long postPages) {
    }

    /** Copies {@code posts} into a new Hexo project in {@code name} and runs {@code hexo generate}. */
    private HexoBuild hexoBuild(Path bench, Path modules, Path node, Path posts, String name) throws Exception {
        Path blog = Files.createDirectories(dir.resolve(name));
        Files.copy(bench.resolve("package.json"), blog.resolve("package.json"));
        Files.copy(bench.resolve("_config.yml"), blog.resolve("_config.yml"));
        Files.createSymbolicLink(blog.resolve("node_modules"), modules);
        Trees.copy(posts, blog.resolve("source/_posts"));
        long count;
        try (Stream<Path> walk = Files.walk(blog.resolve("source/_posts"))) {
            count = walk.filter(file -> file.toString().endsWith(".md")).count();
        }
        Command.Result generated;
        try {
            generated = Command.run(blog, 600, node.toString(),
                    modules.resolve(".bin/hexo").toRealPath().toString(), "generate");
        } finally {
            // The installed modules outlive this run; only the link to them goes with the temporary folder.
            Files.delete(blog.resolve("node_modules"));
        }
        assertThat(generated.exitCode()).as("hexo generate:\n" + generated.output()).isZero();
        assertThat(generated.output()).as("hexo generate").doesNotContain("ERROR");
        Path publicDir = blog.resolve("public");
        long postPages;
        try (Stream<Path> walk = Files.walk(publicDir)) {
            postPages = walk.filter(file -> publicDir.relativize(file).toString()
                    .matches("\\d{4}/\\d{2}/\\d{2}/.*/index\\.html")).count();
        }
        return new HexoBuild(publicDir, count, postPages);
    }

    /** What loading every page of a Hexo site showed. */
    record HexoCrawl(Tally tally, List<String> elsewhere, List<String> ownScripts) {
    }

    private HexoCrawl crawlHexo(Path publicDir, Path theme, XssFeeds written) throws Exception {
        try (BrowserSite hexo = new BrowserSite(publicDir)) {
            // The theme's own scripts are the files its source folder put into the site; nothing else may run.
            Set<String> ownScripts;
            try (Stream<Path> walk = Files.walk(hexo.root())) {
                ownScripts = walk.filter(file -> file.toString().endsWith(".js")
                                && Files.isRegularFile(theme.resolve(hexo.root().relativize(file).toString())))
                        .map(hexo::url).collect(Collectors.toSet());
            }
            List<Load> loads = new ArrayList<>();
            for (Path page : hexo.pages()) {
                loads.add(new Load(hexo.url(page), false, HostileHtmlBrowserTest::share));
            }
            int requestsBefore = evil.count();
            Crawl crawl = loadAll(new BrowserTab.Policy(ownScripts::contains,
                    "#search-form-wrap form, #search-form-wrap input, #search-form-wrap button,"
                            + " .article-share-box input"), loads);
            Tally tally = new Tally("Hexo (no CSP)");
            crawl.visits().forEach(visit -> tally.add(visit, vectorOf(visit, written)));
            return new HexoCrawl(tally, elsewhere(crawl, requestsBefore),
                    ownScripts.stream().map(url -> url.substring(hexo.origin().length())).sorted().toList());
        }
    }

    /** Where the item a page shows comes from, as {@code " [source: vector]"}, or empty for other pages. */
    private static String vectorOf(BrowserTab.Visit visit, XssFeeds written) {
        Instant date;
        try {
            date = Instant.parse(visit.published);
        } catch (DateTimeParseException e) {
            return "";
        }
        return written.vectorAt(date).map(vector -> {
            String html = vector.html().replaceAll("\\s+", " ");
            return " [" + vector.source() + ": " + (html.length() > 120 ? html.substring(0, 120) + "…" : html) + "]";
        }).orElse("");
    }

    /** Opens the theme's share box, which the theme builds from the post's title and address. */
    private static void share(BrowserTab tab) {
        if (tab.evaluate("(function () { var a = document.querySelector('.article-share-link');"
                + " if (a) a.click(); return !!a; })()").asBoolean()) {
            BrowserTab.sleep(100);
        }
    }

    /**
     * The {@code node_modules} of the shared Hexo project, installed once with {@code npm ci} into
     * a folder named after its lock file in the tests' cache below the build folder, and reused by
     * later runs; npm's own download cache goes there too, not into the home folder.
     */
    private static Path hexoModules(Path bench, Path npm) throws Exception {
        byte[] lock = Files.readAllBytes(bench.resolve("package-lock.json"));
        String name = "gleaner-hexo-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lock))
                .substring(0, 16);
        Path root = Files.createDirectories(Path.of(System.getProperty("gleaner.cache", "target/test-cache")));
        Path cache = root.resolve(name);
        if (Files.isRegularFile(cache.resolve("node_modules/.bin/hexo"))) {
            return cache.resolve("node_modules");
        }
        Path fresh = Files.createTempDirectory(cache.getParent(), name + ".");
        Files.copy(bench.resolve("package.json"), fresh.resolve("package.json"));
        Files.copy(bench.resolve("package-lock.json"), fresh.resolve("package-lock.json"));
        Command.Result installed = Command.run(fresh, 900, npm.toString(), "ci", "--no-audit", "--no-fund",
                "--cache", root.resolve("npm").toAbsolutePath().toString());
        assertThat(installed.exitCode()).as("npm ci of Hexo (needs the npm registry):\n" + installed.output()).isZero();
        try {
            Files.move(fresh, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another run installed it first: use that one.
            if (!Files.isRegularFile(cache.resolve("node_modules/.bin/hexo"))) {
                throw e;
            }
        }
        return cache.resolve("node_modules");
    }

    private static String hexoTheme(Path config) throws IOException {
        for (String line : Files.readAllLines(config)) {
            if (line.startsWith("theme:")) {
                return line.substring("theme:".length()).strip();
            }
        }
        return "landscape";
    }

    private static Optional<Path> onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, command))) {
                return Optional.of(Path.of(folder, command));
            }
        }
        return Optional.empty();
    }

    /** Runs a command to its end and keeps the end of what it printed. */
    private static final class Command {
        record Result(int exitCode, String output) {
        }

        static Result run(Path folder, long timeoutSeconds, String... command) throws Exception {
            Path log = Files.createTempFile("gleaner-command", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(folder.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
                }
                String output = Files.readString(log);
                return new Result(process.exitValue(),
                        output.length() > 4000 ? "…" + output.substring(output.length() - 4000) : output);
            } finally {
                Files.deleteIfExists(log);
            }
        }
    }

    /**
     * Faults no single page owns: what pages did after they were judged (late timers, unload
     * handlers), and what the hostile host was asked for other than pictures and media.
     */
    private List<String> elsewhere(Crawl crawl, int requestsBefore) {
        List<String> faults = new ArrayList<>(crawl.stray());
        evil.activeRequestsSince(requestsBefore)
                .forEach(request -> faults.add("the hostile host was asked for " + request));
        return faults;
    }

    private static String lines(List<String> faults) {
        return faults.stream().limit(80).map(fault -> "\n    " + fault).collect(Collectors.joining())
                + (faults.size() > 80 ? "\n    … and " + (faults.size() - 80) + " more" : "");
    }

    /** One page to load, with or without its CSP, and what to do on it once loaded. */
    record Load(String url, boolean bypassCsp, Consumer<BrowserTab> interaction) {
    }

    /** Every visit, and the faults seen between visits. */
    record Crawl(List<BrowserTab.Visit> visits, List<String> stray) {
    }

    /** Loads every page in a few tabs of one browser side by side. */
    private Crawl loadAll(BrowserTab.Policy policy, List<Load> loads) throws Exception {
        Queue<Load> queue = new ConcurrentLinkedQueue<>(loads);
        List<BrowserTab.Visit> visits = Collections.synchronizedList(new ArrayList<>());
        List<String> stray = Collections.synchronizedList(new ArrayList<>());
        Path profile = Files.createTempDirectory(dir, "chromium");
        ExecutorService pool = Executors.newFixedThreadPool(TABS);
        try (BrowserSession browser = BrowserSession.launch(chromium, profile)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < TABS; i++) {
                BrowserTab tab = browser.openTab(policy).settle(SETTLE_MILLIS);
                workers.add(pool.submit(() -> {
                    for (Load load; (load = queue.poll()) != null; ) {
                        visits.add(tab.visit(load.url(), load.bypassCsp(), load.interaction()));
                    }
                    tab.strayFaults().forEach(fault -> stray.add("(between pages) " + fault));
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Crawl(List.copyOf(visits), List.copyOf(stray));
    }

    /** Counts over many visits, and their faults by page. */
    static final class Tally {
        final String name;
        int pages;
        int scripts;
        int ownScripts;
        int probeScripts;
        int cspBlocked;
        final List<String> faults = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        void add(BrowserTab.Visit visit) {
            add(visit, "");
        }

        /** Adds a visit whose faults carry {@code where}: the vector of the item the page shows. */
        void add(BrowserTab.Visit visit, String where) {
            pages++;
            scripts += visit.scripts;
            ownScripts += visit.ownScripts;
            probeScripts += visit.probeScripts;
            synchronized (visit.faults) {
                for (BrowserTab.Fault fault : visit.faults) {
                    if (fault.kind().equals("csp")) {
                        cspBlocked++;
                    }
                    faults.add(visit.url + where + " -> " + fault);
                }
            }
        }

        String summary() {
            return String.format("%s: %d loads, %d scripts parsed, %d of them the theme's own (allowed),"
                            + " %d the test's hooks; %d faults (%d of them blocked only by the CSP)",
                    name, pages, scripts, ownScripts, probeScripts, faults.size(), cspBlocked);
        }

        String report() {
            return summary() + lines(faults);
        }
    }
}
