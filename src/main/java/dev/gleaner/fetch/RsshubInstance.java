package dev.gleaner.fetch;

import java.util.Objects;
import java.util.Optional;

/**
 * An RSSHub instance that {@code rsshub://ROUTE} is fetched from.
 *
 * <p>{@link #toString()} leaves the key out, so that logging an instance never leaks it.
 *
 * @param url its base URL, such as {@code https://rsshub.app} or {@code http://nas.lan:1200/rsshub}
 * @param key its access key, sent as {@code ?key=KEY} on every route, for instances that require
 *     one ({@code ACCESS_KEY} in RSSHub's configuration)
 * @param code whether to send the key as RSSHub's access code instead, {@code ?code=MD5(/ROUTE + KEY)},
 *     so the key itself never travels
 */
public record RsshubInstance(String url, Optional<String> key, boolean code) {
    public RsshubInstance {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(key, "key");
        if (url.isBlank()) {
            throw new IllegalArgumentException("an RSSHub instance needs a URL");
        }
        if (key.isPresent() && key.get().isBlank()) {
            key = Optional.empty();
        }
    }

    /** An instance whose key, if any, is sent as {@code ?key=KEY}. */
    public RsshubInstance(String url, Optional<String> key) {
        this(url, key, false);
    }

    /** An instance that needs no key. */
    public static RsshubInstance of(String url) {
        return new RsshubInstance(url, Optional.empty());
    }

    @Override
    public String toString() {
        return "RsshubInstance[url=" + url + (key.isPresent() ? ", key=(hidden)" : "") + "]";
    }
}
