package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Config;
import dev.gleaner.store.SubscriptionConflictException;
import dev.gleaner.store.SubscriptionState;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gleaner remove}: stops following feeds added from the command line, as leaving the configuration does. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Stop following the feeds at or below PATH that were added with `gleaner add` or `gleaner "
                + "import`. They are retired, as a feed taken out of the configuration is: their posts stay until "
                + "`gleaner prune PATH`, and the site drops their pages at its next build. Feeds declared in the "
                + "configuration file are removed there.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner remove 社交媒体/知乎/知乎热榜   one feed",
            "  gleaner remove 社交媒体/知乎          every feed of a site"})
final class RemoveCommand extends ConfiguredCommand {

    @Mixin
    QuietOption quiet = new QuietOption();

    @Parameters(paramLabel = "PATH", description = "A category path, like 社交媒体/知乎/知乎热榜.")
    String path;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        Optional<CategoryPath> prefix = TreePaths.parse(path, "remove", err);
        if (prefix.isEmpty()) {
            return ExitCodes.USAGE;
        }
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            if (gleaner.existingStore().isEmpty()) {
                err.println("gleaner: remove " + path + ": there is no store yet, so no feed was added to remove");
                return ExitCodes.USAGE;
            }
            gleaner.reconcile();
            List<SubscriptionState> retired;
            try {
                retired = gleaner.store().subscriptions().retire(prefix.get(), gleaner.clock().instant());
            } catch (SubscriptionConflictException e) {
                err.println("gleaner: remove " + path + ": " + e.getMessage()
                        + (e.getMessage().contains("configuration file") ? " (" + config.file() + ")" : ""));
                return ExitCodes.USAGE;
            }
            if (!quiet.quiet) {
                retired.forEach(state -> out.println("removed " + state.path() + " (" + state.url() + ")"));
                out.println("their posts stay until `gleaner prune " + path + "`");
            }
            return ExitCodes.OK;
        }
    }
}
