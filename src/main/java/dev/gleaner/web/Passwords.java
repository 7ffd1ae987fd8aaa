package dev.gleaner.web;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes and checks passwords with Argon2id at OWASP's parameters (19 MiB of memory, 2 passes, 1 lane),
 * kept in PHC form, which names its own parameters so that older hashes still check after these change.
 */
public final class Passwords {
    /** Shorter passwords are refused when set: guessing them is cheap whatever the hash. */
    public static final int SHORTEST = 8;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID, 0x13);

    private Passwords() {
    }

    /** The hash to keep of {@code password}, with a salt of its own. */
    public static String hash(CharSequence password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** Whether {@code password} is the one {@code hash} was made from; false for a hash it cannot read. */
    public static boolean matches(CharSequence password, String hash) {
        if (!hash.startsWith("$argon2")) {
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The key Fever's clients send, {@code md5(username:password)} in lowercase hex. The protocol allows no
     * other, so it is kept as such: whoever reads it can call the Fever API, and nothing else.
     */
    public static String feverKey(String username, CharSequence password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
