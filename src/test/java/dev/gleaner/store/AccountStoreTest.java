package dev.gleaner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account and its API password, on a real database file. */
class AccountStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");

    @TempDir
    Path dir;

    Store store;

    @BeforeEach
    void open() {
        store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ApiPassword api(String user, String key) {
        return new ApiPassword(user, "$argon2id$hash-of-" + key, key, NOW);
    }

    @Test
    void anApiPasswordNeedsTheAccountUnderThatName() {
        assertThat(store.account().setApiPassword(api("admin", "k1"))).as("no account").isFalse();
        store.account().set(new Account("admin", "$argon2id$account", NOW));
        assertThat(store.account().setApiPassword(api("someone", "k1"))).as("another name").isFalse();
        assertThat(store.account().apiPassword()).isEmpty();

        assertThat(store.account().setApiPassword(api("admin", "k1"))).isTrue();
        assertThat(store.account().setApiPassword(api("admin", "k2"))).isTrue();

        ApiPassword kept = store.account().apiPassword().orElseThrow();
        assertThat(kept.feverKey()).isEqualTo("k2");
        assertThat(kept.passwordHash()).isEqualTo("$argon2id$hash-of-k2");
        assertThat(kept.changedAt()).isEqualTo(NOW);
    }

    @Test
    void aNewAccountPasswordKeepsTheApiPasswordAndANewNameDropsIt() {
        store.account().set(new Account("admin", "$argon2id$account", NOW));
        store.account().setApiPassword(api("admin", "k1"));

        store.account().set(new Account("admin", "$argon2id$another", NOW));
        assertThat(store.account().apiPassword()).isPresent();
        store.account().set(new Account("读者", "$argon2id$another", NOW));

        assertThat(store.account().apiPassword()).isEmpty();
        assertThat(store.account().account().orElseThrow().username()).isEqualTo("读者");
    }
}
