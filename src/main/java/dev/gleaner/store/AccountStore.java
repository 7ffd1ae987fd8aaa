package dev.gleaner.store;

import java.util.Optional;

/** The account of {@code gleaner serve}: one, or none before {@code gleaner passwd} has set it. */
public interface AccountStore {
    /** The account, if a password has been set. */
    Optional<Account> account();

    /** Sets the account's name and password hash, making it when there is none; a new name drops the API password. */
    void set(Account account);

    /** The reader APIs' password, if one has been set for the account as it is named now. */
    Optional<ApiPassword> apiPassword();

    /**
     * Sets the reader APIs' password.
     *
     * @return false, changing nothing, when there is no account or it has another name
     */
    boolean setApiPassword(ApiPassword password);
}
