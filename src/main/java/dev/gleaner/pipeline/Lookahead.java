package dev.gleaner.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Applies a function to the items of a list on an executor, at most {@code window} items ahead of
 * the one being read, and hands the results back in the list's order: the costly pure step of a
 * sequence spread over the cores while the caller does the ordered one.
 *
 * <p>Not thread-safe: one thread reads.
 */
final class Lookahead<T, R> {
    private final Iterator<T> items;
    private final Function<T, R> function;
    private final Executor executor;
    private final int window;
    private final Deque<CompletableFuture<R>> started = new ArrayDeque<>();

    Lookahead(List<T> items, Function<T, R> function, Executor executor, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, not " + window);
        }
        this.items = List.copyOf(items).iterator();
        this.function = Objects.requireNonNull(function, "function");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.window = window;
    }

    /**
     * The result for the next item, waiting for it if need be.
     *
     * @throws RuntimeException what the function threw for this item; the next items are unaffected
     * @throws java.util.NoSuchElementException when every item has been read
     */
    R next() {
        while (started.size() < window && items.hasNext()) {
            T item = items.next();
            started.add(CompletableFuture.supplyAsync(() -> function.apply(item), executor));
        }
        CompletableFuture<R> first = started.remove();
        try {
            return first.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
