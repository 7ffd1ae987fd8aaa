package dev.gleaner.cli;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Config;
import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.fetch.FetchSettings;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.fetch.HostGate;
import dev.gleaner.parse.FeedParser;
import dev.gleaner.pipeline.FeedSource;
import dev.gleaner.pipeline.PostPublisher;
import dev.gleaner.pipeline.RunOptions;
import dev.gleaner.pipeline.RunPass;
import dev.gleaner.pipeline.RunSummary;
import dev.gleaner.pipeline.Schedule;
import dev.gleaner.publish.HexoPostRenderer;
import dev.gleaner.publish.HexoPostWriter;
import dev.gleaner.publish.site.SiteTheme;
import dev.gleaner.store.Store;
import dev.gleaner.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gleaner run}: one pass for cron or CI. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Fetch the subscriptions, remember what they hold, write each new item once as a Hexo post "
                + "and bring the HTML site up to date.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Option(names = "--strict", description = "Exit 1 when any feed failed.")
    boolean strict;

    @Option(names = "--all", description = "Fetch every subscription, due or not.")
    boolean all;

    @Option(names = "--only", paramLabel = "PATH", arity = "1..*",
            description = "Limit the pass to these subtrees of the category tree, like 社交媒体/知乎.")
    List<String> only = new ArrayList<>();

    @Option(names = "--no-build", description = "Leave the HTML site as it is (gleaner build brings it up to date).")
    boolean noBuild;

    @Option(names = "--theme", paramLabel = "DIR",
            description = "A theme folder for the site (templates/*.jte, assets/*); copy themes/default to start one.")
    @Nullable Path theme;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        global.applyLogLevel();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Config> loaded = global.loadConfig(err);
        if (loaded.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Config config = loaded.get();
        List<CategoryPath> subtrees = new ArrayList<>();
        for (String path : only) {
            try {
                subtrees.add(CategoryPath.parse(path));
            } catch (IllegalArgumentException e) {
                err.println("gleaner: --only " + path + ": expected a category path like 社交媒体/知乎");
                return ExitCodes.USAGE;
            }
        }
        RunSummary summary;
        StringWriter siteSummary = null;
        InstantSource clock = InstantSource.system();
        FetchSettings settings;
        try {
            settings = Components.fetchSettings(config);
        } catch (IllegalArgumentException e) {
            err.println("gleaner: " + config.file() + ": fetch.allow: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        SiteTheme siteTheme = noBuild ? null : SiteBuildStep.theme(theme, err);
        if (!noBuild && siteTheme == null) {
            return ExitCodes.USAGE;
        }
        boolean siteBuilt = true;
        try (Fetcher fetcher = new Fetcher(settings); HostGate gate = new HostGate(settings);
                Store store = Store.open(config.storage()); SiteTheme closing = siteTheme) {
            HexoPostWriter writer = new HexoPostWriter(config.site().postsDir(),
                    new HexoPostRenderer(new HtmlSanitizer()), store.entries(), clock);
            RunPass pass = new RunPass(config, store, new FeedSource(fetcher, FeedParser.standard(), gate, settings),
                    new PostPublisher(store.entries(), writer), new Schedule(config.schedule(), new SplittableRandom()),
                    clock);
            ProgressBar bar = ProgressBar.forTerminal(out, global.quiet);
            summary = pass.run(new RunOptions(subtrees, all), bar);
            bar.finish();
            if (closing != null) {
                siteSummary = new StringWriter();
                siteBuilt = SiteBuildStep.build(config, store, closing, false, new PrintWriter(siteSummary), err, false);
            }
        } catch (StoreException e) {
            err.println("gleaner: store " + config.storage() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        summary.failures().forEach(failure -> err.println("gleaner: " + failure.path() + ": " + failure.reason()));
        summary.postFailures().forEach(failure -> err.println("gleaner: post not written: " + failure));
        if (!global.quiet) {
            new SummaryPrinter(out).print(summary);
            if (siteSummary != null) {
                out.print(siteSummary);
            }
        }
        out.flush();
        err.flush();
        if (!siteBuilt || !summary.postFailures().isEmpty() || (strict && !summary.failures().isEmpty())) {
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
