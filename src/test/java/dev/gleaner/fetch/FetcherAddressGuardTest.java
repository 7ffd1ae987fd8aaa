package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a fetch refuses to reach inside the network (SSRF): loopback, private and other internal
 * addresses, by literal, by name or by redirect, unless the settings allow them.
 */
class FetcherAddressGuardTest {
    /** Where the test servers listen, by name. */
    private static final Map<String, List<String>> LOCALHOST = Map.of("localhost", List.of("127.0.0.1"));

    private final MockWebServer server = new MockWebServer();
    private Fetcher fetcher;

    @BeforeEach
    void startOnIpv4Loopback() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        if (fetcher != null) {
            fetcher.close();
        }
        server.close();
    }

    private Fetcher fetcherAllowing(String... allowed) {
        fetcher = new Fetcher(TestSettings.allowing(List.of(allowed)));
        return fetcher;
    }

    private Fetcher fetcherResolving(Map<String, List<String>> names, String... allowed) {
        fetcher = new Fetcher(TestSettings.allowing(List.of(allowed)), host -> addresses(names, host),
                InstantSource.system());
        return fetcher;
    }

    private static InetAddress[] addresses(Map<String, List<String>> names, String host) throws UnknownHostException {
        List<String> literals = names.get(host);
        if (literals == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[literals.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = InetAddress.getByName(literals.get(i));
        }
        return addresses;
    }

    private static MockResponse feed() {
        return new MockResponse.Builder().body("<rss/>").build();
    }

    @Nested
    class WhenTheUrlNamesAnInternalAddress {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:{port}/feed.xml          | 127.0.0.1 is a loopback address",
            "http://127.8.9.10/feed.xml                | 127.8.9.10 is a loopback address",
            "http://[::1]:{port}/feed.xml              | ::1 is a loopback address",
            "http://10.0.0.1/feed.xml                  | 10.0.0.1 is a private address",
            "http://172.16.5.4/feed.xml                | 172.16.5.4 is a private address",
            "http://192.168.1.1/feed.xml               | 192.168.1.1 is a private address",
            "http://169.254.169.254/latest/meta-data/  | 169.254.169.254 is a link-local address",
            "http://100.64.0.1/feed.xml                | 100.64.0.1 is a shared (CGNAT) address",
            "http://0.0.0.0:{port}/feed.xml            | 0.0.0.0 is an unspecified address",
            "http://[::]/feed.xml                      | :: is an unspecified address",
            "http://224.0.0.1/feed.xml                 | 224.0.0.1 is a multicast address",
            "http://[ff02::1]/feed.xml                 | ff02::1 is a multicast address",
            "http://[fe80::1]/feed.xml                 | fe80::1 is a link-local address",
            "http://[fd00::1]/feed.xml                 | fd00::1 is a unique-local address",
            "http://[::ffff:127.0.0.1]:{port}/feed.xml | ::ffff:127.0.0.1 is a loopback address",
            "http://[::ffff:a9fe:a9fe]/feed.xml        | ::ffff:a9fe:a9fe is a link-local address",
            "https://10.1.2.3/feed.xml                 | 10.1.2.3 is a private address",
        })
        void refusesItAndSaysHowToAllowIt(String url, String why) {
            String target = url.replace("{port}", String.valueOf(server.getPort()));

            FetchException failure = FetchFailures.failureOf(fetcherAllowing(), target);

            assertThat(failure.reason()).isEqualTo("refused: " + why + " (allow it with fetch.allow)");
            assertThat(failure.url()).isEqualTo(target);
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void fetchesItWhenTheAddressIsAllowed() throws Exception {
            server.enqueue(feed());

            FetchOutcome outcome = fetcherAllowing("127.0.0.1").fetch(FetchRequest.of(server.url("/").toString()
                    .replace(server.getHostName(), "127.0.0.1")));

            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        }

        @Test
        void fetchesItWhenACidrBlockHoldsIt() throws Exception {
            server.enqueue(feed());

            FetchOutcome outcome = fetcherAllowing("10.0.0.0/8", "127.0.0.0/8")
                    .fetch(FetchRequest.of("http://127.0.0.1:" + server.getPort() + "/feed.xml"));

            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        }

        @Test
        void fetchesTheIpv4MappedFormWhenTheIpv4BlockIsAllowed() throws Exception {
            server.enqueue(feed());

            FetchOutcome outcome = fetcherAllowing("127.0.0.0/8")
                    .fetch(FetchRequest.of("http://[::ffff:127.0.0.1]:" + server.getPort() + "/feed.xml"));

            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        }

        @Test
        void refusesAnAddressJustOutsideTheAllowedBlock() {
            FetchException failure = FetchFailures.failureOf(fetcherAllowing("192.168.1.0/24"), "http://192.168.2.1/");

            assertThat(failure.reason()).startsWith("refused: 192.168.2.1 is a private address");
        }
    }

    @Nested
    class WhenANameResolvesInside {
        @Test
        void refusesItWithoutConnecting() {
            fetcherResolving(Map.of("intranet.example", List.of("127.0.0.1")));

            FetchException failure = FetchFailures.failureOf(fetcher,
                    "http://intranet.example:" + server.getPort() + "/feed.xml");

            assertThat(failure.reason())
                    .isEqualTo("refused: intranet.example resolves to 127.0.0.1, a loopback address (allow it with fetch.allow)");
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void refusesItWhenAnyOfItsAddressesIsInside() {
            fetcherResolving(Map.of("mixed.example", List.of("93.184.216.34", "10.0.0.7")));

            FetchException failure = FetchFailures.failureOf(fetcher, "http://mixed.example/feed.xml");

            assertThat(failure.reason()).startsWith("refused: mixed.example resolves to 10.0.0.7, a private address");
        }

        @Test
        void refusesAnIpv6NameInsideToo() {
            fetcherResolving(Map.of("v6.example", List.of("fd12:3456::1")));

            FetchException failure = FetchFailures.failureOf(fetcher, "https://v6.example/feed.xml");

            assertThat(failure.reason()).startsWith("refused: v6.example resolves to fd12:3456::1, a unique-local address");
        }

        @Test
        void fetchesItWhenTheNameIsAllowed() throws Exception {
            server.enqueue(feed());
            fetcherResolving(LOCALHOST, "localhost");

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of("http://localhost:" + server.getPort() + "/feed.xml"));

            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        }

        @Test
        void fetchesItWhenAWildcardNamesItsDomain() throws Exception {
            server.enqueue(feed());
            fetcherResolving(Map.of("nas.lan", List.of("127.0.0.1")), "*.lan", "127.0.0.1");

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of("http://nas.lan:" + server.getPort() + "/feed.xml"));

            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        }

        @Test
        void connectsToTheAddressItCheckedAndNamesTheHost() throws Exception {
            // the system cannot resolve feeds.example: the request can only arrive if it was sent
            // to the address the injected resolver gave, with the name in the Host header
            server.enqueue(feed());
            fetcherResolving(Map.of("feeds.example", List.of("127.0.0.1")), "127.0.0.1");

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of("http://feeds.example:" + server.getPort() + "/a b"));

            RecordedRequest request = server.takeRequest();
            assertThat(request.getHeaders().values("Host")).containsExactly("feeds.example:" + server.getPort());
            assertThat(request.getTarget()).isEqualTo("/a%20b");
            assertThat(outcome.source()).isEqualTo("http://feeds.example:" + server.getPort() + "/a%20b");
        }

        @Test
        void resolvesOnceSoThatARebindingNameCannotSlipInside() throws Exception {
            // a hostile name answers with an allowed address first and an internal one after
            AtomicInteger lookups = new AtomicInteger();
            server.enqueue(feed());
            fetcher = new Fetcher(TestSettings.allowing(List.of("127.0.0.1")), host -> {
                String address = lookups.incrementAndGet() == 1 ? "127.0.0.1" : "10.0.0.1";
                return new InetAddress[] {InetAddress.getByName(address)};
            }, InstantSource.system());

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of("http://rebind.example:" + server.getPort() + "/"));

            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
            assertThat(lookups).hasValue(1);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void saysWhenTheNameHasNoAddress() {
            fetcherResolving(Map.of());

            FetchException failure = FetchFailures.failureOf(fetcher, "http://nowhere.example/feed.xml");

            assertThat(failure.reason()).isEqualTo("unknown host nowhere.example");
        }
    }

    @Nested
    class WhenARedirectLeadsInside {
        @Test
        void refusesTheRedirectFromAnAllowedServer() throws Exception {
            try (MockWebServer inside = new MockWebServer()) {
                inside.start(InetAddress.getByName("127.0.0.1"), 0);
                inside.enqueue(feed());
                String target = "http://127.0.0.1:" + inside.getPort() + "/secret";
                server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", target).build());
                fetcherResolving(LOCALHOST, "localhost");
                String url = "http://localhost:" + server.getPort() + "/feed.xml";

                FetchException failure = FetchFailures.failureOf(fetcher, url);

                assertThat(failure.reason())
                        .isEqualTo("refused: 127.0.0.1 is a loopback address (allow it with fetch.allow)");
                assertThat(failure.url()).isEqualTo(url);
                assertThat(server.getRequestCount()).isEqualTo(1);
                assertThat(inside.getRequestCount()).isZero();
            }
        }

        @Test
        void refusesARedirectToANameThatResolvesInside() throws Exception {
            server.enqueue(new MockResponse.Builder().code(301)
                    .addHeader("Location", "http://metadata.example/latest").build());
            fetcherResolving(Map.of("localhost", List.of("127.0.0.1"), "metadata.example", List.of("169.254.169.254")),
                    "localhost");

            FetchException failure = FetchFailures.failureOf(fetcher, "http://localhost:" + server.getPort() + "/");

            assertThat(failure.reason()).startsWith("refused: metadata.example resolves to 169.254.169.254");
        }
    }

    @Nested
    class WhenFilesAreNotAllowed {
        @Test
        void refusesAFileUrl() {
            fetcher = new Fetcher(TestSettings.quick().withAllowFiles(false));

            FetchException failure = FetchFailures.failureOf(fetcher, "file:///etc/passwd");

            assertThat(failure.reason()).isEqualTo("refused: file: URLs are not allowed here");
        }
    }

    @Nested
    class WhenTheAllowListIsWritten {
        @ParameterizedTest(name = "{0}")
        @CsvSource({"nas.lan", "*.lan", "NAS.Lan.", "192.168.1.20", "::1", "[::1]", "10.0.0.0/8", "fd00::/8",
            "127.0.0.1/32"})
        void acceptsNamesAddressesAndBlocks(String entry) {
            assertThat(TestSettings.allowing(List.of(entry)).allowed()).containsExactly(entry);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"'http://nas.lan/'", "10.0.0.0/33", "10.0.0.0/x", "'nas lan'", "*", "''"})
        void rejectsAnythingElseNamingTheEntry(String entry) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> TestSettings.allowing(List.of(entry)))
                    .withMessageContaining("'" + entry + "'");
            assertThat(FetchSettings.allowProblem(entry))
                    .hasValueSatisfying(problem -> assertThat(problem).contains("'" + entry + "'"));
        }
    }

    @Nested
    class WhenTheUrlIsHttps {
        @Test
        void keepsTheNameForTheCertificateCheck() throws Exception {
            AddressGuard guard = new AddressGuard(AllowList.of(List.of()),
                    host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")}, true);
            URI uri = URI.create("https://feeds.example/feed.xml");

            AddressGuard.Destination destination = guard.check(uri.toString(), uri);

            assertThat(destination.connect()).isEqualTo(uri);
            assertThat(destination.hostHeader()).isEmpty();
        }

        @Test
        void pinsPlainHttpToTheCheckedAddress() throws Exception {
            AddressGuard guard = new AddressGuard(AllowList.of(List.of()),
                    host -> new InetAddress[] {InetAddress.getByName("2606:2800:220:1::1")}, true);
            URI uri = URI.create("http://feeds.example/feed.xml?a=%E6%98%A5");

            AddressGuard.Destination destination = guard.check(uri.toString(), uri);

            assertThat(destination.connect()).hasToString("http://[2606:2800:220:1::1]/feed.xml?a=%E6%98%A5");
            assertThat(destination.hostHeader()).contains("feeds.example");
        }
    }
}
