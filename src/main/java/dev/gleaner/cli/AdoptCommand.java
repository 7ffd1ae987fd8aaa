package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.pipeline.PostAdoption;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gleaner adopt}: takes an existing blog's posts as Gleaner's own, so that none is written twice. */
@Command(name = "adopt", mixinStandardHelpOptions = true,
        description = {"Record the posts already in source/_posts (of the reference format or its older variants)"
                + " against the subscriptions whose category path they carry, so that no run writes them again;"
                + " each item a fetch brings takes its post over. No file is changed. Posts no subscription"
                + " claims are left alone and listed.",
            "DIR is the Hexo site (or its source/_posts) that site.output names; set site.output to an existing"
                + " blog to move it onto Gleaner."},
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner adopt                     the posts under site.output's source/_posts",
            "  gleaner adopt ~/blog              the same, checking that ~/blog is site.output"})
final class AdoptCommand extends ConfiguredCommand {
    /** Unclaimed posts listed one by one, up to this many. */
    private static final int LISTED = 50;

    @Mixin
    QuietOption quiet = new QuietOption();

    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "The Hexo site or its source/_posts folder (default: site.output's).")
    @Nullable Path folder;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        Path posts = config.site().postsDir().toAbsolutePath().normalize();
        if (folder != null && !isPostsFolder(folder, posts, config.site().output())) {
            err.println("gleaner: adopt " + folder + ": the posts of " + config.file() + " are in " + posts
                    + "; set site.output to the Hexo site that holds " + folder + " (its source/_posts is used)");
            return ExitCodes.USAGE;
        }
        if (!Files.isDirectory(posts)) {
            err.println("gleaner: adopt: " + posts + " is not a folder; there are no posts to adopt");
            return ExitCodes.USAGE;
        }
        PostAdoption.Adopted adopted;
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            adopted = gleaner.adoption().adopt(config.subscriptions());
        } catch (UncheckedIOException e) {
            err.println("gleaner: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        adopted.unreadable().forEach(problem -> err.println("gleaner: left alone: " + problem));
        if (!quiet.quiet) {
            print(adopted, out);
        }
        return ExitCodes.OK;
    }

    private static boolean isPostsFolder(Path given, Path posts, Path output) {
        Path folder = given.toAbsolutePath().normalize();
        return folder.equals(posts) || folder.equals(output.toAbsolutePath().normalize());
    }

    private static void print(PostAdoption.Adopted adopted, PrintWriter out) {
        out.printf("adopted %d posts%s%n", adopted.total(),
                adopted.known() > 0 ? " (" + adopted.known() + " the store already knew)" : "");
        for (Map.Entry<String, Integer> subscription : adopted.adopted().entrySet()) {
            out.printf("  %-5d %s%n", subscription.getValue(), subscription.getKey());
        }
        if (!adopted.unclaimed().isEmpty()) {
            out.printf("%d posts no subscription claims, left alone:%n", adopted.unclaimed().size());
            adopted.unclaimed().stream().limit(LISTED).forEach(path -> out.println("  " + path));
            if (adopted.unclaimed().size() > LISTED) {
                out.printf("  ... and %d more%n", adopted.unclaimed().size() - LISTED);
            }
        }
        if (!adopted.unreadable().isEmpty()) {
            out.printf("%d files are not posts of this format, left alone (listed above)%n",
                    adopted.unreadable().size());
        }
    }
}
