package dev.gleaner.cli;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.config.Subscription;
import dev.gleaner.model.FeedUrl;
import dev.gleaner.pipeline.RunOptions;
import dev.gleaner.pipeline.RunSummary;
import dev.gleaner.publish.site.SiteTheme;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gleaner run}: one pass for cron or CI. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Fetch the subscriptions, remember what they hold, write each new item once as a Hexo post "
                + "and bring the HTML site up to date.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner run                       fetch what is due, write its new posts, build the site",
            "  gleaner run --all --strict        fetch everything; exit 1 if a feed failed (for CI)",
            "  gleaner run --only 社交媒体/知乎     only the feeds below 社交媒体/知乎"})
final class RunCommand extends ConfiguredCommand {

    @Mixin
    QuietOption quiet = new QuietOption();

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
            description = "A theme folder for the site (templates/*.jte, assets/*) in place of site.theme; copy "
                    + "themes/default to start one.")
    @Nullable Path theme;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            return run(gleaner, out, err);
        }
    }

    private int run(Gleaner gleaner, PrintWriter out, PrintWriter err) {
        Config config = gleaner.config();
        Optional<List<CategoryPath>> subtrees = subtrees(config, gleaner.followed(), err);
        if (subtrees.isEmpty()) {
            return ExitCodes.USAGE;
        }
        SiteTheme siteTheme = noBuild ? null : SiteBuildStep.theme(config, theme, err);
        if (!noBuild && siteTheme == null) {
            return ExitCodes.USAGE;
        }
        RunSummary summary;
        StringWriter said = new StringWriter();
        boolean siteBuilt = true;
        try (SiteTheme closing = siteTheme) {
            Store store = gleaner.store();
            NewStore.adoptPosts(gleaner, new PrintWriter(said));
            ProgressBar bar = ProgressBar.forTerminal(out, quiet.quiet);
            summary = gleaner.pass().run(new RunOptions(subtrees.get(), all), bar);
            bar.finish();
            Map<Long, Integer> posts = summary.tree().retired().isEmpty() ? Map.of()
                    : store.subscriptions().postCounts();
            new SummaryPrinter(new PrintWriter(said)).printTree(summary.tree(), path -> store.subscriptions()
                    .find(path).map(state -> posts.getOrDefault(state.id(), 0)).orElse(0));
            new SummaryPrinter(new PrintWriter(said)).print(summary, config.backlog());
            List<Subscription> followed = summary.tree().states().stream().map(SubscriptionState::subscription)
                    .toList();
            boolean routes = followed.stream().anyMatch(s -> s.url() instanceof FeedUrl.Route);
            if (global.verbose.length > 0 && routes) {
                // Routes move between RSSHub releases; a verbose run says which of ours did.
                CheckCommand.print(gleaner.routeCheck().check(followed), new PrintWriter(said), err);
            }
            if (closing != null) {
                siteBuilt = SiteBuildStep.build(gleaner, closing, false, new PrintWriter(said), err, false);
            }
        } catch (UncheckedIOException e) {
            err.println("gleaner: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        summary.fetches().failures().forEach(failure -> err.println("gleaner: " + failure.path() + ": "
                + failure.reason()));
        summary.fetches().warnings().forEach(warning -> err.println("gleaner: warning: " + warning));
        summary.posts().failures().forEach(failure -> err.println("gleaner: post not written: " + failure));
        if (!quiet.quiet) {
            out.print(said);
        }
        if (!siteBuilt || !summary.posts().failures().isEmpty()
                || (strict && !summary.fetches().failures().isEmpty())) {
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** The subtrees of {@code --only}, each naming at least one subscription; empty after saying why not. */
    private Optional<List<CategoryPath>> subtrees(Config config, List<Subscription> followed, PrintWriter err) {
        List<CategoryPath> subtrees = new ArrayList<>();
        for (String path : only) {
            CategoryPath prefix;
            try {
                prefix = CategoryPath.parse(path);
            } catch (IllegalArgumentException e) {
                err.println("gleaner: --only " + path + ": expected a category path like 社交媒体/知乎");
                return Optional.empty();
            }
            if (followed.stream().noneMatch(subscription -> subscription.path().startsWith(prefix))) {
                err.println("gleaner: --only " + path + ": no subscription of " + config.file() + " is at or below it"
                        + "; its top levels are " + String.join(", ", topLevels(followed)));
                return Optional.empty();
            }
            subtrees.add(prefix);
        }
        return Optional.of(subtrees);
    }

    private static List<String> topLevels(List<Subscription> followed) {
        return followed.stream().map(Subscription::path).map(path -> path.levels().get(0))
                .distinct().toList();
    }

}
