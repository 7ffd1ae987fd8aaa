package dev.gleaner.fetch;

import dev.gleaner.model.FeedUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs fetches politely: at most {@code perHostLimit} at once to one host, the starts of two to one
 * host at least {@code minGapPerHost} apart, and at most {@code globalLimit} at once in all.
 *
 * <pre>{@code
 * try (HostGate gate = new HostGate(settings)) {
 *     CompletableFuture<FetchOutcome> outcome =
 *             gate.submit(HostGate.hostOf(request, settings), () -> fetcher.fetch(request));
 * }
 * }</pre>
 *
 * <p>Work waits in a queue per host, and only work whose host has room is started, taking turns
 * between hosts; so a slow host holds at most its own share of the threads, and the others go on
 * past it. No thread ever blocks waiting for a host. The {@code file:} key ({@link #FILES}) is
 * bound only by the global limit, since reading a local file is nobody's burden.
 *
 * <p>A fetch is gated by the host it starts at: a redirect to another host, or an RSSHub route
 * falling back to a second instance, is not counted against that other host.
 *
 * <p>Thread-safe. Close it to cancel the work still waiting; work already running goes on to its end.
 */
public final class HostGate implements AutoCloseable {
    /** The key of all {@code file:} URLs. */
    public static final String FILES = "file:";

    private final int perHostLimit;
    private final long minGapNanos;
    private final int globalLimit;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    private final Object lock = new Object();
    private final Map<String, Host> hosts = new HashMap<>();
    /** Hosts with waiting work that may start now, in turn. */
    private final ArrayDeque<Host> ready = new ArrayDeque<>();
    private int running;
    private boolean closed;

    /** A gate with the limits of {@code settings}. */
    public HostGate(FetchSettings settings) {
        this(settings.perHostLimit(), settings.minGapPerHost(), settings.globalLimit());
    }

    /**
     * A gate with these limits.
     *
     * @throws IllegalArgumentException when a limit is below 1 or the gap is negative
     */
    public HostGate(int perHostLimit, Duration minGapPerHost, int globalLimit) {
        Objects.requireNonNull(minGapPerHost, "minGapPerHost");
        if (perHostLimit < 1 || globalLimit < 1 || minGapPerHost.isNegative()) {
            throw new IllegalArgumentException("perHostLimit and globalLimit must be >= 1 and minGapPerHost >= 0");
        }
        this.perHostLimit = perHostLimit;
        this.minGapNanos = minGapPerHost.toNanos();
        this.globalLimit = globalLimit;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(runnable -> daemon(runnable, "fetch-" + count.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "fetch-gate-timer"));
    }

    /**
     * Runs {@code work} once {@code host} and the gate have room for it.
     *
     * @param host the key of the host the work asks; see {@link #hostOf(String, FetchSettings)}
     * @return the work's result, or its exception; cancelling it before it starts keeps it from running
     * @throws IllegalStateException when the gate is closed
     */
    public <T> CompletableFuture<T> submit(String host, Callable<T> work) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(work, "work");
        Task<T> task = new Task<>(work);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the host gate is closed");
            }
            Host state = hosts.computeIfAbsent(host, key -> new Host(key, key.equals(FILES), System.nanoTime()));
            state.queue.addLast(task);
            offer(state);
            dispatch();
        }
        return task.future;
    }

    /**
     * The host key of {@code url}: its host name in lower case, with the port if it is not the
     * scheme's default ({@code localhost:8080}); for {@code rsshub://} the host of the first RSSHub
     * instance; {@link #FILES} for {@code file:}.
     */
    public static String hostOf(String url, FetchSettings settings) {
        return hostOf(FetchRequest.of(url), settings);
    }

    /** The host key of {@code request}: as {@link #hostOf(String, FetchSettings)}, but the preferred RSSHub instance first. */
    public static String hostOf(FetchRequest request, FetchSettings settings) {
        String url = request.url().strip();
        Optional<FeedUrl> feed = FeedUrl.tryParse(url);
        if (feed.isEmpty()) {
            return authorityOf(url);
        }
        return switch (feed.get().kind()) {
            case WEB -> authorityOf(url);
            case FILE -> FILES;
            case ROUTE -> {
                List<RsshubInstance> order = RsshubFetcher.inOrder(settings.rsshub(), request.preferredInstance());
                yield order.isEmpty() ? FeedUrl.Route.PREFIX : authorityOf(order.get(0).url());
            }
        };
    }

    private static String authorityOf(String url) {
        try {
            URI uri = UriText.parse(url);
            if (uri.getHost() == null) {
                return url.toLowerCase(Locale.ROOT);
            }
            String host = AllowList.normalName(uri.getHost());
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean usual = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return usual ? host : host + ":" + port;
        } catch (URISyntaxException e) {
            return url.toLowerCase(Locale.ROOT);
        }
    }

    /** Cancels the work still waiting; work already running goes on to its end. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (Host host : hosts.values()) {
                host.queue.forEach(task -> task.future.cancel(false));
                host.queue.clear();
            }
            hosts.clear();
            ready.clear();
        }
        timer.shutdownNow();
        workers.shutdown();
    }

    /** Starts waiting work, host by host in turn, while the gate has room. Holds the lock. */
    private void dispatch() {
        while (!closed && running < globalLimit && !ready.isEmpty()) {
            Host host = ready.pollFirst();
            host.inReady = false;
            Task<?> task = host.queue.pollFirst();
            while (task != null && task.future.isDone()) {
                task = host.queue.pollFirst();
            }
            if (task == null) {
                forgetIfIdle(host);
                continue;
            }
            host.running++;
            running++;
            host.nextStart = System.nanoTime() + minGapNanos;
            Task<?> started = task;
            workers.execute(() -> runAndRelease(host, started));
            offer(host);
        }
    }

    /** Puts {@code host} in line if its next work may start now, or wakes it when it may. Holds the lock. */
    private void offer(Host host) {
        if (host.inReady || host.queue.isEmpty() || (!host.unbound && host.running >= perHostLimit)) {
            return;
        }
        long wait = host.unbound ? 0 : host.nextStart - System.nanoTime();
        if (wait <= 0) {
            ready.addLast(host);
            host.inReady = true;
        } else if (!host.waking) {
            host.waking = true;
            timer.schedule(() -> wake(host), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void wake(Host host) {
        synchronized (lock) {
            host.waking = false;
            if (!closed) {
                offer(host);
                dispatch();
            }
        }
    }

    private void runAndRelease(Host host, Task<?> task) {
        synchronized (lock) {
            // the gap counts from when the work really starts, not from when it was handed to a
            // thread, which on a busy machine can be a while later
            long gapEnd = System.nanoTime() + minGapNanos;
            if (gapEnd - host.nextStart > 0) {
                host.nextStart = gapEnd;
            }
        }
        try {
            task.run();
        } finally {
            synchronized (lock) {
                host.running--;
                running--;
                offer(host);
                forgetIfIdle(host);
                dispatch();
            }
        }
    }

    /** Drops an idle host, once its gap has passed, so that a long run does not keep every host ever asked. */
    private void forgetIfIdle(Host host) {
        if (host.running == 0 && host.queue.isEmpty() && !host.waking && !host.inReady
                && System.nanoTime() - host.nextStart >= 0) {
            hosts.remove(host.key, host);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One host's waiting work and how much of it runs. Guarded by the lock. */
    private static final class Host {
        final String key;
        /** Whether the per-host limit and gap are waived ({@code file:}). */
        final boolean unbound;
        final ArrayDeque<Task<?>> queue = new ArrayDeque<>();
        int running;
        /** The earliest {@link System#nanoTime()} at which the next work may start. */
        long nextStart;
        boolean inReady;
        boolean waking;

        Host(String key, boolean unbound, long nextStart) {
            this.key = key;
            this.unbound = unbound;
            this.nextStart = nextStart;
        }
    }

    /** Work and the future of its result. */
    private static final class Task<T> {
        final Callable<T> work;
        final CompletableFuture<T> future = new CompletableFuture<>();

        Task(Callable<T> work) {
            this.work = work;
        }

        void run() {
            if (future.isDone()) {
                return;
            }
            try {
                future.complete(work.call());
            } catch (Throwable t) {
                // whatever the work throws belongs to its caller, through the future, as with
                // CompletableFuture.supplyAsync; swallowing it here would leave the caller waiting
                future.completeExceptionally(t);
            }
        }
    }
}
