package dev.gleaner.cli;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.config.Subscription;
import dev.gleaner.pipeline.Pruning;
import dev.gleaner.publish.site.SiteTheme;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gleaner prune}: removes retired subscriptions for good, with their posts and pages. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Remove retired subscriptions (no longer in the configuration) at or below PATH: their posts, "
                + "their pages on the site and what the store remembers of them. `gleaner status` lists them.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner prune 编程/掘金/前端          one retired feed",
            "  gleaner prune 编程                 every retired feed below 编程"})
final class PruneCommand extends ConfiguredCommand {

    @Mixin
    QuietOption quiet = new QuietOption();

    @Parameters(paramLabel = "PATH", description = "A category path, like 编程/掘金/前端.")
    String path;

    @Option(names = "--no-build", description = "Leave the HTML site as it is (its pages go at the next build).")
    boolean noBuild;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        CategoryPath prefix;
        try {
            prefix = CategoryPath.parse(path);
        } catch (IllegalArgumentException e) {
            err.println("gleaner: prune " + path + ": expected a category path like 编程/掘金/前端");
            return ExitCodes.USAGE;
        }
        List<String> declared = config.subscriptions().stream().map(Subscription::path)
                .filter(subscription -> subscription.startsWith(prefix)).map(CategoryPath::toString).toList();
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            if (gleaner.existingStore().isEmpty()) {
                err.println("gleaner: prune " + path + ": there is no store yet, so nothing is retired");
                return ExitCodes.USAGE;
            }
            Pruning pruning = gleaner.pruning();
            // A run retires what left the configuration; until then it would come back at the next run.
            gleaner.reconcile();
            if (pruning.retiredUnder(prefix).isEmpty()) {
                err.println("gleaner: prune " + path + ": no retired subscription is at or below it"
                        + (declared.isEmpty() ? "" : "; " + String.join(", ", declared)
                                + " still in " + config.file() + " (remove it there first)"));
                return ExitCodes.USAGE;
            }
            List<Pruning.Pruned> pruned = pruning.prune(prefix);
            if (!quiet.quiet) {
                for (Pruning.Pruned one : pruned) {
                    out.printf("pruned %s: %d posts, %d items%n", one.path(), one.posts(), one.entries());
                }
            }
            if (!noBuild) {
                try (SiteTheme theme = SiteBuildStep.theme(config, null, err)) {
                    if (theme == null
                            || !SiteBuildStep.build(gleaner, theme, false, out, err, quiet.quiet)) {
                        return ExitCodes.FAILED;
                    }
                }
            }
        } catch (IOException e) {
            err.println("gleaner: prune " + path + ": " + e.getMessage() + " (prune again to finish)");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
