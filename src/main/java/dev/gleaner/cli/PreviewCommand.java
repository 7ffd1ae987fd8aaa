package dev.gleaner.cli;

import com.sun.net.httpserver.HttpServer;
import dev.gleaner.config.Config;
import dev.gleaner.web.StaticFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gleaner preview}: serves the built site on this machine only, for a look. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Serve the built site (site/public) on 127.0.0.1 until stopped with Ctrl-C.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner preview                   serve it on the port of site.url, else 4000",
            "  gleaner preview --port 8080       serve it on http://127.0.0.1:8080/"})
final class PreviewCommand extends ConfiguredCommand {

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: the port of site.url, else 4000; 0 picks a free one).")
    Integer port;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        int chosen = port != null ? port : config.site().url().getPort() > 0 ? config.site().url().getPort() : 4000;
        if (chosen < 0 || chosen > 65_535) {
            err.println("gleaner: --port " + chosen + ": expected a port from 0 to 65535");
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(config.site().publicDir().resolve("index.html"))) {
            err.println("gleaner: " + config.site().publicDir() + " holds no built site yet; run gleaner build "
                    + "(or gleaner run) first");
            return ExitCodes.FAILED;
        }
        String basePath = config.site().url().getRawPath();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), chosen), 64);
        } catch (IOException e) {
            err.println("gleaner: cannot listen on 127.0.0.1:" + chosen + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        server.createContext("/", new StaticFiles(config.site().publicDir(), basePath));
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        out.printf("Serving %s at http://127.0.0.1:%d%s (Ctrl-C to stop)%n", config.site().publicDir(),
                server.getAddress().getPort(), basePath);
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            stopped.countDown();
        }));
        stopped.await();
        return ExitCodes.OK;
    }
}
