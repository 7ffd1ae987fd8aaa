package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Config;
import dev.gleaner.config.Subscription;
import dev.gleaner.pipeline.RunSummary;
import dev.gleaner.publish.site.SiteTheme;
import dev.gleaner.store.Reconciliation;
import dev.gleaner.store.SubscriptionConflictException;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gleaner move}: renames a feed, a site or a category, its posts and pages going with it. */
@Command(name = "move", mixinStandardHelpOptions = true,
        description = "Move the feeds at or below OLD to the same places below NEW: a feed, a site or a category "
                + "renamed. Their items keep their identity, their posts move (never written twice) and the site "
                + "is rebuilt. Feeds declared in the configuration file are moved there.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner move 社交媒体/知乎/热榜 社交媒体/知乎/知乎热榜   rename a feed",
            "  gleaner move 编程 技术                                 rename a category"})
final class MoveCommand extends ConfiguredCommand {

    @Mixin
    QuietOption quiet = new QuietOption();

    @Parameters(index = "0", paramLabel = "OLD", description = "Where the feeds are, like 社交媒体/知乎.")
    String from;

    @Parameters(index = "1", paramLabel = "NEW", description = "Where they go, like 问答/知乎.")
    String to;

    @Option(names = "--no-build", description = "Leave the HTML site as it is (its pages move at the next build).")
    boolean noBuild;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        Optional<CategoryPath> old = TreePaths.parse(from, "move", err);
        Optional<CategoryPath> target = TreePaths.parse(to, "move", err);
        if (old.isEmpty() || target.isEmpty()) {
            return ExitCodes.USAGE;
        }
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            if (gleaner.existingStore().isEmpty()) {
                err.println("gleaner: move " + from + ": there is no store yet, so no feed was added to move");
                return ExitCodes.USAGE;
            }
            gleaner.reconcile();
            List<Reconciliation.Move> moves;
            try {
                moves = gleaner.store().subscriptions().move(old.get(), target.get());
            } catch (SubscriptionConflictException e) {
                err.println("gleaner: move " + from + " " + to + ": " + e.getMessage()
                        + (e.getMessage().contains("configuration file") ? " (" + config.file() + ")" : ""));
                return ExitCodes.USAGE;
            }
            List<Subscription> followed = gleaner.followed();
            RunSummary.Posts posts = gleaner.publisher().move(followed);
            posts.failures().forEach(failure -> err.println("gleaner: " + failure));
            if (!quiet.quiet) {
                moves.forEach(move -> out.println("moved " + move.from() + " -> " + move.to()));
                out.println("posts moved: " + posts.moved());
            }
            if (!posts.failures().isEmpty()) {
                return ExitCodes.FAILED;
            }
            if (!noBuild) {
                try (SiteTheme theme = SiteBuildStep.theme(config, null, err)) {
                    if (theme == null || !SiteBuildStep.build(gleaner, theme, false, out, err, quiet.quiet)) {
                        return ExitCodes.FAILED;
                    }
                }
            }
            return ExitCodes.OK;
        }
    }
}
