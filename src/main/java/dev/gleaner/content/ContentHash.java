package dev.gleaner.content;

import dev.gleaner.model.Entry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A fingerprint of what an entry shows, to tell an edited item from an unchanged one. */
public final class ContentHash {
    private ContentHash() {
    }

    /** SHA-256, in hex, of the entry's title, link, dates and body. */
    public static String of(Entry entry) {
        String text = String.join("\u0000", entry.title(), entry.link(),
                entry.published().map(Object::toString).orElse(""),
                entry.updated().map(Object::toString).orElse(""), entry.body());
        return sha256(text);
    }

    /** SHA-256, in hex, of raw bytes. */
    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static String sha256(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }
}
