package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gleaner.fetch.FetchSettings;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.fetch.HostResolver;
import dev.gleaner.fetch.RsshubInstance;
import dev.gleaner.parse.FeedParser;
import dev.gleaner.pipeline.FeedDiscovery.Candidate;
import dev.gleaner.pipeline.FeedDiscovery.HowFound;
import dev.gleaner.testing.RealRsshub;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Routes found for Zhihu's pages through the Radar rules of a real RSSHub on loopback, with an
 * access code. Zhihu itself is out of reach, as it is wherever the tests run offline: every host
 * name is unknown here, so the routes come from the rules alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedDiscoveryLiveTest {
    private static final String KEY = "gleaner-radar-key";
    private static final HostResolver NO_NAMES = host -> {
        throw new UnknownHostException(host);
    };

    private RealRsshub rsshub;
    private Fetcher fetcher;

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

    @BeforeEach
    void openFetcher() {
        fetcher = new Fetcher(FetchSettings.defaults(List.of()).withTimeout(Duration.ofSeconds(10))
                .withAllowed(List.of("127.0.0.1")), NO_NAMES, InstantSource.system());
    }

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private FeedDiscovery discovery() {
        return new FeedDiscovery(fetcher, FeedParser.standard(),
                List.of(new RsshubInstance(rsshub.url(), Optional.of(KEY), true)));
    }

    @Test
    void aQuestionFindsItsRouteWithoutThePage() throws Exception {
        FeedDiscovery.Result result = discovery().discover("https://www.zhihu.com/question/19550225");

        assertThat(result.candidates())
                .contains(new Candidate("rsshub://zhihu/question/19550225", "问题", "知乎", HowFound.RSSHUB_RADAR))
                .allSatisfy(candidate -> assertThat(candidate.how()).isEqualTo(HowFound.RSSHUB_RADAR));
        assertThat(result.problems()).contains("https://www.zhihu.com/question/19550225: unknown host www.zhihu.com");
    }

    @Test
    void aPersonsPageOffersTheirActivitiesFirst() throws Exception {
        FeedDiscovery.Result result = discovery().discover("https://www.zhihu.com/people/zhang-jia-wei");

        assertThat(result.candidates()).first()
                .isEqualTo(new Candidate("rsshub://zhihu/people/activities/zhang-jia-wei", "用户动态", "知乎",
                        HowFound.RSSHUB_RADAR));
        assertThat(result.candidates()).extracting(Candidate::url).doesNotHaveDuplicates();
    }

    /**
     * The hot list's route, zhihu/hot, has no Radar rule in this RSSHub build (of zhihu.com's rules only
     * "用户文章", {@code /:usertype/:id}, fits /hot, and its route needs an id): the zhihu namespace, whose
     * site is www.zhihu.com, has a route with the page's own path, and that is offered.
     */
    @Test
    void theHotListIsFoundInTheRouteTableOfItsSiteWhereRadarHasNoRule() throws DiscoveryException {
        FeedDiscovery.Result found = discovery().discover("https://www.zhihu.com/hot");

        assertThat(found.candidates()).singleElement().satisfies(candidate -> {
            assertThat(candidate.url()).isEqualTo("rsshub://zhihu/hot");
            assertThat(candidate.title()).isEqualTo("知乎热榜");
            assertThat(candidate.site()).isEqualTo("知乎");
            assertThat(candidate.how()).isEqualTo(FeedDiscovery.HowFound.RSSHUB_ROUTES);
        });
        assertThat(found.problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("RSSHub Radar: the rule \"用户文章\" of 知乎 fits https://www.zhihu.com/hot,"));
        assertThat(String.join("\n", found.problems())).doesNotContain(KEY);
    }

    @Test
    void aSiteTheRulesDoNotKnowGetsNoRoute() {
        assertThatThrownBy(() -> discovery().discover("https://unknown-site.example.org/"))
                .isInstanceOfSatisfying(DiscoveryException.class,
                        e -> assertThat(e.reason()).endsWith("RSSHub Radar offers no route for it"));
    }
}
