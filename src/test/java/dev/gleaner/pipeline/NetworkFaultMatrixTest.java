package dev.gleaner.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.fetch.FaultAnswers;
import dev.gleaner.fetch.FaultCertificate;
import dev.gleaner.fetch.FaultServer;
import dev.gleaner.fetch.FetchSettings;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Network faults on loopback, one per feed: each fails its feed alone, says why, in time; the next run recovers. */
class NetworkFaultMatrixTest {
    /** The fetch deadline in the configuration: short, so that a fault that waits for it stays quick. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Past a deadline, for closing connections and recording the failure. */
    private static final Duration SLACK = Duration.ofSeconds(2);
    /** What a command in a JVM of its own adds to its pass: start-up and the store's migrations. */
    private static final Duration JVM_START = Duration.ofSeconds(10);
    /** A command in a JVM of its own is killed past this, so that a hang fails the test rather than holding it. */
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(60);
    /**
     * {@code gleaner run --all} without the site: the site is rendered from the store, which is
     * checked here, and leaving it out keeps the times those of fetching and parsing.
     */
    private static final String[] RUN = {"run", "--all", "--no-build"};
    private static final String UNRESOLVABLE = "feed.gleaner-faults.invalid";
    private static final String PARENT = "网络/故障/";
    private static final Pattern FAILURE_LINE = Pattern.compile("(?m)^gleaner: 网络/故障/([^:]+): (.*)$");
    private static final Pattern PASS_TOOK = Pattern.compile("(?m)^(\\d+) feeds in (\\d+\\.\\d) s$");

    /** Each fault, the leaf of the feed that suffers it, and the reason that must name it. */
    enum Fault {
        CONNECTION_REFUSED("refused", "connection refused by 127\\.0\\.0\\.1:\\d+"),
        RESET_MID_BODY("reset", "connection reset after \\d+ of the \\d+ bytes in Content-Length"),
        TLS_TO_PLAIN_PORT("tls", "TLS failed: .+"),
        SLOW_DRIP("drip", "timed out after 3 s"),
        ENDLESS_BODY("endless", "body larger than " + FetchSettings.defaults(List.of()).maxBytes() + " bytes"),
        WRONG_CONTENT_LENGTH("short", "connection closed after \\d+ of the \\d+ bytes in Content-Length"),
        HTTP_500("http-500", "HTTP 500 Internal Server Error"),
        HTTP_502("http-502", "HTTP 502 Bad Gateway"),
        HTTP_503("http-503", "HTTP 503 Service Unavailable \\(retry after 2 min\\)"),
        HTTP_429("http-429", "HTTP 429 Too Many Requests \\(retry after 30 s\\)"),
        REDIRECT_LOOP("loop", "redirect loop at http://127\\.0\\.0\\.1:\\d+/feed\\.xml"),
        UNKNOWN_HOST("dns", "unknown host " + Pattern.quote(UNRESOLVABLE));

        final String leaf;
        final Pattern reason;

        Fault(String leaf, String reason) {
            this.leaf = leaf;
            this.reason = Pattern.compile(reason);
        }

        /** Only the drip is cut by the deadline; every other fault shows itself at once. */
        boolean waitsForTheDeadline() {
            return this == SLOW_DRIP;
        }
    }

    @TempDir
    Path dir;

    @TempDir
    Path jvmFiles;

    private final List<Feed> feeds = new ArrayList<>();

    /** One run first, so that the time a fault takes is not that of class loading. */
    @BeforeAll
    static void warmUp(@TempDir Path warmUp) throws IOException {
        try (Feed feed = Feed.healthy("warm-up")) {
            Workspace workspace = new Workspace(warmUp);
            workspace.config("a:\n  b:\n    c: " + feed.url + "\n");
            workspace.write("gleaner.yml", Files.readString(warmUp.resolve("gleaner.yml"))
                    .replace("subscriptions:", "fetch: {allow: [127.0.0.1]}\nsubscriptions:"));
            Workspace.Result result = workspace.run(RUN);
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
    }

    @AfterEach
    void stopServers() {
        feeds.forEach(Feed::close);
    }

    @Test
    void everyFaultFailsOnlyItsOwnFeedInOneRunAndTheNextRunRecovers() throws Exception {
        FaultCertificate certificate = FaultCertificate.create(jvmFiles);
        for (Fault fault : Fault.values()) {
            feeds.add(Feed.faulty(fault));
        }
        feeds.add(Feed.healthy("well-1"));
        feeds.add(Feed.healthy("well-2"));
        Workspace workspace = workspace(feeds);
        List<String> trusting = certificate.trustingJvmOptions();

        // All faults in one pass, fetched together, so that one feed's fault could reach another's.
        // Each run in a JVM of its own, as cron starts it: two faults are mended outside the
        // server, a name that gets an address (a hosts file for the second JVM) and a port that
        // starts speaking TLS (with a certificate both JVMs trust).
        FaultJvm.Result faulty = FaultJvm.gleaner(dir, trusting, CHILD_LIMIT, RUN);

        System.out.printf("network faults, first run: pass %d ms, command %d ms%n",
                passTook(faulty.out()).toMillis(), faulty.elapsed().toMillis());
        assertThat(faulty.finished()).as("%s", faulty).isTrue();
        assertThat(faulty.exitCode()).as("%s", faulty).isZero();
        assertThat(faulty.out()).as("%s", faulty).contains("failed         " + Fault.values().length);
        assertThat(passTook(faulty.out())).as("the pass, fetching concurrently\n%s", faulty)
                .isLessThan(TIMEOUT.plus(SLACK));
        assertThat(faulty.elapsed()).as("the whole command").isLessThan(TIMEOUT.plus(SLACK).plus(JVM_START));
        Map<String, String> reasons = failureLines(faulty.err());
        for (Fault fault : Fault.values()) {
            assertThat(reasons.get(fault.leaf)).as("the reason for %s\n%s", fault, faulty).isNotNull()
                    .matches(fault.reason);
            assertThat(postsOf(workspace, fault.leaf)).as("posts of %s", fault).isEmpty();
        }
        assertThat(reasons).as("failures named on standard error").hasSize(Fault.values().length);
        assertThat(postsOf(workspace, "well-1")).hasSize(1);
        assertThat(postsOf(workspace, "well-2")).hasSize(1);
        assertThat(feedOf(Fault.UNKNOWN_HOST).server().connections()).as("connections to the unresolvable name's port")
                .isZero();
        Map<String, JsonNode> failing = status(workspace);
        for (Fault fault : Fault.values()) {
            JsonNode row = failing.get(PARENT + fault.leaf);
            assertThat(row.get("consecutiveFailures").asInt()).as("%s", row).isEqualTo(1);
            assertThat(row.get("lastError").asText()).as("%s", row).matches(fault.reason);
        }
        assertThat(failing.get(PARENT + "well-1").get("lastError").isNull()).isTrue();
        assertThat(failing.get(PARENT + "well-2").get("lastSuccess").isNull()).isFalse();

        for (Feed feed : feeds) {
            feed.heal(certificate);
        }
        Path hosts = Files.writeString(jvmFiles.resolve("hosts"),
                "127.0.0.1 " + UNRESOLVABLE + "\n127.0.0.1 localhost\n");
        List<String> healed = new ArrayList<>(trusting);
        healed.add("-Djdk.net.hosts.file=" + hosts);

        FaultJvm.Result recovered = FaultJvm.gleaner(dir, healed, CHILD_LIMIT, RUN);

        System.out.printf("network faults, second run: pass %d ms, command %d ms%n",
                passTook(recovered.out()).toMillis(), recovered.elapsed().toMillis());
        assertThat(recovered.exitCode()).as("%s", recovered).isZero();
        assertThat(recovered.out()).as("%s", recovered).contains("failed         0");
        assertThat(failureLines(recovered.err())).as("%s", recovered).isEmpty();
        for (Fault fault : Fault.values()) {
            assertThat(postsOf(workspace, fault.leaf)).as("posts of %s after it recovered\n%s", fault, recovered)
                    .hasSize(1);
        }
        assertThat(postsOf(workspace, "well-1")).as("a post is written once").hasSize(1);
        Map<String, JsonNode> healthy = status(workspace);
        assertThat(healthy).hasSize(feeds.size());
        assertThat(healthy.values()).allSatisfy(row -> {
            assertThat(row.get("consecutiveFailures").asInt()).as("%s", row).isZero();
            assertThat(row.get("lastError").isNull()).as("%s", row).isTrue();
            assertThat(row.get("lastSuccess").isNull()).as("%s", row).isFalse();
        });
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void eachFaultAloneFailsItsFeedWithItsReasonWithinTheDeadline(Fault fault) throws Exception {
        feeds.add(Feed.faulty(fault));
        feeds.add(Feed.healthy("well-1"));
        Workspace workspace = workspace(feeds);

        Workspace.Result result = workspace.run(RUN);

        Duration took = passTook(result.out());
        System.out.printf("network fault %s: %s (pass %d ms)%n", fault, failureLines(result.err()).get(fault.leaf),
                took.toMillis());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(failureLines(result.err())).as(result.err()).containsOnlyKeys(fault.leaf);
        assertThat(failureLines(result.err()).get(fault.leaf)).matches(fault.reason);
        exactReason(fault).ifPresent(
                reason -> assertThat(failureLines(result.err())).containsEntry(fault.leaf, reason));
        assertThat(postsOf(workspace, "well-1")).hasSize(1);
        if (fault.waitsForTheDeadline()) {
            assertThat(took).isBetween(TIMEOUT, TIMEOUT.plus(SLACK));
        } else {
            assertThat(took).as("a fault that shows itself at once").isLessThan(TIMEOUT);
        }
    }

    /** Where the reason counts bytes, the counts are those the server sent and announced. */
    private static Optional<String> exactReason(Fault fault) {
        int length = documentOf(fault.leaf).getBytes(UTF_8).length;
        return switch (fault) {
            case RESET_MID_BODY -> Optional.of("connection reset after " + resetAfter(documentOf(fault.leaf)).length
                    + " of the " + length + " bytes in Content-Length");
            case WRONG_CONTENT_LENGTH -> Optional.of("connection closed after " + length + " of the " + (length + 1000)
                    + " bytes in Content-Length");
            default -> Optional.empty();
        };
    }

    /** The part of a document sent before the connection is reset. */
    private static byte[] resetAfter(String document) {
        return document.substring(0, document.length() / 2).getBytes(UTF_8);
    }

    // ---------------------------------------------------------------------------------------------

    /** A workspace whose subscriptions are these feeds, under {@value #PARENT}, with a short deadline. */
    private Workspace workspace(List<Feed> subscribed) {
        Workspace workspace = new Workspace(dir);
        String leaves = subscribed.stream().map(feed -> "    " + feed.leaf + ": " + feed.url + "\n")
                .collect(Collectors.joining());
        workspace.loopbackConfig(TIMEOUT, "网络:\n  故障:\n" + leaves);
        return workspace;
    }

    private Feed feedOf(Fault fault) {
        return feeds.stream().filter(feed -> feed.fault == fault).findFirst().orElseThrow();
    }

    /** The posts written for one feed of the matrix. */
    private static List<Path> postsOf(Workspace workspace, String leaf) throws IOException {
        Path folder = workspace.posts().resolve(PARENT + leaf);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".md")).toList();
        }
    }

    /** Leaf to reason, from the lines {@code gleaner: PATH: REASON} on standard error. */
    private static Map<String, String> failureLines(String err) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Matcher line = FAILURE_LINE.matcher(err);
        while (line.find()) {
            assertThat(reasons.put(line.group(1), line.group(2))).as("a second line for %s", line.group(1)).isNull();
        }
        return reasons;
    }

    /** How long the pass took, from the summary's {@code N feeds in S s}. */
    private static Duration passTook(String out) {
        Matcher took = PASS_TOOK.matcher(out);
        assertThat(took.find()).as("a summary in\n%s", out).isTrue();
        return Duration.ofMillis(Math.round(Double.parseDouble(took.group(2)) * 1000));
    }

    /** Path to row, from {@code gleaner status --json}. */
    private static Map<String, JsonNode> status(Workspace workspace) throws IOException {
        Workspace.Result status = workspace.run("status", "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (String line : status.out().lines().toList()) {
            JsonNode row = json.readTree(line);
            rows.put(row.get("path").asText(), row);
        }
        return rows;
    }

    /** A feed of this leaf's own: one item, titled after it. */
    private static String documentOf(String leaf) {
        return RssDocument.channel(leaf, "https://example.org/" + leaf)
                .item(leaf + " 的第一条", "<p>" + leaf + "</p>", "Mon, 01 Jan 2024 08:00:00 GMT",
                        "https://example.org/" + leaf + "/1")
                .xml();
    }

    /** One subscription of the matrix: its URL, the server behind it, and how the fault is mended. */
    private static final class Feed implements AutoCloseable {
        final String leaf;
        final @Nullable Fault fault;
        final String url;
        private final int port;
        private @Nullable FaultServer server;

        private Feed(String leaf, @Nullable Fault fault, String url, int port, @Nullable FaultServer server) {
            this.leaf = leaf;
            this.fault = fault;
            this.url = url;
            this.port = port;
            this.server = server;
        }

        static Feed healthy(String leaf) throws IOException {
            FaultServer server = FaultServer.start(FaultAnswers.feed(documentOf(leaf)));
            return new Feed(leaf, null, server.url("/feed.xml"), server.port(), server);
        }

        static Feed faulty(Fault fault) throws IOException {
            String document = documentOf(fault.leaf);
            if (fault == Fault.CONNECTION_REFUSED) {
                int port = FaultServer.closedPort();
                return new Feed(fault.leaf, fault, "http://127.0.0.1:" + port + "/feed.xml", port, null);
            }
            FaultServer.Answer answer = switch (fault) {
                case RESET_MID_BODY -> FaultAnswers.resetMidBody(
                        new String(resetAfter(document), UTF_8), document.getBytes(UTF_8).length);
                case SLOW_DRIP -> FaultAnswers.drip(document, Duration.ofMillis(100));
                case ENDLESS_BODY -> FaultAnswers.endlessBody();
                case WRONG_CONTENT_LENGTH -> FaultAnswers.shortBody(document, document.getBytes(UTF_8).length + 1000);
                case HTTP_500 -> FaultAnswers.status(500);
                case HTTP_502 -> FaultAnswers.status(502);
                case HTTP_503 -> FaultAnswers.status(503, "Retry-After: 120");
                case HTTP_429 -> FaultAnswers.status(429, "Retry-After: 30");
                case REDIRECT_LOOP -> FaultAnswers.redirectLoop();
                // the fault is not the server's: it would answer, could it be reached
                case TLS_TO_PLAIN_PORT, UNKNOWN_HOST, CONNECTION_REFUSED -> FaultAnswers.feed(document);
            };
            FaultServer server = FaultServer.start(answer);
            String url = switch (fault) {
                case TLS_TO_PLAIN_PORT -> "https://127.0.0.1:" + server.port() + "/feed.xml";
                case UNKNOWN_HOST -> "http://" + UNRESOLVABLE + ":" + server.port() + "/feed.xml";
                default -> server.url("/feed.xml");
            };
            return new Feed(fault.leaf, fault, url, server.port(), server);
        }

        FaultServer server() {
            if (server == null) {
                throw new IllegalStateException(leaf + " has no server");
            }
            return server;
        }

        /** Makes the fault go away: the server behaves, listens, or speaks TLS on its port. */
        void heal(FaultCertificate certificate) throws IOException, GeneralSecurityException {
            if (fault == null) {
                return;
            }
            FaultServer.Answer healthy = FaultAnswers.feed(documentOf(leaf));
            switch (fault) {
                case CONNECTION_REFUSED -> server = FaultServer.startOn(port, healthy);
                case TLS_TO_PLAIN_PORT -> server().acceptTls(certificate.serverContext());
                // the name gets its address from the hosts file of the next run
                case UNKNOWN_HOST -> {
                }
                default -> server().answer(healthy);
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
