package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the host gate spaces fetches: per host, between starts, and over all hosts, without starving anyone. */
class HostGateTest {
    @StartStop
    private final MockWebServer slow = new MockWebServer();

    @StartStop
    private final MockWebServer fast = new MockWebServer();

    private final Fetcher fetcher = new Fetcher(TestSettings.quick());
    private HostGate gate;

    @AfterEach
    void close() {
        if (gate != null) {
            gate.close();
        }
        fetcher.close();
    }

    /**
     * Answers every request after a delay, counting how many requests it is answering at once
     * (over every server it serves) and the most it ever was.
     */
    private static final class CountingDispatcher extends Dispatcher {
        private final long delayMillis;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();

        CountingDispatcher(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(delayMillis);
            } finally {
                inFlight.decrementAndGet();
            }
            return new MockResponse.Builder().body("<rss/>").build();
        }
    }

    private CompletableFuture<FetchOutcome> submitFetch(MockWebServer server, String path) {
        String url = server.url(path).toString();
        return gate.submit(HostGate.hostOf(url, TestSettings.quick()), () -> fetcher.fetch(FetchRequest.of(url)));
    }

    @Nested
    class WhenOneHostIsSlow {
        @Test
        void neverAsksItMoreThanThePerHostLimitAtOnce() {
            gate = new HostGate(2, Duration.ZERO, 16);
            CountingDispatcher counting = new CountingDispatcher(200);
            slow.setDispatcher(counting);

            List<CompletableFuture<FetchOutcome>> fetches = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                fetches.add(submitFetch(slow, "/feed/" + i));
            }
            CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).join();

            assertThat(counting.maxInFlight).hasValue(2);
            assertThat(slow.getRequestCount()).isEqualTo(10);
        }

        @Test
        void letsAnotherHostPassMeanwhile() throws Exception {
            gate = new HostGate(2, Duration.ZERO, 16);
            slow.setDispatcher(new CountingDispatcher(300));
            fast.setDispatcher(new CountingDispatcher(0));
            List<CompletableFuture<FetchOutcome>> slowFetches = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                slowFetches.add(submitFetch(slow, "/feed/" + i));
            }
            long start = System.nanoTime();

            FetchOutcome outcome = submitFetch(fast, "/quick.xml").get(5, TimeUnit.SECONDS);

            // ten slow fetches two at a time take 1.5 s; the fast one waits for none of them
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(800));
            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
            assertThat(slowFetches.stream().filter(f -> !f.isDone()).count()).isGreaterThanOrEqualTo(6);
            CompletableFuture.allOf(slowFetches.toArray(CompletableFuture[]::new)).join();
        }
    }

    @Nested
    class WhenManyHostsAreAsked {
        @Test
        void neverRunsMoreThanTheGlobalLimitAtOnce() {
            gate = new HostGate(2, Duration.ZERO, 3);
            CountingDispatcher counting = new CountingDispatcher(150);
            slow.setDispatcher(counting);
            fast.setDispatcher(counting);

            List<CompletableFuture<FetchOutcome>> fetches = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                fetches.add(submitFetch(slow, "/a/" + i));
                fetches.add(submitFetch(fast, "/b/" + i));
            }
            CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).join();

            assertThat(counting.maxInFlight).hasValue(3);
            assertThat(slow.getRequestCount() + fast.getRequestCount()).isEqualTo(12);
        }

        @Test
        void takesTurnsBetweenHosts() throws Exception {
            gate = new HostGate(1, Duration.ZERO, 1);
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch hold = new CountDownLatch(1);
            CompletableFuture<Void> first = gate.submit("a", () -> {
                hold.await();
                return null;
            });
            List<CompletableFuture<Boolean>> rest = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rest.add(gate.submit("a", () -> order.add("a")));
            }
            rest.add(gate.submit("b", () -> order.add("b")));

            hold.countDown();
            first.get(5, TimeUnit.SECONDS);
            CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

            assertThat(order).containsExactly("b", "a", "a", "a");
        }
    }

    @Nested
    class WhenAHostIsAskedAgainAndAgain {
        @Test
        void spacesTheStartsByTheMinimumGap() {
            Duration gap = Duration.ofMillis(200);
            gate = new HostGate(4, gap, 16);
            slow.setDispatcher(new CountingDispatcher(0));
            List<Long> starts = Collections.synchronizedList(new ArrayList<>());
            String url = slow.url("/feed.xml").toString();

            List<CompletableFuture<FetchOutcome>> fetches = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fetches.add(gate.submit(HostGate.hostOf(url, TestSettings.quick()), () -> {
                    starts.add(System.nanoTime());
                    return fetcher.fetch(FetchRequest.of(url));
                }));
            }
            CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).join();

            // the gate spaces the moments it starts the work; the work notes its start a few
            // microseconds later, which a millisecond of slack covers
            List<Long> sorted = starts.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(Duration.ofNanos(sorted.get(i) - sorted.get(i - 1)))
                        .isGreaterThanOrEqualTo(gap.minusMillis(1));
            }
            assertThat(slow.getRequestCount()).isEqualTo(4);
        }

        @Test
        void waivesTheHostLimitsForFiles() throws Exception {
            gate = new HostGate(1, Duration.ofSeconds(10), 4);
            CountDownLatch allRunning = new CountDownLatch(3);
            List<CompletableFuture<Boolean>> reads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                reads.add(gate.submit(HostGate.FILES, () -> {
                    allRunning.countDown();
                    return allRunning.await(5, TimeUnit.SECONDS);
                }));
            }

            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

            assertThat(reads).allSatisfy(read -> assertThat(read.join()).isTrue());
        }
    }

    @Nested
    class WhenWorkFailsOrIsCancelled {
        @Test
        void handsTheFailureToTheCaller() throws Exception {
            gate = new HostGate(2, Duration.ZERO, 16);
            slow.enqueue(new MockResponse.Builder().code(503).build());

            CompletableFuture<FetchOutcome> fetch = submitFetch(slow, "/feed.xml");

            assertThat(fetch).failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(FetchException.class)
                    .withMessageEndingWith("HTTP 503 Service Unavailable");
            // the slot is free again
            slow.enqueue(new MockResponse.Builder().body("<rss/>").build());
            assertThat(submitFetch(slow, "/feed.xml").get(5, TimeUnit.SECONDS)).isInstanceOf(FetchOutcome.Fetched.class);
        }

        @Test
        void neverRunsWorkCancelledWhileItWaited() throws Exception {
            gate = new HostGate(1, Duration.ZERO, 1);
            CountDownLatch hold = new CountDownLatch(1);
            AtomicInteger ran = new AtomicInteger();
            CompletableFuture<Void> first = gate.submit("a", () -> {
                hold.await();
                return null;
            });
            CompletableFuture<Integer> cancelled = gate.submit("a", ran::incrementAndGet);

            cancelled.cancel(false);
            hold.countDown();
            first.get(5, TimeUnit.SECONDS);

            assertThat(gate.submit("a", () -> "after").get(5, TimeUnit.SECONDS)).isEqualTo("after");
            assertThat(ran).hasValue(0);
        }

        @Test
        void cancelsWaitingWorkWhenClosedAndRefusesMore() throws Exception {
            gate = new HostGate(1, Duration.ZERO, 1);
            CountDownLatch hold = new CountDownLatch(1);
            CompletableFuture<Boolean> running = gate.submit("a", () -> hold.await(5, TimeUnit.SECONDS));
            CompletableFuture<String> waiting = gate.submit("a", () -> "never");

            gate.close();
            hold.countDown();

            assertThat(waiting).isCancelled();
            assertThat(running.get(5, TimeUnit.SECONDS)).isTrue();
            assertThatIllegalStateException().isThrownBy(() -> gate.submit("a", () -> "late"));
        }
    }

    @Nested
    class WhenTheHostOfAUrlIsTold {
        private final FetchSettings settings = FetchSettings.defaults(List.of("https://RSSHub.example.org/",
                "http://nas.lan:1200"));

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "http://Example.org/feed.xml,            example.org",
            "https://example.org:443/feed.xml,       example.org",
            "http://example.org:80/feed.xml,         example.org",
            "http://example.org.:8080/feed.xml,      example.org:8080",
            "https://[::1]:8443/feed,                [::1]:8443",
            "rsshub://zhihu/hotlist,                 rsshub.example.org",
            "file:///home/me/feeds/a.xml,            file:",
            "FILE:relative.xml,                      file:",
        })
        void namesTheHostAndAnUnusualPort(String url, String host) {
            assertThat(HostGate.hostOf(url, settings)).isEqualTo(host);
        }

        @Test
        void namesThePreferredRsshubInstanceForARoute() {
            FetchRequest request = FetchRequest.of("rsshub://zhihu/hotlist").withPreferredInstance("http://nas.lan:1200");

            assertThat(HostGate.hostOf(request, settings)).isEqualTo("nas.lan:1200");
        }
    }
}
