package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.publish.site.SiteTheme;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gleaner build}: renders the HTML site from the store. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Render the HTML site from the store into site/public; only what changed, unless --full.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner build                     render what changed since the last build",
            "  gleaner build --full --theme my-theme   render every page with a copy of themes/default"})
final class BuildCommand extends ConfiguredCommand {

    @Mixin
    QuietOption quiet = new QuietOption();

    @Option(names = "--full", description = "Render every page, whatever the last build left.")
    boolean full;

    @Option(names = "--theme", paramLabel = "DIR",
            description = "A theme folder (templates/*.jte, assets/*) in place of site.theme; copy themes/default "
                    + "to start one.")
    @Nullable Path theme;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        try (SiteTheme siteTheme = SiteBuildStep.theme(config, theme, err)) {
            if (siteTheme == null) {
                return ExitCodes.USAGE;
            }
            try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
                boolean built = SiteBuildStep.build(gleaner, siteTheme, full, out, err, quiet.quiet);
                return built ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }
}
