package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.pipeline.Poller;
import dev.gleaner.publish.site.SiteTheme;
import dev.gleaner.web.ServerMetrics;
import dev.gleaner.web.WebServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gleaner serve}: polls the subscriptions as they fall due, publishes as it goes, and serves the site. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Keep running: fetch each subscription when it is due (the rules of run), write its new posts at "
                + "once, keep the HTML site up to date, and serve it with /healthz and /metrics. Stop it with "
                + "Ctrl-C or SIGTERM; a pass under way is finished first.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner serve                     serve on http://127.0.0.1:8080/ and keep polling",
            "  gleaner serve --bind 0.0.0.0 --port 80   serve to the network",
            "  gleaner serve --no-poll           serve only; another process polls the same store"})
final class ServeCommand extends ConfiguredCommand {
    /** How long SIGTERM waits for a pass under way before leaving it to the next start. */
    private static final long GRACE_SECONDS = 20;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind = "127.0.0.1";

    @Option(names = "--no-poll", description = "Serve only: leave fetching to another process on the same store.")
    boolean noPoll;

    @Option(names = "--theme", paramLabel = "DIR", description = "A theme folder for the site, as for run.")
    @Nullable Path theme;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) throws InterruptedException {
        if (port < 0 || port > 65_535) {
            err.println("gleaner: --port " + port + ": expected a port from 0 to 65535");
            return ExitCodes.USAGE;
        }
        SiteTheme siteTheme = SiteBuildStep.theme(config, theme, err);
        if (siteTheme == null) {
            return ExitCodes.USAGE;
        }
        InstantSource clock = InstantSource.system();
        Gleaner gleaner = new Gleaner(config, clock);
        ServerMetrics metrics = new ServerMetrics(clock);
        Poller poller = noPoll ? null : gleaner.poller(siteTheme, metrics);
        WebServer web;
        try {
            NewStore.adoptPosts(gleaner, new PrintWriter(new StringWriter()));
            web = WebServer.start(bind, port, gleaner, metrics, poller == null ? () -> { } : poller::wake);
        } catch (RuntimeException e) {
            err.println("gleaner: cannot serve on " + bind + ":" + port + ": " + e.getMessage());
            siteTheme.close();
            gleaner.close();
            return ExitCodes.FAILED;
        }
        Thread polling = poller == null ? null : new Thread(poller::run, "poller");
        out.printf("gleaner: serving %s on http://%s:%d%s%s (Ctrl-C to stop)%n", config.site().publicDir(), bind,
                web.port(), config.site().url().getRawPath(), noPoll ? ", not polling" : ", polling");
        out.flush();
        if (polling != null) {
            polling.start();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boolean idle = true;
            if (poller != null) {
                poller.stop();
                try {
                    polling.join(TimeUnit.SECONDS.toMillis(GRACE_SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                idle = !polling.isAlive();
            }
            web.close();
            // A pass still running is left as a kill would leave it: the store is closed under it only
            // when it is done, and the next start finishes what it began.
            if (idle) {
                siteTheme.close();
                gleaner.close();
            }
            stopped.countDown();
        }, "serve-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
