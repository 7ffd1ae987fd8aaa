package dev.gleaner.web;

import dev.gleaner.content.ContentHash;
import dev.gleaner.store.AccountStore;
import dev.gleaner.store.ApiPassword;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Signs reader apps in with the API password of {@code gleaner passwd --api}: Google Reader's ClientLogin
 * and the tokens it hands out, Fever's key. Failed guesses count with the {@link LoginLimiter}.
 */
final class ApiPasswordAuth {
    private final AccountStore accounts;
    private final LoginLimiter limiter;

    ApiPasswordAuth(AccountStore accounts, LoginLimiter limiter) {
        this.accounts = accounts;
        this.limiter = limiter;
    }

    /** Google Reader's ClientLogin: the account's name and the API password. */
    BasicAuth.Verdict login(String user, String password, String address) {
        if (limiter.heldBack(address).isPresent()) {
            return BasicAuth.Verdict.HELD_BACK;
        }
        Optional<ApiPassword> api = accounts.apiPassword();
        if (api.isEmpty() || !api.get().username().equals(user) || !Passwords.matches(password, api.get().passwordHash())) {
            limiter.failed(address);
            return BasicAuth.Verdict.REFUSED;
        }
        limiter.succeeded(address);
        return BasicAuth.Verdict.SIGNED_IN;
    }

    /** Fever's {@code api_key}; none at all is a client asking whether it must sign in, not a guess. */
    BasicAuth.Verdict fever(@Nullable String key, String address) {
        if (limiter.heldBack(address).isPresent()) {
            return BasicAuth.Verdict.HELD_BACK;
        }
        if (key == null || key.isBlank()) {
            return BasicAuth.Verdict.REFUSED;
        }
        Optional<ApiPassword> api = accounts.apiPassword();
        if (api.isEmpty() || !same(key.strip().toLowerCase(Locale.ROOT), api.get().feverKey())) {
            limiter.failed(address);
            return BasicAuth.Verdict.REFUSED;
        }
        limiter.succeeded(address);
        return BasicAuth.Verdict.SIGNED_IN;
    }

    /**
     * The token ClientLogin answers and every call then sends. Made from the password's hash, it stays good
     * across restarts and ends when the password or the name changes.
     */
    Optional<String> authToken() {
        return token("auth");
    }

    /** The edit token of Google Reader's {@code token} call, which write calls may send back as {@code T}. */
    Optional<String> writeToken() {
        return token("write");
    }

    /** Whether {@code given} is the token {@code expected}, compared in constant time. */
    static boolean same(String given, Optional<String> expected) {
        return expected.isPresent() && same(given, expected.get());
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> token(String use) {
        return accounts.apiPassword().map(api -> ContentHash.of(("Google Reader " + use + "\n" + api.username() + "\n"
                + api.passwordHash()).getBytes(StandardCharsets.UTF_8)));
    }
}
