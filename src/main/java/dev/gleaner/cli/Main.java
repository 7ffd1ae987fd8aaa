package dev.gleaner.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gleaner} command: turns the feeds a person follows into a blog they own. */
@Command(name = "gleaner",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Turns the feeds you follow into a blog you own.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner run                       one pass over gleaner.yml: fetch, write posts, build the site",
            "  gleaner help run                  what run does, and its options"})
public final class Main implements Runnable {
    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, BuildCommand.class,
            PreviewCommand.class, ServeCommand.class, PasswdCommand.class, StatusCommand.class, AddCommand.class, ListCommand.class, MoveCommand.class,
            RemoveCommand.class, ImportCommand.class, ExportCommand.class, AdoptCommand.class, PruneCommand.class,
            CheckCommand.class, ParseCommand.class, CommandLine.HelpCommand.class);
    static {
        // The fetcher connects plain-http feeds to the address it checked and names the host itself;
        // java.net.http allows that only when told so before its first use.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line on standard output and error and returns its exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    /** Runs the command line, writing to {@code out} and {@code err}, and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        subcommandsFor(args).forEach(commandLine::addSubcommand);
        // Examples pair a command with what it does on one line; 80 columns would break them.
        commandLine.setUsageHelpWidth(110);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("gleaner: " + exception.getMessage());
            return ExitCodes.FAILED;
        });
        return commandLine.execute(args);
    }

    /**
     * The subcommand {@code args} names, alone, else all of them (for help, the version, a mistake):
     * picocli reads each subcommand's annotations when it is added, a fifth of a second for all of them
     * at every start.
     */
    private static List<Class<?>> subcommandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                if (subcommand != CommandLine.HelpCommand.class && command.name().equals(args[0])) {
                    return List.of(subcommand);
                }
            }
        }
        return SUBCOMMANDS;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
