package dev.gleaner.cli;

import dev.gleaner.config.Config;
import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.fetch.FetchSettings;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.fetch.HostGate;
import dev.gleaner.parse.FeedParser;
import dev.gleaner.pipeline.FeedSource;
import dev.gleaner.pipeline.PostAdoption;
import dev.gleaner.pipeline.PostPublisher;
import dev.gleaner.pipeline.Pruning;
import dev.gleaner.pipeline.RouteCheck;
import dev.gleaner.pipeline.RunPass;
import dev.gleaner.pipeline.Schedule;
import dev.gleaner.publish.HexoPostMover;
import dev.gleaner.publish.HexoPostRenderer;
import dev.gleaner.publish.HexoPostWriter;
import dev.gleaner.store.Store;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The parts of Gleaner wired from one configuration, in one place, for every command: the store, the
 * fetcher and its gate, the parser, the post writer, mover and adopter, the pass. Each part is made when
 * a command first asks for it, and closed with this.
 *
 * <p>Not thread-safe: a command uses it from one thread.
 */
final class Gleaner implements AutoCloseable {
    private final Config config;
    private final InstantSource clock;
    private final HexoPostRenderer renderer = new HexoPostRenderer(new HtmlSanitizer());
    private @Nullable Store store;
    private @Nullable Fetcher fetcher;
    private @Nullable HostGate gate;

    Gleaner(Config config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Config config() {
        return config;
    }

    /**
     * The store, made when there is none yet.
     *
     * @throws dev.gleaner.store.StoreException when it cannot be opened
     */
    Store store() {
        if (store == null) {
            store = Store.open(config.storage());
        }
        return store;
    }

    /** The store if it has been made; commands that only read leave none behind where there was none. */
    Optional<Store> existingStore() {
        if (store == null) {
            store = Store.openIfExists(config.storage()).orElse(null);
        }
        return Optional.ofNullable(store);
    }

    /** The fetch settings the configuration asks for. */
    FetchSettings fetchSettings() {
        return Components.fetchSettings(config);
    }

    /** The fetcher, with the politeness gate that every fetch of a pass goes through. */
    Fetcher fetcher() {
        if (fetcher == null) {
            FetchSettings settings = fetchSettings();
            fetcher = new Fetcher(settings);
            gate = new HostGate(settings);
        }
        return fetcher;
    }

    /** One pass over the subscriptions, fetching as the configuration says. */
    RunPass pass() {
        Fetcher fetching = fetcher();
        return new RunPass(config, store(), new FeedSource(fetching, FeedParser.standard(),
                Objects.requireNonNull(gate, "gate"), fetchSettings()), publisher(),
                new Schedule(config.schedule(), new SplittableRandom()), clock);
    }

    /** The check of the configuration's RSSHub routes against the instances' route tables. */
    RouteCheck routeCheck() {
        return new RouteCheck(fetcher(), fetchSettings().rsshub());
    }

    /** Publishes posts into the configuration's posts folder. */
    PostPublisher publisher() {
        Store opened = store();
        return new PostPublisher(opened.entries(),
                new HexoPostWriter(config.site().postsDir(), renderer, opened.entries(), clock),
                new HexoPostMover(config.site().postsDir(), opened.entries()));
    }

    /** Adopts the posts already in the configuration's posts folder. */
    PostAdoption adoption() {
        return new PostAdoption(store(), config.site().postsDir(), renderer, clock);
    }

    /** Removes retired subscriptions with their posts. */
    Pruning pruning() {
        return new Pruning(store(), config.site().postsDir());
    }

    @Override
    public void close() {
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
