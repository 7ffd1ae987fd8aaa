package dev.gleaner.publish.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent pieces of work on every core, largest first, so that no core is left with a long
 * piece at the end while the others wait.
 */
final class LargestFirst {
    private LargestFirst() {
    }

    /**
     * A piece of independent work.
     *
     * @param size a measure of its size: the number of items it shows
     * @param work what it does
     */
    record Task(int size, Runnable work) {
    }

    /** Runs every task and returns when all are done; the first failure is thrown. */
    static void run(List<Task> tasks) {
        List<Task> queue = new ArrayList<>(tasks);
        queue.sort(Comparator.comparingInt(Task::size).reversed());
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < queue.size(); ) {
                queue.get(i).work().run();
            }
        };
        int helpers = Math.max(0, Math.min(queue.size(), Runtime.getRuntime().availableProcessors()) - 1);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            running.add(CompletableFuture.runAsync(worker));
        }
        try {
            worker.run();
        } finally {
            for (CompletableFuture<Void> helper : running) {
                joined(helper);
            }
        }
    }

    /** The value of {@code future}, or the unchecked exception it failed with. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
