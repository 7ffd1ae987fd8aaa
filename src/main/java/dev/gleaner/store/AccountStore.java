package dev.gleaner.store;

import java.time.Instant;
import java.util.List;
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

    /** The API keys, oldest first. */
    List<ApiKey> apiKeys();

    /**
     * Keeps a new API key by the SHA-256 of its token.
     *
     * @return the key, or empty when another key has that description
     */
    Optional<ApiKey> addApiKey(String description, String tokenHash, Instant at);

    /** The key whose token has this SHA-256, noting that it was used {@code at}. */
    Optional<ApiKey> useApiKey(String tokenHash, Instant at);

    /** Removes an API key; false when there is none with that number. */
    boolean removeApiKey(long id);
}
