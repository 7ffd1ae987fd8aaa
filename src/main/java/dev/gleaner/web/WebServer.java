package dev.gleaner.web;

import dev.gleaner.store.Store;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP face of {@code gleaner serve}: the built site, {@code /healthz}, {@code /metrics}, and the
 * Miniflux, Google Reader and Fever APIs, on one address. Answers carry headers that keep a browser from guessing types or framing the pages.
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
     * @param site the built site's folder, made when missing so that it can be served before the first build
     * @param sitePath where the site is served, the path of {@code site.url} ("/" for most)
     * @param wake tells the poller, if this process has one, that subscriptions were made due
     * @throws UncheckedIOException when the site's folder cannot be made
     * @throws io.javalin.util.JavalinBindException when the address cannot be listened on
     */
    public static WebServer start(String bind, int port, Path site, String sitePath, ServerMetrics metrics,
            Store store, InstantSource clock, Runnable wake) {
        Objects.requireNonNull(metrics, "metrics");
        LoginLimiter limiter = new LoginLimiter(clock);
        MinifluxApi miniflux = new MinifluxApi(store, new BasicAuth(store.account(), limiter, clock), clock, wake);
        ApiPasswordAuth apiPassword = new ApiPasswordAuth(store.account(), limiter);
        GoogleReaderApi googleReader = new GoogleReaderApi(store, apiPassword, clock);
        FeverApi fever = new FeverApi(store, apiPassword, clock);
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
            });
            config.routes.get("/healthz", ctx -> JsonAnswer.send(ctx, 200,
                    Map.of("status", "ok", "last_pass", metrics.lastPass().map(Object::toString).orElse(""))));
            config.routes.get("/metrics", ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape()));
            miniflux.routes(config.routes);
            googleReader.routes(config.routes);
            fever.routes(config.routes);
        });
        app.start(bind, port);
        return new WebServer(app);
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
