package dev.gleaner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gleaner} command: turns the feeds a person follows into a blog they own. */
@Command(name = "gleaner",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Turns the feeds you follow into a blog you own.",
        subcommands = {RunCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, for tests and for {@link #main}. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("gleaner: " + exception.getMessage());
            return ExitCodes.FAILED;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
