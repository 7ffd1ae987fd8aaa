package dev.gleaner.app;

import dev.gleaner.config.Config;
import dev.gleaner.config.FetchOptions;
import dev.gleaner.config.Subscription;
import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.fetch.FetchSettings;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.fetch.HostGate;
import dev.gleaner.fetch.RsshubInstance;
import dev.gleaner.parse.FeedParser;
import dev.gleaner.pipeline.FeedDiscovery;
import dev.gleaner.pipeline.FeedRefresh;
import dev.gleaner.pipeline.FeedSource;
import dev.gleaner.pipeline.Poller;
import dev.gleaner.pipeline.PostAdoption;
import dev.gleaner.pipeline.PostPublisher;
import dev.gleaner.pipeline.Pruning;
import dev.gleaner.pipeline.RouteCheck;
import dev.gleaner.pipeline.RunPass;
import dev.gleaner.pipeline.Schedule;
import dev.gleaner.publish.HexoPostMover;
import dev.gleaner.publish.HexoPostRenderer;
import dev.gleaner.publish.HexoPostWriter;
import dev.gleaner.publish.site.SiteBuilder;
import dev.gleaner.publish.site.SiteTheme;
import dev.gleaner.store.Origin;
import dev.gleaner.store.Reconciliation;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * The parts of Gleaner wired from one configuration, in one place, for every command: the store and the
 * subscription tree it keeps, the fetcher and its gate, the parser, the post writer, mover and adopter,
 * the pass and the site builder. Each part is made when a command first asks for it, and closed with this.
 *
 * <pre>{@code try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
 *     RunSummary summary = gleaner.pass().run(options, progress);
 * }}</pre>
 *
 * <p>Not thread-safe: a command uses it from one thread.
 */
public final class Gleaner implements AutoCloseable {
    private final Config config;
    private final InstantSource clock;
    /** Posts rendered ahead of the one being written: enough to keep every core busy, few enough to hold. */
    private static final int RENDER_WINDOW = 64;
    /** The least time between two builds of {@code serve}: a burst of feeds makes one build. */
    public static final Duration SITE_SETTLE = Duration.ofSeconds(10);
    /** The longest {@code serve} waits before looking at the store's subscriptions again. */
    public static final Duration LOOK_AGAIN = Duration.ofMinutes(1);
    private final HexoPostRenderer renderer = new HexoPostRenderer(new HtmlSanitizer());
    private @Nullable Store store;
    private @Nullable Fetcher fetcher;
    private @Nullable HostGate gate;
    private @Nullable FeedParser parser;
    private @Nullable ExecutorService rendering;

    /** Wires the parts {@code config} asks for; {@code clock} is every part's idea of now. */
    public Gleaner(Config config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Config config() {
        return config;
    }

    public InstantSource clock() {
        return clock;
    }

    /**
     * The store, made when there is none yet.
     *
     * @throws dev.gleaner.store.StoreException when it cannot be opened
     */
    public Store store() {
        if (store == null) {
            store = Store.open(config.storage());
        }
        return store;
    }

    /** The store if it has been made; commands that only read leave none behind where there was none. */
    public Optional<Store> existingStore() {
        if (store == null) {
            store = Store.openIfExists(config.storage()).orElse(null);
        }
        return Optional.ofNullable(store);
    }

    /**
     * Makes the store agree with the configuration's tree (its moves and retirements), and says what it
     * changed; the subscriptions followed are then every one the store holds that is not retired.
     */
    public Reconciliation reconcile() {
        return store().subscriptions().reconcileAll(config.subscriptions(), clock.instant());
    }

    /**
     * The tree as it stands, for commands that only read: the configuration's subscriptions, then those
     * added from commands that the store keeps; nothing is written, and no store is made.
     */
    public List<Subscription> followed() {
        List<Subscription> followed = new ArrayList<>(config.subscriptions());
        Set<String> declared = new HashSet<>();
        config.subscriptions().forEach(subscription -> declared.add(subscription.id()));
        existingStore().ifPresent(opened -> opened.subscriptions().followed().stream()
                .filter(state -> state.origin() == Origin.ADDED && !declared.contains(state.path()))
                .map(SubscriptionState::subscription)
                .forEach(followed::add));
        return followed;
    }

    /**
     * The fetch settings the configuration asks for.
     *
     * @throws IllegalArgumentException when an entry of {@code fetch.allow} is not a host, address
     *     or CIDR block; the message names it
     */
    public FetchSettings fetchSettings() {
        return fetchSettings(config);
    }

    /** The fetch settings {@code config} asks for. */
    public static FetchSettings fetchSettings(Config config) {
        FetchOptions fetch = config.fetch();
        return FetchSettings.defaults(List.of())
                .withRsshub(config.rsshub().stream().map(i -> new RsshubInstance(i.url(), i.key(), i.code())).toList())
                .withTimeout(fetch.timeout())
                .withUserAgent(fetch.userAgent().orElse(FetchSettings.DEFAULT_USER_AGENT))
                .withPoliteness(fetch.perHost(), fetch.minGap(), fetch.concurrency())
                .withAllowed(fetch.allow());
    }

    /** The fetcher; made at first use, from any thread, as starting its HTTP client costs a few tenths of a second. */
    public synchronized Fetcher fetcher() {
        if (fetcher == null) {
            fetcher = new Fetcher(fetchSettings());
        }
        return fetcher;
    }

    /** The politeness gate that every fetch of a pass goes through. */
    private synchronized HostGate gate() {
        if (gate == null) {
            gate = new HostGate(fetchSettings());
        }
        return gate;
    }

    /** The feed parser; made at first use, from any thread. */
    public synchronized FeedParser parser() {
        if (parser == null) {
            parser = feedParser();
        }
        return parser;
    }

    /** The feed parser, for a command that reads feeds without a configuration ({@code parse}). */
    public static FeedParser feedParser() {
        return FeedParser.standard();
    }

    /**
     * A fetcher of its own for a command that reads feeds without a store ({@code parse}): with the
     * configuration's fetch settings (its RSSHub instances, its allow list), else the defaults.
     */
    public static Fetcher standaloneFetcher(Optional<Config> config) {
        return new Fetcher(config.map(Gleaner::fetchSettings).orElse(FetchSettings.defaults(List.of())));
    }

    /** Finds the feeds of a URL someone typed, through the fetcher and its guard. */
    public FeedDiscovery discovery() {
        return new FeedDiscovery(fetcher(), parser(), fetchSettings().rsshub());
    }

    /** One pass over the subscriptions, fetching as the configuration says. */
    public RunPass pass() {
        PostPublisher publishing = publisher();
        return new RunPass(config, store(), refresh(publishing), publishing, clock);
    }

    /** The refresh of one subscription at a time, for whatever decides when each is due. */
    public FeedRefresh refresh() {
        return refresh(publisher());
    }

    private FeedRefresh refresh(PostPublisher publishing) {
        FeedSource source = new FeedSource(this::fetcher, this::parser, gate(), fetchSettings());
        return new FeedRefresh(store(), source, publishing, new Schedule(config.schedule(), new SplittableRandom()),
                config.schedule(), config.backlog(), clock);
    }

    /** The check of RSSHub routes against the instances' route tables. */
    public RouteCheck routeCheck() {
        return new RouteCheck(fetcher(), fetchSettings().rsshub());
    }

    /** Publishes posts into the configuration's posts folder, rendering them on every core. */
    public PostPublisher publisher() {
        Store opened = store();
        return new PostPublisher(opened.entries(),
                new HexoPostWriter(config.site().postsDir(), renderer, opened.entries(), clock),
                new HexoPostMover(config.site().postsDir(), opened.entries()),
                task -> rendering().execute(task), RENDER_WINDOW);
    }

    /** The threads posts are rendered on; made when the first post is, as most passes publish none. */
    private synchronized ExecutorService rendering() {
        if (rendering == null) {
            AtomicInteger made = new AtomicInteger();
            rendering = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
                Thread thread = new Thread(task, "render-" + made.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return rendering;
    }

    /** Adopts the posts already in the configuration's posts folder. */
    public PostAdoption adoption() {
        return new PostAdoption(store(), config.site().postsDir(), renderer, clock);
    }

    /** Removes retired subscriptions with their posts. */
    public Pruning pruning() {
        return new Pruning(store(), config.site().postsDir());
    }

    /**
     * Polls the subscriptions as they fall due and keeps the site with {@code theme} up to date, for
     * {@code serve}; builds at most every {@link #SITE_SETTLE}, and looks at the store again at least every
     * {@link #LOOK_AGAIN} for subscriptions another process added.
     */
    public Poller poller(SiteTheme theme, Poller.Listener listener) {
        return new Poller(pass(), store().subscriptions(), siteBuilder(theme), SITE_SETTLE, LOOK_AGAIN, clock, listener);
    }

    /** Builds the HTML site of the subscriptions followed, with {@code theme}. */
    public SiteBuilder siteBuilder(SiteTheme theme) {
        return new SiteBuilder(config.site(), followed(), store().site(), theme);
    }

    @Override
    public synchronized void close() {
        if (rendering != null) {
            rendering.shutdownNow();
            rendering = null;
        }
        if (gate != null) {
            gate.close();
            gate = null;
        }
        if (fetcher != null) {
            fetcher.close();
            fetcher = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
