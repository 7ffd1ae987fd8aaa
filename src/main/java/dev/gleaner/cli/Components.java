package dev.gleaner.cli;

import dev.gleaner.config.Config;
import dev.gleaner.config.RsshubInstance;
import dev.gleaner.fetch.FetchSettings;

/** Turns the configuration into the settings records of the stages, in one place. */
final class Components {
    private Components() {
    }

    /** The fetch settings the configuration asks for. */
    static FetchSettings fetchSettings(Config config) {
        FetchSettings defaults = FetchSettings.defaults(config.rsshub().stream().map(RsshubInstance::url).toList());
        return new FetchSettings(defaults.connectTimeout(), config.fetch().timeout(), defaults.maxRedirects(),
                defaults.maxBytes(), config.fetch().userAgent().orElse(defaults.userAgent()),
                defaults.rsshubInstances());
    }
}
