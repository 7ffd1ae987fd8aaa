package dev.gleaner.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The password of the reader apps' APIs, apart from the account's.
 *
 * @param username the account's name it was set for
 * @param passwordHash its Argon2id hash in PHC form, for Google Reader's ClientLogin
 * @param feverKey {@code md5(username:password)} in lowercase hex: what Fever's clients send
 * @param changedAt when it was last set
 */
public record ApiPassword(String username, String passwordHash, String feverKey, Instant changedAt) {
    public ApiPassword {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(feverKey, "feverKey");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String toString() {
        return "ApiPassword[" + username + ", set " + changedAt + "]";
    }
}
