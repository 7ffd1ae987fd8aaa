package dev.gleaner.store;

import java.util.Optional;

/** The account of {@code gleaner serve}: one, or none before {@code gleaner passwd} has set it. */
public interface AccountStore {
    /** The account, if a password has been set. */
    Optional<Account> account();

    /** Sets the account's name and password hash, making it when there is none. */
    void set(Account account);
}
