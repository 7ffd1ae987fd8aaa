package dev.gleaner.cli;

import dev.gleaner.config.Config;
import dev.gleaner.publish.site.SiteTheme;
import dev.gleaner.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gleaner build}: renders the HTML site from the store. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Render the HTML site from the store into site/public; only what changed, unless --full.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner build                     render what changed since the last build",
            "  gleaner build --full --theme my-theme   render every page with a copy of themes/default"})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Mixin
    QuietOption quiet = new QuietOption();

    @Option(names = "--full", description = "Render every page, whatever the last build left.")
    boolean full;

    @Option(names = "--theme", paramLabel = "DIR",
            description = "A theme folder (templates/*.jte, assets/*); copy themes/default to start one.")
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
        try (SiteTheme siteTheme = SiteBuildStep.theme(theme, err)) {
            if (siteTheme == null) {
                return ExitCodes.USAGE;
            }
            try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
                boolean built = SiteBuildStep.build(config, gleaner.store(), siteTheme, full, out, err, quiet.quiet);
                return built ? ExitCodes.OK : ExitCodes.FAILED;
            } catch (StoreException e) {
                err.println("gleaner: store " + config.storage() + ": " + e.getMessage());
                return ExitCodes.FAILED;
            }
        } finally {
            out.flush();
            err.flush();
        }
    }
}
