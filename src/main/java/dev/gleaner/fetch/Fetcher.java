package dev.gleaner.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Gets the bytes of one feed: {@code http(s):} with conditional GET, gzip and bounded time, size
 * and redirects; {@code file:} URLs; and {@code rsshub://ROUTE}, tried against each configured
 * RSSHub instance in order until one answers.
 *
 * <pre>{@code
 * try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(List.of("https://rsshub.app")))) {
 *     FetchOutcome outcome = fetcher.fetch(FetchRequest.of("rsshub://zhihu/hotlist"));
 * }
 * }</pre>
 *
 * <p>Thread-safe: one instance serves concurrent fetches.
 */
public final class Fetcher implements AutoCloseable {
    private static final String RSSHUB_PREFIX = "rsshub://";

    private final FetchSettings settings;
    private final ScheduledExecutorService deadlines;
    private final HttpFetcher http;
    private final FileFetcher files;

    /** A fetcher with these settings; close it to stop its deadline timer. */
    public Fetcher(FetchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fetch-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.http = new HttpFetcher(settings, deadlines);
        this.files = new FileFetcher(settings.maxBytes());
    }

    /**
     * Fetches {@code request.url()}, sending back its validators.
     *
     * @return the new body, or word that the feed has not changed
     * @throws FetchException when the feed cannot be had; the reason says why in a few words
     */
    public FetchOutcome fetch(FetchRequest request) throws FetchException {
        Objects.requireNonNull(request, "request");
        String url = request.url();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return http.fetch(url, request.validators());
        }
        if (lower.startsWith("file:")) {
            return files.fetch(url, request.validators());
        }
        if (lower.startsWith(RSSHUB_PREFIX)) {
            return fetchRoute(url, request.validators());
        }
        throw new FetchException(url, "unsupported URL scheme; expected http(s):, file: or rsshub://");
    }

    private FetchOutcome fetchRoute(String url, Validators validators) throws FetchException {
        String route = url.substring(RSSHUB_PREFIX.length());
        if (route.isBlank()) {
            throw new FetchException(url, "no route after rsshub://");
        }
        if (settings.rsshubInstances().isEmpty()) {
            throw new FetchException(url, "no RSSHub instance configured (key 'rsshub')");
        }
        List<String> reasons = new ArrayList<>();
        for (String instance : settings.rsshubInstances()) {
            try {
                return http.fetch(join(instance, route), validators);
            } catch (FetchException e) {
                reasons.add(instance + ": " + e.reason());
            }
        }
        throw new FetchException(url, "no RSSHub instance answered (" + String.join("; ", reasons) + ")");
    }

    /** The route's URL on an instance, with one slash between them however either is written. */
    private static String join(String instance, String route) {
        String base = instance.endsWith("/") ? instance.substring(0, instance.length() - 1) : instance;
        return base + "/" + (route.startsWith("/") ? route.substring(1) : route);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
