package dev.gleaner.config;

import java.util.Objects;
import java.util.Optional;

/**
 * An RSSHub instance that {@code rsshub://ROUTE} is tried against.
 *
 * @param url its base URL, without a trailing slash
 * @param key its access key, for instances that require one
 * @param code whether the key goes as RSSHub's access code ({@code code: true}) rather than as itself
 */
public record RsshubInstance(String url, Optional<String> key, boolean code) {
    public RsshubInstance {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(key, "key");
    }
}
