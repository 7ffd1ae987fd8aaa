package dev.gleaner.fetch;

import dev.gleaner.model.FeedUrl;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Gets the bytes of one feed: {@code http(s):} with conditional GET, gzip and bounded time, size
 * and redirects; {@code file:} URLs; and {@code rsshub://ROUTE}, tried against each configured
 * RSSHub instance (the one that answered last time first) until one answers.
 *
 * <pre>{@code
 * try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(List.of("https://rsshub.app")))) {
 *     FetchOutcome outcome = fetcher.fetch(FetchRequest.of("rsshub://zhihu/hot"));
 * }
 * }</pre>
 *
 * <p>Loopback, private and other internal addresses are refused, for the URL and every redirect,
 * unless {@link FetchSettings#allowed()} names them; a name is resolved once, and an {@code http:}
 * request goes to the very address that was checked. A body whose hash equals
 * {@link FetchRequest#bodyHash()} is reported as {@link FetchOutcome.NotModified}, for servers
 * that ignore validators. A fetcher does not limit how many fetches run at once, nor how often a
 * host is asked: run fetches through a {@link HostGate} for that.
 *
 * <p>Thread-safe: one instance serves concurrent fetches.
 */
public final class Fetcher implements AutoCloseable {
    private final FetchSettings settings;
    private final ScheduledExecutorService deadlines;
    private final HttpFetcher http;
    private final RsshubFetcher rsshub;
    private final FileFetcher files;

    /** A fetcher with these settings; close it to stop its deadline timer. */
    public Fetcher(FetchSettings settings) {
        this(settings, HostResolver.SYSTEM, InstantSource.system());
    }

    /**
     * A fetcher that resolves host names with {@code resolver} and reads the time for its hints
     * (an {@code Expires} or {@code Retry-After} date without a {@code Date} header) from {@code clock}.
     */
    public Fetcher(FetchSettings settings, HostResolver resolver, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(clock, "clock");
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fetch-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        AddressGuard guard = new AddressGuard(AllowList.of(settings.allowed()), resolver, HttpFetcher.CAN_SET_HOST);
        BodyReader bodies = new BodyReader(deadlines, settings.maxBytes(), settings.timeout());
        this.http = new HttpFetcher(settings, guard, bodies, clock);
        this.rsshub = new RsshubFetcher(settings.rsshub(), http);
        this.files = new FileFetcher(settings.maxBytes());
    }

    /**
     * Fetches {@code request.url()}, sending back its validators.
     *
     * @return the new body, or word that the feed has not changed
     * @throws FetchException when the feed cannot be had; the reason says why in a few words, and
     *     the failure carries the status, {@code Retry-After} and whether the feed is gone for good
     */
    public FetchOutcome fetch(FetchRequest request) throws FetchException {
        Objects.requireNonNull(request, "request");
        return unlessSameBody(request, fetchAny(request));
    }

    private FetchOutcome fetchAny(FetchRequest request) throws FetchException {
        String url = request.url();
        FeedUrl feed = FeedUrl.tryParse(url).orElseThrow(() -> new FetchException(url,
                "unsupported URL scheme; expected http(s):, file: or rsshub://"));
        return switch (feed.kind()) {
            case WEB -> http.fetch(url, request.validators());
            case FILE -> {
                if (!settings.allowFiles()) {
                    throw new FetchException(url, "refused: file: URLs are not allowed here");
                }
                yield files.fetch(url, request.validators());
            }
            case ROUTE -> rsshub.fetch(request);
        };
    }

    /**
     * A body the same as last time is news to nobody: some servers ignore validators and resend it,
     * and others honour them only when asked another way, which the next fetch then tries.
     */
    private static FetchOutcome unlessSameBody(FetchRequest request, FetchOutcome outcome) {
        if (outcome instanceof FetchOutcome.Fetched fetched
                && request.bodyHash().filter(fetched.bodyHash()::equalsIgnoreCase).isPresent()) {
            Validators next = request.validators().isEmpty() ? fetched.validators()
                    : fetched.validators().askedTheNextWay();
            return new FetchOutcome.NotModified(fetched.source(), next, fetched.freshFor(), fetched.instance(), false);
        }
        return outcome;
    }

    /**
     * The routes an RSSHub instance serves, from its {@code /api/namespace}, to tell which configured
     * routes it no longer has.
     *
     * @throws FetchException when the instance cannot be asked or its answer is no route table
     */
    public RsshubRoutes rsshubRoutes(RsshubInstance instance) throws FetchException {
        return rsshub.routes(Objects.requireNonNull(instance, "instance"));
    }

    /**
     * The RSSHub Radar rules an RSSHub instance has for the site of a web page, from its
     * {@code /api/radar/rules/DOMAIN}; {@link RadarRules#match} then finds the routes for the page.
     * A few small answers (one per ending of the host, some kilobytes each) rather than the whole
     * table of every site (about a megabyte).
     *
     * @return the rules of the page's registrable domain; {@link RadarRules#none()} when the instance
     *     has none for it, or the URL has no host name
     * @throws FetchException when the instance cannot be asked or its answer is no rules
     */
    public RadarRules rsshubRadar(RsshubInstance instance, String pageUrl) throws FetchException {
        return rsshub.radar(Objects.requireNonNull(instance, "instance"), Objects.requireNonNull(pageUrl, "pageUrl"));
    }

    /**
     * The routes of an RSSHub instance that serve a web page by its own path, when RSSHub Radar has
     * no rule for it: {@code https://www.zhihu.com/hot} is served by {@code zhihu/hot}, which the
     * {@code zhihu} namespace (whose site is {@code www.zhihu.com}) lists in {@code /api/namespace/zhihu}.
     *
     * @return the routes found, none when no namespace of the page's site has its path
     * @throws FetchException when the instance cannot be asked or its answer is no namespace
     */
    public List<RadarMatch> rsshubPageRoutes(RsshubInstance instance, String pageUrl) throws FetchException {
        return rsshub.pageRoutes(Objects.requireNonNull(instance, "instance"), Objects.requireNonNull(pageUrl, "pageUrl"));
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
