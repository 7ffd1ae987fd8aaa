package dev.gleaner.web;

import dev.gleaner.content.ContentHash;
import dev.gleaner.store.Account;
import dev.gleaner.store.AccountStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * HTTP Basic against the account. Reader apps send the password with every request, and Argon2id is
 * meant to be slow, so a credential that checked is trusted for {@link #TRUSTED_FOR} (until the
 * password changes); an address that keeps failing is held back by the {@link LoginLimiter}.
 */
final class BasicAuth {
    static final Duration TRUSTED_FOR = Duration.ofMinutes(5);
    private static final int MOST_TRUSTED = 1_000;

    /** How a request's credentials went. */
    enum Verdict { SIGNED_IN, REFUSED, HELD_BACK }

    private final AccountStore accounts;
    private final LoginLimiter limiter;
    private final InstantSource clock;
    /** The digests of credentials that checked, with their account's hash, and until when they are trusted. */
    private final Map<String, Instant> trusted = new ConcurrentHashMap<>();

    BasicAuth(AccountStore accounts, LoginLimiter limiter, InstantSource clock) {
        this.accounts = accounts;
        this.limiter = limiter;
        this.clock = clock;
    }

    Verdict check(@Nullable String authorization, String address) {
        if (limiter.heldBack(address).isPresent()) {
            return Verdict.HELD_BACK;
        }
        Optional<Account> account = accounts.account();
        Optional<String[]> credentials = credentials(authorization);
        if (account.isEmpty() || credentials.isEmpty()) {
            // No credentials at all is a client asking what to send, not a guess.
            if (credentials.isPresent()) {
                limiter.failed(address);
            }
            return Verdict.REFUSED;
        }
        Instant now = clock.instant();
        String key = ContentHash.of((account.get().passwordHash() + '\n' + authorization).getBytes(StandardCharsets.UTF_8));
        Instant until = trusted.get(key);
        if (until != null && until.isAfter(now)) {
            return Verdict.SIGNED_IN;
        }
        String[] given = credentials.get();
        Verdict verdict = verify(account.get(), given[0], given[1], address);
        if (verdict == Verdict.SIGNED_IN) {
            if (trusted.size() >= MOST_TRUSTED) {
                trusted.clear();
            }
            trusted.put(key, now.plus(TRUSTED_FOR));
        }
        return verdict;
    }

    /** An API key sent as {@code X-Auth-Token}, held back and counted as Basic's credentials are. */
    Verdict checkKey(String token, String address) {
        if (limiter.heldBack(address).isPresent()) {
            return Verdict.HELD_BACK;
        }
        if (accounts.useApiKey(MinifluxKeys.hash(token), clock.instant()).isEmpty()) {
            limiter.failed(address);
            return Verdict.REFUSED;
        }
        limiter.succeeded(address);
        return Verdict.SIGNED_IN;
    }

    /** A user name and password typed into the sign-in page, held back and counted as Basic's are. */
    Verdict check(String username, String password, String address) {
        if (limiter.heldBack(address).isPresent()) {
            return Verdict.HELD_BACK;
        }
        Optional<Account> account = accounts.account();
        if (account.isEmpty()) {
            limiter.failed(address);
            return Verdict.REFUSED;
        }
        return verify(account.get(), username, password, address);
    }

    private Verdict verify(Account account, String username, String password, String address) {
        if (!username.equals(account.username()) || !Passwords.matches(password, account.passwordHash())) {
            limiter.failed(address);
            return Verdict.REFUSED;
        }
        limiter.succeeded(address);
        return Verdict.SIGNED_IN;
    }

    /** How long {@code address} must still wait before it may try again, if it is held back. */
    Optional<Duration> heldBack(String address) {
        return limiter.heldBack(address);
    }

    /** The user name and password of a {@code Basic} header, if it is one. */
    private static Optional<String[]> credentials(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }
}
