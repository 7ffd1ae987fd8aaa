package dev.gleaner.web;

import dev.gleaner.app.Gleaner;
import dev.gleaner.store.Store;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP face of {@code gleaner serve}: the built site, {@code /healthz}, {@code /metrics}, the
 * reader at {@code /app/}, and the Miniflux, Google Reader and Fever APIs, on one address. Answers carry
 * headers that keep a browser from guessing types or framing the pages.
 */
public final class WebServer implements AutoCloseable {
    /** Bodies larger than this are refused before they are read: nothing served takes more. */
    static final long MAX_REQUEST_BYTES = 1 << 20;

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts serving on {@code bind}:{@code port} (0 picks a free port).
     *
     * @param gleaner the parts: the store, the site's settings (its folder, made when missing so that it
     *     can be served before the first build; served at the path of {@code site.url}; dates in its zone),
     *     the feed discovery of the reader's "add"
     * @param wake tells the poller, if this process has one, that subscriptions were made due
     * @throws UncheckedIOException when the site's folder cannot be made
     * @throws io.javalin.util.JavalinBindException when the address cannot be listened on
     */
    public static WebServer start(String bind, int port, Gleaner gleaner, ServerMetrics metrics, Runnable wake) {
        Objects.requireNonNull(metrics, "metrics");
        Store store = gleaner.store();
        InstantSource clock = gleaner.clock();
        Path site = gleaner.config().site().publicDir();
        String sitePath = gleaner.config().site().url().getRawPath();
        LoginLimiter limiter = new LoginLimiter(clock);
        BasicAuth auth = new BasicAuth(store.account(), limiter, clock);
        SearchCatchUp search = new SearchCatchUp(store.reader());
        Following following = new Following(store, clock, wake);
        MinifluxKeys keys = new MinifluxKeys(store.account(), clock);
        MinifluxApi miniflux = new MinifluxApi(store, auth, keys, search, following, gleaner.discovery(), clock, wake);
        ApiPasswordAuth apiPassword = new ApiPasswordAuth(store.account(), limiter);
        GoogleReaderApi googleReader = new GoogleReaderApi(store, apiPassword, clock);
        FeverApi fever = new FeverApi(store, apiPassword, clock);
        boolean publicSite = gleaner.config().serve().publicSite();
        ReaderApp reader = new ReaderApp(store, auth, keys, search, following, gleaner.discovery(), clock,
                gleaner.config().site().zone(), wake, gleaner.config().site().title());
        try {
            Files.createDirectories(site);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + site + ": " + e.getMessage(), e);
        }
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.staticFiles.add(files -> {
                files.hostedPath = sitePath.length() > 1 && sitePath.endsWith("/")
                        ? sitePath.substring(0, sitePath.length() - 1) : sitePath;
                files.directory = site.toAbsolutePath().toString();
                files.location = Location.EXTERNAL;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "same-origin");
                if (!publicSite && isSite(ctx.path()) && !reader.signedIn(ctx)) {
                    ctx.redirect("/app/login", HttpStatus.SEE_OTHER);
                    ctx.skipRemainingHandlers();
                }
            });
            config.routes.get("/healthz", ctx -> JsonAnswer.send(ctx, 200,
                    Map.of("status", "ok", "last_pass", metrics.lastPass().map(Object::toString).orElse(""))));
            config.routes.get("/metrics", ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape()));
            miniflux.routes(config.routes);
            reader.routes(config.routes);
            googleReader.routes(config.routes);
            fever.routes(config.routes);
        });
        app.start(bind, port);
        search.startInBackground();
        return new WebServer(app);
    }

    /** Whether a path is the built site's, not the reader's, an API's or the operators'. */
    private static boolean isSite(String path) {
        for (String other : List.of("/app", "/v1", "/reader/", "/api/", "/fever", "/accounts/", "/healthz", "/metrics")) {
            if (path.startsWith(other)) {
                return false;
            }
        }
        return true;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
