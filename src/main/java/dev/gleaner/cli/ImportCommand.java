package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Config;
import dev.gleaner.config.OpmlException;
import dev.gleaner.config.OpmlReader;
import dev.gleaner.config.OpmlTree;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.SubscriptionConflictException;
import dev.gleaner.store.SubscriptionState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gleaner import}: follows every feed of an OPML list, its folders becoming the category tree. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Follow the feeds of an OPML file as other feed readers export it (Miniflux, FreshRSS, Feedly, "
                + "Inoreader, NetNewsWire, Gleaner's own export): nested folders become the category tree at any "
                + "depth, a feed's title its name. All of them or none: a feed already followed stops the import "
                + "unless --skip-existing. They are fetched at the next run.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner import feeds.opml                    folders become categories",
            "  gleaner import flat.opml --to 博客/朋友         a list without folders, under 博客/朋友"})
final class ImportCommand extends ConfiguredCommand {

    @Mixin
    QuietOption quiet = new QuietOption();

    @Parameters(paramLabel = "FILE", description = "The OPML file.")
    Path file;

    @Option(names = "--to", paramLabel = "PATH",
            description = "Put the whole list below this category path, like 博客 or 博客/朋友.")
    @Nullable String to;

    @Option(names = "--skip-existing", description = "Leave out feeds whose path or URL is already followed.")
    boolean skipExisting;

    @Option(names = "--allow-file-urls",
            description = "Keep file: URLs (a list Gleaner exported from a configuration with local feeds).")
    boolean allowFileUrls;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        Optional<CategoryPath> under = TreePaths.parse(to, "import --to", err);
        if (to != null && under.isEmpty()) {
            return ExitCodes.USAGE;
        }
        OpmlReader reader = allowFileUrls ? new OpmlReader().allowingFileUrls() : new OpmlReader();
        OpmlTree tree;
        try {
            tree = under.isPresent() ? reader.read(file, under.get()) : reader.read(file);
        } catch (OpmlException e) {
            err.println("gleaner: import " + e.getMessage());
            return ExitCodes.USAGE;
        }
        tree.warnings().forEach(warning -> err.println("gleaner: warning: " + file + ": " + warning));
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            NewStore.adoptPosts(gleaner, out);
            gleaner.reconcile();
            List<String> conflicts = new ArrayList<>();
            List<Subscription> adding = gleaner.store().subscriptions().notFollowed(tree.subscriptions(), conflicts);
            if (!conflicts.isEmpty() && !skipExisting) {
                conflicts.forEach(conflict -> err.println("gleaner: import " + file + ": " + conflict));
                err.println("gleaner: import " + file + ": nothing imported; --skip-existing leaves those out");
                return ExitCodes.USAGE;
            }
            List<SubscriptionState> added;
            try {
                added = gleaner.store().subscriptions().addAll(adding, gleaner.clock().instant());
            } catch (SubscriptionConflictException e) {
                err.println("gleaner: import " + file + ": " + e.getMessage() + "; nothing imported");
                return ExitCodes.USAGE;
            }
            if (!quiet.quiet) {
                out.println("imported " + added.size() + (added.size() == 1 ? " feed" : " feeds") + " from " + file
                        + (conflicts.isEmpty() ? "" : " (" + conflicts.size() + " already followed, left out)")
                        + "; they are fetched at the next run");
            }
            return ExitCodes.OK;
        }
    }

    /** The subscriptions of the list whose path and URL nobody follows; the others said in {@code conflicts}. */
}
