package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gleaner.model.Feed;
import dev.gleaner.parse.FeedDocument;
import dev.gleaner.parse.FeedParseException;
import dev.gleaner.parse.FeedParser;
import dev.gleaner.testing.RealRsshub;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fetching from a real RSSHub on loopback, through its offline {@code test/*} routes, with an
 * access key: conditional GET, keys and codes, redirects, errors and formats as RSSHub really
 * serves them. What a real instance cannot be made to do (a 429, a hang) stays with the loopback
 * servers of the other tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RsshubLiveTest {
    private static final String KEY = "gleaner-test-key";

    private RealRsshub rsshub;

    @BeforeAll
    void start() throws Exception {
        rsshub = RealRsshub.start(Map.of("ACCESS_KEY", KEY));
    }

    @AfterAll
    void stop() throws Exception {
        if (rsshub != null) {
            rsshub.close();
        }
    }

    /** Loopback allowed, short timeouts, and room for the route table (some 4 MB). */
    private Fetcher fetcher(RsshubInstance... instances) {
        return new Fetcher(TestSettings.withMaxBytes(32L << 20).withRsshub(List.of(instances)));
    }

    private RsshubInstance keyed() {
        return new RsshubInstance(rsshub.url(), Optional.of(KEY));
    }

    private RsshubInstance coded() {
        return new RsshubInstance(rsshub.url(), Optional.of(KEY), true);
    }

    private static Feed parse(FetchOutcome outcome) throws FeedParseException {
        FetchOutcome.Fetched fetched = (FetchOutcome.Fetched) outcome;
        return FeedParser.standard().parse(new FeedDocument(fetched.source(), fetched.body(), fetched.charset()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"test/1", "test/1?format=atom", "test/1?format=json", "test/complicated", "test/mess", "test/filter",
        "test/long", "test/multimedia", "test/sort?sorted=false"})
    void anUnchangedRouteCostsA304(String route) throws Exception {
        try (Fetcher fetcher = fetcher(coded())) {
            FetchOutcome first = fetcher.fetch(FetchRequest.of("rsshub://" + route));
            FetchOutcome second = fetcher.fetch(new FetchRequest("rsshub://" + route, first.validators(),
                    Optional.of(((FetchOutcome.Fetched) first).bodyHash()), first.instance()));

            assertThat(parse(first).entries()).isNotEmpty();
            assertThat(second).isInstanceOf(FetchOutcome.NotModified.class);
            assertThat(((FetchOutcome.NotModified) second).revalidated()).as("a real 304").isTrue();
        }
    }

    @Test
    void theCodeOfARouteWithChineseLettersAndAQueryIsTheOneRsshubComputes() throws Exception {
        try (Fetcher fetcher = fetcher(coded())) {
            FetchOutcome outcome = fetcher.fetch(FetchRequest.of("rsshub://test/中文?limit=2"));

            assertThat(parse(outcome).entries()).hasSize(2);
            assertThat(outcome.source()).doesNotContain("code=").doesNotContain(KEY);
        }
    }

    @Test
    void aRefusedKeyIsNamedAsThatInstancesError() {
        try (Fetcher fetcher = fetcher(new RsshubInstance(rsshub.url(), Optional.of("wrong")),
                RsshubInstance.of(rsshub.url() + "/"))) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of("rsshub://test/1")))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("RSSHub instance " + rsshub.url() + " refused its access key")
                    .hasMessageContaining("Authentication failed. Access denied.")
                    .hasMessageNotContaining("no RSSHub instance answered");
        }
    }

    @Test
    void anInstanceThatNeedsAKeyAndHasNoneSaysSo() {
        try (Fetcher fetcher = fetcher(RsshubInstance.of(rsshub.url()))) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of("rsshub://test/1")))
                    .hasMessageContaining("needs an access key, and none is configured");
        }
    }

    @Test
    void aRedirectWithinTheInstanceKeepsTheKeyAndTheCode() throws Exception {
        for (RsshubInstance instance : List.of(keyed(), coded())) {
            try (Fetcher fetcher = fetcher(instance)) {
                FetchOutcome outcome = fetcher.fetch(FetchRequest.of("rsshub://test/redirect"));

                assertThat(outcome.source()).isEqualTo(rsshub.url() + "/test/1");
                assertThat(parse(outcome).title()).isEqualTo("Test 1");
            }
        }
    }

    @Test
    void aRouteThatFailsCarriesRsshubsOwnMessage() {
        try (Fetcher fetcher = fetcher(keyed())) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of("rsshub://test/error")))
                    .isInstanceOfSatisfying(FetchException.class, failure -> {
                        assertThat(failure.reason()).contains("RSSHub error: ");
                        assertThat(failure.status()).hasValue(503);
                    });
        }
    }

    @Test
    void rss3IsRefusedAsJsonThatIsNoJsonFeed() throws Exception {
        try (Fetcher fetcher = fetcher(keyed())) {
            FetchOutcome outcome = fetcher.fetch(FetchRequest.of("rsshub://test/1?format=rss3"));

            assertThatThrownBy(() -> parse(outcome)).isInstanceOf(FeedParseException.class)
                    .hasMessageContaining("JSON, but not a JSON Feed").hasMessageContaining("\"data\"");
        }
    }

    @Test
    void theInstanceDoesTheLimitingAndFiltering() throws Exception {
        try (Fetcher fetcher = fetcher(keyed())) {
            Feed feed = parse(fetcher.fetch(FetchRequest.of("rsshub://test/1?limit=3&filterout=Title2")));

            assertThat(feed.entries()).extracting(entry -> entry.title()).containsExactly("Title1", "Title3", "Title4");
        }
    }

    @Test
    void aFailureNeverShowsTheKey() {
        try (Fetcher fetcher = new Fetcher(TestSettings.quick().withRsshub(List.of(keyed())))) {
            // The route table is larger than this fetcher's 1 MiB: a failure after the key was sent.
            assertThatThrownBy(() -> fetcher.rsshubRoutes(keyed())).isInstanceOf(FetchException.class)
                    .hasMessageContaining("body larger than").hasMessageNotContaining(KEY);
        }
    }

    @Test
    void itsRouteTableNamesWhereTheHotListWent() throws Exception {
        try (Fetcher fetcher = fetcher(keyed())) {
            RsshubRoutes routes = fetcher.rsshubRoutes(keyed());

            assertThat(routes.size()).isGreaterThan(1000);
            assertThat(routes.serves("zhihu/hot")).isTrue();
            assertThat(routes.serves("zhihu/hotlist")).isFalse();
            assertThat(routes.nearest("zhihu/hotlist", 3)).anyMatch(route -> route.startsWith("zhihu/hot"));
        }
    }
}
