package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.pipeline.RouteCheck;
import java.io.PrintWriter;
import java.time.InstantSource;
import picocli.CommandLine.Command;

/** {@code gleaner check}: which configured RSSHub routes the instances no longer serve, and what they serve instead. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Ask each RSSHub instance for its route table and list the rsshub:// routes of the "
                + "configuration it does not serve, with the nearest routes it does. Exits 1 when a route is missing.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner check                     every rsshub:// route against every instance",
            "  gleaner run -v                    a pass, then the same check"})
final class CheckCommand extends ConfiguredCommand {

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            RouteCheck.Report report = gleaner.routeCheck().check(gleaner.followed());
            print(report, out, err);
            return report.missing().isEmpty() && !report.tables().isEmpty() || report.checked() == 0
                    ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /** Prints what the check found: each missing route on a line of its own, with its nearest routes. */
    static void print(RouteCheck.Report report, PrintWriter out, PrintWriter err) {
        report.unreachable().forEach(reason -> err.println("gleaner: no route table from " + reason));
        if (report.checked() == 0) {
            out.println("check: no rsshub:// route in the configuration");
            return;
        }
        if (report.tables().isEmpty()) {
            err.println("gleaner: check: no RSSHub instance gave its route table; nothing was checked");
            return;
        }
        for (RouteCheck.Missing missing : report.missing()) {
            out.println(missing.path() + ": rsshub://" + missing.route() + " is not a route of "
                    + String.join(" or ", report.tables().keySet())
                    + (missing.nearest().isEmpty() ? "" : "; nearest: " + String.join(", ", missing.nearest())));
        }
        out.printf("check: %d of %d rsshub:// routes served (%s)%n", report.checked() - report.missing().size(),
                report.checked(), String.join(", ", report.tables().entrySet().stream()
                        .map(table -> table.getKey() + ": " + table.getValue() + " routes").toList()));
    }
}
