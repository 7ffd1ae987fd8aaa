package dev.gleaner.pipeline;

import dev.gleaner.publish.site.BuildReport;
import dev.gleaner.publish.site.SiteBuilder;
import dev.gleaner.store.SubscriptionState;
import dev.gleaner.store.SubscriptionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the subscriptions polled, for {@code gleaner serve}: a pass over what is due each time something
 * falls due, by the rules {@code gleaner run} follows, and the site brought up to date after a pass that
 * changed its posts, at most once per {@code settle} so that a burst of feeds makes one build.
 *
 * <p>{@link #run} polls on the calling thread until {@link #stop}; a pass under way is finished first.
 * A failing pass or build is reported and tried again later, never the end of polling.
 */
public final class Poller {
    /** Told what polling did, for logs and metrics. */
    public interface Listener extends ProgressListener {
        /** A pass ended. */
        void onPass(RunSummary summary);

        /** The site was brought up to date. */
        void onBuild(BuildReport report, Duration took);

        /** A pass or a build failed; {@code what} says which. */
        void onFailure(String what, RuntimeException failure);

        @Override
        default void onFeedDone(int done, int total) {
        }
    }

    private static final Object WAKE = new Object();
    private static final Duration SHORTEST_GAP = Duration.ofSeconds(2);

    private final RunPass pass;
    private final SubscriptionStore subscriptions;
    private final SiteBuilder site;
    private final Duration settle;
    private final Duration longestSleep;
    private final InstantSource clock;
    private final Listener listener;
    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private volatile boolean stopping;

    /**
     * @param settle the least time between two builds of the site
     * @param longestSleep the longest it waits before looking at the store again, so that subscriptions
     *     added or changed by another process are polled in time
     */
    public Poller(RunPass pass, SubscriptionStore subscriptions, SiteBuilder site, Duration settle,
            Duration longestSleep, InstantSource clock, Listener listener) {
        this.pass = Objects.requireNonNull(pass, "pass");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.site = Objects.requireNonNull(site, "site");
        this.settle = Objects.requireNonNull(settle, "settle");
        this.longestSleep = Objects.requireNonNull(longestSleep, "longestSleep");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Polls until {@link #stop}; the first pass runs at once, and the site is brought up to date then. */
    public void run() {
        boolean siteOwed = true;
        Instant lastBuild = Instant.MIN;
        Instant passDue = clock.instant();
        while (!stopping) {
            Instant now = clock.instant();
            if (!passDue.isAfter(now)) {
                siteOwed |= runPass();
                Instant ended = clock.instant();
                // A feed still due after its pass (its fetch could not be recorded) waits a little, not a loop.
                passDue = max(nextDue(ended), ended.plus(SHORTEST_GAP));
            }
            now = clock.instant();
            if (siteOwed && !stopping && !lastBuild.plus(settle).isAfter(now)) {
                siteOwed = !build();
                lastBuild = now;
            }
            Instant wakeAt = passDue;
            if (siteOwed) {
                wakeAt = min(wakeAt, lastBuild.plus(settle));
            }
            if (await(wakeAt)) {
                passDue = clock.instant();
            }
        }
    }

    /** Polls now, whatever is due: after subscriptions were added or changed. */
    public void wake() {
        signals.add(WAKE);
    }

    /** Ends {@link #run} once the pass under way, if any, is done. */
    public void stop() {
        stopping = true;
        signals.add(WAKE);
    }

    /** @return whether posts changed, so that the site is owed a build */
    private boolean runPass() {
        try {
            RunSummary summary = pass.run(RunOptions.due(), listener);
            listener.onPass(summary);
            RunSummary.Posts posts = summary.posts();
            return posts.written() + posts.moved() > 0 || !summary.tree().retired().isEmpty();
        } catch (RuntimeException e) {
            listener.onFailure("pass", e);
            return false;
        }
    }

    /** @return whether the site was built */
    private boolean build() {
        Instant start = clock.instant();
        try {
            BuildReport report = site.build(false);
            listener.onBuild(report, Duration.between(start, clock.instant()));
            return true;
        } catch (RuntimeException e) {
            listener.onFailure("site build", e);
            return false;
        }
    }

    /** When the next pass is due: the soonest subscription's next fetch, or a look again later. */
    private Instant nextDue(Instant now) {
        Instant latest = now.plus(longestSleep);
        try {
            Instant soonest = latest;
            for (SubscriptionState state : subscriptions.followed()) {
                if (state.paused()) {
                    continue;
                }
                Optional<Instant> due = state.health().nextDue();
                if (due.isEmpty() || !due.get().isAfter(now)) {
                    return now;
                }
                soonest = min(soonest, due.get());
            }
            return soonest;
        } catch (RuntimeException e) {
            listener.onFailure("schedule", e);
            return latest;
        }
    }

    /** @return whether it was woken before {@code until} */
    private boolean await(Instant until) {
        long millis = Duration.between(clock.instant(), until).toMillis();
        if (millis <= 0) {
            return false;
        }
        try {
            boolean woken = signals.poll(millis, TimeUnit.MILLISECONDS) != null;
            signals.clear();
            return woken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return true;
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
