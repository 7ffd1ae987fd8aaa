package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conditional GET against servers with the validator quirks real servers have: each unchanged feed
 * must come back as a {@code 304}, at once where a well-formed request can get one, else after the
 * fewest full answers, and then on every later fetch.
 *
 * <p>The servers are loopback servers that answer as the named ones do; the real RSSHub is fetched
 * in {@code RsshubLiveTest}.
 */
class ConditionalGetTest {
    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final String DATE = "Sat, 21 May 2022 06:05:19 GMT";

    /** A server's quirk: the headers it sends with a feed, and whether a request gets a 304 from it. */
    enum Quirk {
        /** RSSHub: a weak ETag on a compressed answer, compared strictly with the strong one. */
        WEAK_ETAG_COMPARED_STRONG(0, n -> List.of("ETag", "W/\"h\""), r -> "\"h\"".equals(r.inm)),
        /** Apache's mod_deflate: {@code -gzip} appended, and only the tag without it matches. */
        GZIP_SUFFIXED_ETAG(0, n -> List.of("ETag", "\"h-gzip\""), r -> "\"h\"".equals(r.inm)),
        /** A server that compares the header with the weak tag it sent, character for character. */
        WEAK_ETAG_COMPARED_AS_SENT(1, n -> List.of("ETag", "W/\"h\""), r -> "W/\"h\"".equals(r.inm)),
        /** Older RSSHub builds: a 200 whenever If-Modified-Since comes beside If-None-Match. */
        DATE_BESIDE_ETAG_REFUSED(0, n -> List.of("ETag", "\"h\"", "Last-Modified", DATE),
                r -> r.ims == null && "\"h\"".equals(r.inm)),
        /** A static file server that gives dates only. */
        DATES_ONLY(0, n -> List.of("Last-Modified", DATE), r -> DATE.equals(r.ims)),
        /** An application that gives ETags only. */
        ETAGS_ONLY(0, n -> List.of("ETag", "\"h\""), r -> "\"h\"".equals(r.inm)),
        /** Nodes behind a balancer, each with its own ETag, and one date. */
        ETAG_PER_NODE(1, n -> List.of("ETag", "\"node" + (n % 2) + "\"", "Last-Modified", DATE),
                r -> r.inm == null && DATE.equals(r.ims)),
        /** A server that honours dates only when the ETag comes too. */
        DATE_WITH_ETAG_ONLY(3, n -> List.of("ETag", "W/\"n" + n + "\"", "Last-Modified", DATE),
                r -> r.inm != null && DATE.equals(r.ims));

        final int fullAnswersBeforeA304;
        final Function<Integer, List<String>> headers;
        final Function<Conditions, Boolean> notModified;

        Quirk(int fullAnswersBeforeA304, Function<Integer, List<String>> headers,
                Function<Conditions, Boolean> notModified) {
            this.fullAnswersBeforeA304 = fullAnswersBeforeA304;
            this.headers = headers;
            this.notModified = notModified;
        }
    }

    /** The conditional headers of one request. */
    record Conditions(String inm, String ims) {
    }

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final Fetcher fetcher = new Fetcher(TestSettings.quick());

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    @ParameterizedTest
    @EnumSource(Quirk.class)
    void everyUnchangedFeedEndsAsA304(Quirk quirk) throws Exception {
        serve(quirk);
        List<FetchOutcome> outcomes = fetchRepeatedly(8);

        assertThat(outcomes.get(0)).isInstanceOf(FetchOutcome.Fetched.class);
        List<Boolean> revalidated = outcomes.subList(1, outcomes.size()).stream()
                .map(outcome -> ((FetchOutcome.NotModified) outcome).revalidated()).toList();
        List<Boolean> expected = new ArrayList<>();
        for (int i = 0; i < revalidated.size(); i++) {
            expected.add(i >= quirk.fullAnswersBeforeA304);
        }
        assertThat(revalidated).as("after the first fetch: a 304 (true) or the same body sent again (false)")
                .isEqualTo(expected);
    }

    @Test
    void aServerThatHonoursNothingIsStillToldUnchangedByTheBody() throws Exception {
        AtomicInteger answers = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                answers.incrementAndGet();
                return new MockResponse.Builder().addHeader("ETag", "W/\"h\"").addHeader("Last-Modified", DATE)
                        .body(FEED).build();
            }
        });

        List<FetchOutcome> outcomes = fetchRepeatedly(6);

        assertThat(outcomes.subList(1, 6)).allSatisfy(outcome ->
                assertThat(((FetchOutcome.NotModified) outcome).revalidated()).isFalse());
        assertThat(answers).hasValue(6);
    }

    @Test
    void aChangedFeedKeepsTheWayThatWorked() throws Exception {
        AtomicInteger version = new AtomicInteger(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String tag = "W/\"v" + version.get() + "\"";
                if (tag.equals(request.getHeaders().get("If-None-Match"))) {
                    return new MockResponse.Builder().code(304).addHeader("ETag", tag).build();
                }
                return new MockResponse.Builder().addHeader("ETag", tag).body(FEED + version.get()).build();
            }
        });
        List<FetchOutcome> before = fetchRepeatedly(3);
        assertThat(before.get(1).validators().revalidation()).isEqualTo(Revalidation.ETAG_AS_GIVEN);

        version.set(2);
        FetchOutcome changed = fetcher.fetch(next(before.get(2), before.get(0)));
        FetchOutcome after = fetcher.fetch(next(changed, changed));

        assertThat(changed).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(changed.validators().revalidation()).isEqualTo(Revalidation.ETAG_AS_GIVEN);
        assertThat(((FetchOutcome.NotModified) after).revalidated()).isTrue();
    }

    @Test
    void theBareTagDropsTheWeakMarkAndCompressionSuffixes() {
        assertThat(Revalidation.bare("W/\"abc\"")).isEqualTo("\"abc\"");
        assertThat(Revalidation.bare("\"abc-gzip\"")).isEqualTo("\"abc\"");
        assertThat(Revalidation.bare("\"abc--gzip\"")).isEqualTo("\"abc\"");
        assertThat(Revalidation.bare("W/\"abc-br\"")).isEqualTo("\"abc\"");
        assertThat(Revalidation.bare("\"abc\"")).isEqualTo("\"abc\"");
        assertThat(Revalidation.bare("unquoted")).isEqualTo("\"unquoted\"");
        assertThat(Revalidation.bare("\"-gzip\"")).isEqualTo("\"-gzip\"");
    }

    private void serve(Quirk quirk) {
        AtomicInteger answers = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int n = answers.getAndIncrement();
                List<String> headers = quirk.headers.apply(n);
                MockResponse.Builder response = new MockResponse.Builder();
                for (int i = 0; i < headers.size(); i += 2) {
                    response.addHeader(headers.get(i), headers.get(i + 1));
                }
                Conditions conditions = new Conditions(request.getHeaders().get("If-None-Match"),
                        request.getHeaders().get("If-Modified-Since"));
                return quirk.notModified.apply(conditions) ? response.code(304).build() : response.body(FEED).build();
            }
        });
    }

    /** Fetches the feed {@code times} times, each fetch sending what the one before left, as a pass does. */
    private List<FetchOutcome> fetchRepeatedly(int times) throws Exception {
        List<FetchOutcome> outcomes = new ArrayList<>();
        FetchOutcome last = fetcher.fetch(FetchRequest.of(server.url("/feed").toString()));
        FetchOutcome firstBody = last;
        outcomes.add(last);
        for (int i = 1; i < times; i++) {
            last = fetcher.fetch(next(last, firstBody));
            outcomes.add(last);
        }
        return outcomes;
    }

    /** The request after {@code last}, remembering the hash of {@code body} as the store would. */
    private FetchRequest next(FetchOutcome last, FetchOutcome body) {
        String hash = ((FetchOutcome.Fetched) body).bodyHash();
        return new FetchRequest(Objects.requireNonNull(last.source()), last.validators(), Optional.of(hash),
                Optional.empty());
    }
}
