package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.config.ConfigException;
import dev.gleaner.config.OpmlWriter;
import dev.gleaner.config.Subscription;
import dev.gleaner.config.YamlTreeWriter;
import dev.gleaner.publish.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gleaner export}: the whole tree followed, as OPML for other readers or as the configuration's YAML. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write every feed followed (the configuration's and those added from the command line) as "
                + "OPML 2.0, which other feed readers import (Gleaner's own options ride along in its namespace), or "
                + "as the configuration file with its subscriptions: section holding the whole tree, which can "
                + "replace the file.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner export --opml > feeds.opml",
            "  gleaner export --yaml -o gleaner.yml        every feed now declared in the file"})
final class ExportCommand extends ConfiguredCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) rather than to the standard output.")
    @Nullable Path output;

    /** One of the two forms. */
    static final class Format {
        @Option(names = "--opml", required = true, description = "As OPML 2.0.")
        boolean opml;

        @Option(names = "--yaml", required = true, description = "As the configuration file, its tree the whole tree.")
        boolean yaml;
    }

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        String text;
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            List<Subscription> followed = gleaner.followed();
            text = format.opml ? new OpmlWriter(gleaner.clock()).write(config.site().title(), followed)
                    : new YamlTreeWriter().replaceIn(config.file(), followed);
        } catch (ConfigException e) {
            err.println("gleaner: export --yaml: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("gleaner: export: the tree cannot be written: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (output == null) {
            out.print(text);
            return ExitCodes.OK;
        }
        try {
            AtomicFiles.write(output, text.getBytes(StandardCharsets.UTF_8));
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("gleaner: export -o " + output + ": " + AtomicFiles.reason(e, output));
            return ExitCodes.FAILED;
        }
    }
}
