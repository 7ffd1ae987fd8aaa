package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.publish.site.BuildReport;
import dev.gleaner.publish.site.SiteTheme;
import dev.gleaner.publish.site.ThemeException;
import dev.gleaner.store.StoreException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Builds the site as {@code build} and the end of {@code run} do, and says what it did. */
final class SiteBuildStep {
    private SiteBuildStep() {
    }

    /**
     * The theme: the folder given on the command line, else the configuration's {@code site.theme},
     * else the default one.
     *
     * @return the theme, or null after saying on {@code err} why the folder cannot be used
     */
    static @Nullable SiteTheme theme(Config config, @Nullable Path option, PrintWriter err) {
        Path folder = option != null ? option : config.site().theme().orElse(null);
        if (folder == null) {
            return SiteTheme.standard();
        }
        try {
            return SiteTheme.fromFolder(folder);
        } catch (ThemeException e) {
            err.println("gleaner: theme " + e.getMessage());
            return null;
        }
    }

    /**
     * Builds the site and prints one line on {@code out} (unless quiet), or the reason on {@code err}.
     *
     * @return whether the build finished
     */
    static boolean build(Gleaner gleaner, SiteTheme theme, boolean full, PrintWriter out, PrintWriter err,
            boolean quiet) {
        Config config = gleaner.config();
        config.warnings().forEach(warning -> err.println("gleaner: warning: " + warning));
        try {
            BuildReport report = gleaner.siteBuilder(theme).build(full);
            if (!quiet) {
                out.printf(Locale.ROOT, "site: %d items, %d files in %.1f s (%d written, %d unchanged, %d removed) -> %s%n",
                        report.items(), report.files(), report.took().toMillis() / 1000.0, report.written(),
                        report.unchanged(), report.removed(), config.site().publicDir());
            }
            return true;
        } catch (UncheckedIOException e) {
            err.println("gleaner: site not built: " + e.getMessage());
        } catch (StoreException e) {
            err.println("gleaner: site not built: store " + config.storage() + ": " + e.getMessage());
        }
        return false;
    }
}
