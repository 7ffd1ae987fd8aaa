package dev.gleaner.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The one person {@code gleaner serve} is for.
 *
 * @param username the name to sign in with
 * @param passwordHash the password's hash in PHC form; never the password
 * @param changedAt when the password was last set
 */
public record Account(String username, String passwordHash, Instant changedAt) {
    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String toString() {
        return "Account[" + username + ", password set " + changedAt + "]";
    }
}
