package dev.gleaner.web;

import dev.gleaner.pipeline.FeedOutcome;
import dev.gleaner.pipeline.Poller;
import dev.gleaner.pipeline.RunSummary;
import dev.gleaner.publish.site.BuildReport;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the server's polling did, as Prometheus metrics and log lines; read at {@code /metrics}. */
public final class ServerMetrics implements Poller.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMetrics.class);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final InstantSource clock;
    private final Counter fetched = counter("gleaner_feeds_fetched", "Feeds fetched with a new body.");
    private final Counter notModified = counter("gleaner_feeds_not_modified",
            "Feeds fetched that had not changed (304, or the same body).");
    private final Counter failed = counter("gleaner_feeds_failed", "Feeds whose fetch or parse failed.");
    private final Counter published = counter("gleaner_items_published", "Posts written.");
    private final Counter passes = counter("gleaner_passes", "Passes over the subscriptions that were due.");
    private final Counter failures = Counter.builder().name("gleaner_failures")
            .help("Passes and site builds that failed, by what failed.").labelNames("what").register(registry);
    private final Histogram fetchSeconds = Histogram.builder().name("gleaner_fetch_seconds")
            .help("From a feed's turn in a pass to its result recorded (waits for its host included).")
            .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60).register(registry);
    private final Histogram buildSeconds = Histogram.builder().name("gleaner_build_seconds")
            .help("Time to bring the site up to date.")
            .classicUpperBounds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300).register(registry);
    private final Gauge queue = Gauge.builder().name("gleaner_queue_length")
            .help("Feeds due in the pass under way and not yet done.").register(registry);
    private final AtomicReference<Optional<Instant>> lastPass = new AtomicReference<>(Optional.empty());

    public ServerMetrics(InstantSource clock) {
        this.clock = clock;
    }

    private Counter counter(String name, String help) {
        return Counter.builder().name(name).help(help).register(registry);
    }

    /** The metrics in Prometheus's text format. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The content type of {@link #scrape}. */
    public String contentType() {
        return writer.getContentType();
    }

    /** When the last pass ended, if one has. */
    public Optional<Instant> lastPass() {
        return lastPass.get();
    }

    @Override
    public void onFeedDone(int done, int total) {
        queue.set(total - done);
    }

    @Override
    public void onFeed(FeedOutcome outcome, Duration took) {
        switch (outcome.fetch()) {
            case NEW_BODY -> fetched.inc();
            case SAME_BODY, NOT_MODIFIED -> notModified.inc();
            case FAILED -> failed.inc();
        }
        fetchSeconds.observe(took.toNanos() / 1e9);
    }

    @Override
    public void onPass(RunSummary summary) {
        passes.inc();
        published.inc(summary.posts().written());
        lastPass.set(Optional.of(clock.instant()));
        RunSummary.Fetches fetches = summary.fetches();
        if (fetches.feeds() > fetches.notDue() || summary.posts().written() > 0) {
            LOG.info("pass feeds={} due={} fetched={} not_modified={} failed={} items_new={} posts_written={} took_ms={}",
                    fetches.feeds(), fetches.feeds() - fetches.notDue(), fetches.fetched(), fetches.notModified(),
                    fetches.failures().size(), summary.items().added(), summary.posts().written(),
                    summary.took().toMillis());
        }
        fetches.failures().forEach(failure -> LOG.warn("feed_failed path={} reason=\"{}\"", failure.path(),
                failure.reason()));
        summary.posts().failures().forEach(failure -> LOG.warn("post_not_written reason=\"{}\"", failure));
    }

    @Override
    public void onBuild(BuildReport report, Duration took) {
        buildSeconds.observe(took.toNanos() / 1e9);
        LOG.info("site_built items={} written={} unchanged={} removed={} took_ms={}", report.items(),
                report.written(), report.unchanged(), report.removed(), took.toMillis());
    }

    @Override
    public void onFailure(String what, RuntimeException failure) {
        failures.labelValues(what).inc();
        LOG.error("{} failed: {}", what, failure.getMessage(), failure);
    }
}
