package dev.gleaner.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The stable identity of an entry within a subscription: the same item gives the same key on every
 * run and every machine.
 *
 * <p>The key hashes the subscription's identity with the item's guid, else its link, else its title
 * and date, so an item keeps its key when its text is edited. An item with none of those is known by
 * its body alone ({@link #isByContent}), so two such items are never taken for one.
 *
 * @param value 16 lower-case hex digits
 */
public record EntryKey(String value) {
    private static final int HEX_DIGITS = 16;

    public EntryKey {
        Objects.requireNonNull(value, "value");
        if (value.length() != HEX_DIGITS || !value.chars().allMatch(EntryKey::isLowerHex)) {
            throw new IllegalArgumentException("entry key must be " + HEX_DIGITS + " hex digits: " + value);
        }
    }

    /** The key of {@code entry} in the subscription identified by {@code subscriptionId}. */
    public static EntryKey of(String subscriptionId, Entry entry) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(entry, "entry");
        return hashed(subscriptionId + "\u0000" + identity(entry));
    }

    /**
     * The key of {@code entry} when other items of one document share its guid (or link): RSSHub's
     * guid defaults to the link, so items of one page often do. Its title tells it apart, and its
     * body too when {@code withBody} (the titles are shared as well), whatever the items' order.
     */
    public static EntryKey sharing(String subscriptionId, Entry entry, boolean withBody) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(entry, "entry");
        String shared = identity(entry) + "\u0000shared\u0000" + entry.title().strip()
                + (withBody ? "\u0000" + entry.body().strip() : "");
        return hashed(subscriptionId + "\u0000" + shared);
    }

    private static String identity(Entry entry) {
        String identity;
        if (!entry.guid().isBlank()) {
            identity = "guid\u0000" + entry.guid().strip();
        } else if (!entry.link().isBlank()) {
            identity = "link\u0000" + entry.link().strip();
        } else if (isByContent(entry)) {
            identity = "body\u0000" + entry.body().strip();
        } else {
            identity = "title\u0000" + entry.title().strip() + "\u0000"
                    + entry.date().map(Object::toString).orElse("");
        }
        return identity;
    }

    private static EntryKey hashed(String text) {
        return new EntryKey(HexFormat.of().formatHex(sha256(text), 0, HEX_DIGITS / 2));
    }

    /** Whether {@code entry} has no guid, link, title or date, so that only its body tells it apart. */
    public static boolean isByContent(Entry entry) {
        return entry.guid().isBlank() && entry.link().isBlank() && entry.title().isBlank() && entry.date().isEmpty();
    }

    /** A short form for file names, enough to tell two items with the same title apart. */
    public String shortForm() {
        return value.substring(0, 8);
    }

    /**
     * A number in {@code 0..bound-1} derived from the key, spread evenly: the same item always
     * draws the same number.
     */
    public int draw(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) Long.remainderUnsigned(Long.parseUnsignedLong(value, 16), bound);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
