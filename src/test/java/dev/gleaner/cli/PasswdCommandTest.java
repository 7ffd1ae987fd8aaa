package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.store.Account;
import dev.gleaner.store.ApiPassword;
import dev.gleaner.store.Store;
import dev.gleaner.testing.Workspace;
import dev.gleaner.web.Passwords;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gleaner passwd} from a script: the password on standard input, only its hash stored. */
class PasswdCommandTest {
    @TempDir
    Path dir;

    Workspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir);
        workspace.config("a:\n  b:\n    c: https://example.org/feed.xml\n");
    }

    private Workspace.Result passwd(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            String[] command = new String[args.length + 1];
            command[0] = "passwd";
            System.arraycopy(args, 0, command, 1, args.length);
            return workspace.run(command);
        } finally {
            System.setIn(before);
        }
    }

    private Optional<Account> account() {
        try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"))) {
            return store.account().account();
        }
    }

    @Test
    void setsThePasswordOfAdminFromTheFirstLineOfStandardInput() {
        Workspace.Result result = passwd("correct horse battery\nignored\n");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("the password of admin is set");
        Account account = account().orElseThrow();
        assertThat(account.username()).isEqualTo("admin");
        assertThat(account.passwordHash()).startsWith("$argon2id$").doesNotContain("correct horse");
        assertThat(Passwords.matches("correct horse battery", account.passwordHash())).isTrue();
    }

    @Test
    void setsAnotherUserAndReplacesTheAccount() {
        passwd("first password\n");
        Workspace.Result result = passwd("second password\r\n", "--user", "读者");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Account account = account().orElseThrow();
        assertThat(account.username()).isEqualTo("读者");
        assertThat(Passwords.matches("second password", account.passwordHash())).isTrue();
    }

    @Test
    void refusesAShortPasswordAnEmptyInputAndABadNameAndChangesNothing() {
        Workspace.Result shortOne = passwd("short\n");
        assertThat(shortOne.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortOne.err()).contains("at least " + Passwords.SHORTEST + " characters");

        Workspace.Result none = passwd("");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no password on standard input");

        Workspace.Result colon = passwd("long enough password\n", "--user", "a:b");
        assertThat(colon.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(colon.err()).contains("--user a:b");

        assertThat(account()).isEmpty();
    }

    private Optional<ApiPassword> apiPassword() {
        try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"))) {
            return store.account().apiPassword();
        }
    }

    @Test
    void setsTheApiPasswordApartFromTheAccountsWithTheFeverKeyOfItsName() {
        passwd("account password\n", "--user", "读者");

        Workspace.Result result = passwd("reader app password\n", "--api");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("the API password of 读者 is set");
        ApiPassword api = apiPassword().orElseThrow();
        assertThat(api.username()).isEqualTo("读者");
        assertThat(api.passwordHash()).startsWith("$argon2id$");
        assertThat(Passwords.matches("reader app password", api.passwordHash())).isTrue();
        assertThat(api.feverKey()).isEqualTo(Passwords.feverKey("读者", "reader app password")).hasSize(32)
                .isLowerCase();
        assertThat(Passwords.matches("account password", account().orElseThrow().passwordHash()))
                .as("the account's password is untouched").isTrue();
    }

    @Test
    void anApiPasswordNeedsAnAccountALongEnoughPasswordAndNotTheAccountsOwn() {
        Workspace.Result noAccount = passwd("reader app password\n", "--api");
        assertThat(noAccount.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noAccount.err()).contains("no account yet");

        passwd("account password\n");
        Workspace.Result shortOne = passwd("short\n", "--api");
        assertThat(shortOne.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortOne.err()).contains("at least " + Passwords.SHORTEST + " characters");
        Workspace.Result same = passwd("account password\n", "--api");
        assertThat(same.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(same.err()).contains("must differ from the account's");

        assertThat(apiPassword()).isEmpty();
    }

    @Test
    void renamingTheAccountDropsTheApiPasswordWhoseFeverKeyHeldTheOldName() {
        passwd("account password\n");
        passwd("reader app password\n", "--api");
        assertThat(apiPassword()).isPresent();

        passwd("account password\n");
        assertThat(apiPassword()).as("same name, kept").isPresent();
        passwd("account password\n", "--user", "someone");

        assertThat(apiPassword()).isEmpty();
    }
}
