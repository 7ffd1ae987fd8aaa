package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.RealRsshub;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An older, Koa-based RSSHub build on loopback, which answers 200 whenever If-Modified-Since comes
 * beside If-None-Match: an unchanged feed still costs a 304, and a fetcher that was asking both
 * ways finds the way this server honours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RsshubOlderBuildLiveTest {
    private RealRsshub rsshub;
    private Fetcher fetcher;

    @BeforeAll
    void start() throws Exception {
        rsshub = RealRsshub.start(RealRsshub.Build.OLDER, Map.of());
        fetcher = new Fetcher(TestSettings.quick().withRsshub(List.of(RsshubInstance.of(rsshub.url()))));
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

    private FetchOutcome again(FetchOutcome last, FetchOutcome.Fetched body) throws FetchException {
        return fetcher.fetch(new FetchRequest("rsshub://test/1", last.validators(), Optional.of(body.bodyHash()),
                last.instance()));
    }

    @Test
    void anUnchangedFeedCostsA304() throws Exception {
        FetchOutcome.Fetched first = (FetchOutcome.Fetched) fetcher.fetch(FetchRequest.of("rsshub://test/1"));

        FetchOutcome second = again(first, first);

        assertThat(first.validators().etag()).isPresent();
        assertThat(first.validators().lastModified()).isPresent();
        assertThat(((FetchOutcome.NotModified) second).revalidated()).isTrue();
    }

    @Test
    void askingWithBothValidatorsGetsTheBodyOnceThenTheWayThatWorks() throws Exception {
        FetchOutcome.Fetched first = (FetchOutcome.Fetched) fetcher.fetch(FetchRequest.of("rsshub://test/1"));
        FetchOutcome.Fetched askingBoth = new FetchOutcome.Fetched(first.source(), first.body(), first.charset(),
                first.validators().askedBy(Revalidation.BOTH), first.bodyHash(), first.freshFor(), first.instance());

        FetchOutcome resent = again(askingBoth, first);
        FetchOutcome next = again(resent, first);

        assertThat(((FetchOutcome.NotModified) resent).revalidated()).as("200 for both headers").isFalse();
        assertThat(resent.validators().revalidation()).isNotEqualTo(Revalidation.BOTH);
        assertThat(((FetchOutcome.NotModified) next).revalidated()).as("then a 304").isTrue();
    }
}
