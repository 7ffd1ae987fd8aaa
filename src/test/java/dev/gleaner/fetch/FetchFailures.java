package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Runs a fetch that ought to fail and hands back its failure; a fetch that succeeds fails the test. */
final class FetchFailures {
    private FetchFailures() {
    }

    static FetchException failureOf(Fetcher fetcher, String url) {
        return assertThatExceptionOfType(FetchException.class)
                .as("fetch of %s", url)
                .isThrownBy(() -> fetcher.fetch(FetchRequest.of(url)))
                .actual();
    }
}
