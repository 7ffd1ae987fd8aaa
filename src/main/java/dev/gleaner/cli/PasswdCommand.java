package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.store.Account;
import dev.gleaner.store.ApiPassword;
import dev.gleaner.web.Passwords;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gleaner passwd}: sets the name and password that {@code gleaner serve} signs in with. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Set the user name and password of gleaner serve: its pages, and HTTP Basic on its APIs. "
                + "The password is asked twice on a terminal, else read from the first line of standard input; "
                + "only its Argon2id hash is stored. With --api, sets instead the password of the reader apps' "
                + "APIs (Google Reader, Fever), which signs in nowhere else.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner passwd                    set the password of admin",
            "  echo \"$PASSWORD\" | gleaner passwd --user me   from a script or a container",
            "  gleaner passwd --api              the password reader apps sign in with"})
final class PasswdCommand extends ConfiguredCommand {
    @Option(names = "--user", paramLabel = "NAME", defaultValue = "admin",
            description = "The user name (default: ${DEFAULT-VALUE}).")
    String user = "admin";

    @Option(names = "--api", description = "Set the password of the Google Reader and Fever APIs, for the account as "
            + "it is named now.")
    boolean api;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) throws IOException {
        if (api) {
            return setApiPassword(config, out, err);
        }
        if (user.isBlank() || user.contains(":") || user.chars().anyMatch(Character::isISOControl)) {
            err.println("gleaner: --user " + user + ": a user name must not be empty, nor hold ':' or control characters");
            return ExitCodes.USAGE;
        }
        char[] password = read(err);
        if (password == null) {
            return ExitCodes.USAGE;
        }
        try {
            InstantSource clock = InstantSource.system();
            try (Gleaner gleaner = new Gleaner(config, clock)) {
                gleaner.store().account().set(new Account(user, Passwords.hash(new String(password)), clock.instant()));
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        out.println("gleaner: the password of " + user + " is set in " + config.storage());
        return ExitCodes.OK;
    }

    private int setApiPassword(Config config, PrintWriter out, PrintWriter err) throws IOException {
        InstantSource clock = InstantSource.system();
        try (Gleaner gleaner = new Gleaner(config, clock)) {
            Optional<Account> account = gleaner.store().account().account();
            if (account.isEmpty()) {
                err.println("gleaner: there is no account yet; set its password first with gleaner passwd");
                return ExitCodes.USAGE;
            }
            String name = account.get().username();
            char[] password = read(err);
            if (password == null) {
                return ExitCodes.USAGE;
            }
            try {
                String text = new String(password);
                if (Passwords.matches(text, account.get().passwordHash())) {
                    err.println("gleaner: the API password must differ from the account's; nothing was changed");
                    return ExitCodes.USAGE;
                }
                if (!gleaner.store().account().setApiPassword(new ApiPassword(name, Passwords.hash(text),
                        Passwords.feverKey(name, text), clock.instant()))) {
                    err.println("gleaner: the account changed meanwhile; nothing was changed");
                    return ExitCodes.FAILED;
                }
            } finally {
                Arrays.fill(password, '\0');
            }
            out.println("gleaner: the API password of " + name + " is set in " + config.storage());
            return ExitCodes.OK;
        }
    }

    /**
     * The password typed twice on the terminal, else the first line of standard input; null after saying
     * why not, when there is none or it is too short.
     */
    private static char[] read(PrintWriter err) throws IOException {
        char[] password = typed(err);
        if (password != null && password.length < Passwords.SHORTEST) {
            Arrays.fill(password, '\0');
            err.println("gleaner: the password must be at least " + Passwords.SHORTEST + " characters long");
            return null;
        }
        return password;
    }

    private static char[] typed(PrintWriter err) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] second = first == null ? null : console.readPassword("Again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("gleaner: the two passwords differ; nothing was changed");
                return null;
            }
            Arrays.fill(second, '\0');
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            err.println("gleaner: no password on standard input; nothing was changed");
            return null;
        }
        return line.toCharArray();
    }
}
