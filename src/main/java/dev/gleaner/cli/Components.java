package dev.gleaner.cli;

import dev.gleaner.config.Config;
import dev.gleaner.config.FetchOptions;
import dev.gleaner.fetch.FetchSettings;
import dev.gleaner.fetch.RsshubInstance;
import java.util.List;

/** Turns the configuration into the settings records of the stages, in one place. */
final class Components {
    private Components() {
    }

    /**
     * The fetch settings the configuration asks for.
     *
     * @throws IllegalArgumentException when an entry of {@code fetch.allow} is not a host, address
     *     or CIDR block; the message names it
     */
    static FetchSettings fetchSettings(Config config) {
        FetchOptions fetch = config.fetch();
        return FetchSettings.defaults(List.of())
                .withRsshub(config.rsshub().stream().map(i -> new RsshubInstance(i.url(), i.key(), i.code())).toList())
                .withTimeout(fetch.timeout())
                .withUserAgent(fetch.userAgent().orElse(FetchSettings.DEFAULT_USER_AGENT))
                .withPoliteness(fetch.perHost(), fetch.minGap(), fetch.concurrency())
                .withAllowed(fetch.allow());
    }
}
