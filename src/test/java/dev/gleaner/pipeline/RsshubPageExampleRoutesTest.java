package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.fetch.FetchSettings;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.fetch.RsshubInstance;
import dev.gleaner.fetch.RsshubRoutes;
import dev.gleaner.testing.RealRsshub;
import dev.gleaner.testing.RsshubPageExample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * examples/rsshub-page.yml against the route table of a real, current RSSHub on loopback: the route
 * check finds every route of the example served, and none of the routes it replaced or removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RsshubPageExampleRoutesTest {
    private static final String KEY = "gleaner-example-key";

    private final RsshubPageExample example = RsshubPageExample.read();
    private RealRsshub rsshub;
    private RsshubInstance instance;
    private Fetcher fetcher;

    @BeforeAll
    void start() throws Exception {
        rsshub = RealRsshub.start(Map.of("ACCESS_KEY", KEY));
        instance = new RsshubInstance(rsshub.url(), Optional.of(KEY));
        fetcher = new Fetcher(FetchSettings.defaults(List.of()).withRsshub(List.of(instance))
                .withAllowed(List.of("127.0.0.1")));
    }

    @AfterAll
    void stop() throws Exception {
        if (fetcher != null) {
            fetcher.close();
        }
        if (rsshub != null) {
            rsshub.close();
        }
    }

    @Test
    void theRouteCheckFindsEveryRouteOfTheExampleServed() {
        RouteCheck.Report report = new RouteCheck(fetcher, List.of(instance)).check(example.config().subscriptions());

        assertThat(report.unreachable()).isEmpty();
        assertThat(report.tables()).containsOnlyKeys(rsshub.url());
        assertThat(report.checked()).isEqualTo(example.config().subscriptions().size());
        assertThat(report.missing()).as("routes of the example that RSSHub does not serve").isEmpty();
    }

    @Test
    void theRoutesItReplacedOrRemovedAreNotServed() throws Exception {
        RsshubRoutes routes = fetcher.rsshubRoutes(instance);

        assertThat(example.moved().values()).as("routes named by `# was`").isNotEmpty().noneMatch(routes::serves);
        assertThat(example.removed().keySet()).as("routes listed as removed").isNotEmpty().noneMatch(routes::serves);
    }
}
