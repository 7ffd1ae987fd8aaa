package dev.gleaner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LookaheadTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void resultsComeBackInTheListsOrderHoweverLongEachTakes() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        Lookahead<Integer, String> ahead = new Lookahead<>(items, item -> {
            sleepMicros(ThreadLocalRandom.current().nextInt(500));
            return "item " + item;
        }, pool, 16);

        List<String> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            read.add(ahead.next());
        }

        assertThat(read).containsExactlyElementsOf(items.stream().map(item -> "item " + item).toList());
        assertThatThrownBy(ahead::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aFailingItemFailsAloneWithItsOwnException() {
        Lookahead<Integer, Integer> ahead = new Lookahead<>(List.of(1, 2, 3), item -> {
            if (item == 2) {
                throw new IllegalStateException("item 2 is broken");
            }
            return item * 10;
        }, pool, 3);

        assertThat(ahead.next()).isEqualTo(10);
        assertThatThrownBy(ahead::next).isInstanceOf(IllegalStateException.class).hasMessage("item 2 is broken");
        assertThat(ahead.next()).isEqualTo(30);
    }

    @Test
    void neverRunsMoreThanTheWindowAheadOfTheReader() {
        AtomicInteger started = new AtomicInteger();
        Lookahead<Integer, Integer> ahead = new Lookahead<>(IntStream.range(0, 100).boxed().toList(), item -> {
            started.incrementAndGet();
            return item;
        }, pool, 5);

        for (int read = 1; read <= 20; read++) {
            ahead.next();
            assertThat(started.get()).isLessThanOrEqualTo(read + 4);
        }
    }

    @Test
    void aWindowBelowOneIsRefused() {
        assertThatThrownBy(() -> new Lookahead<>(List.of(1), item -> item, pool, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    private static void sleepMicros(int micros) {
        try {
            Thread.sleep(0, micros * 1000 % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
