package dev.gleaner.cli;

import dev.gleaner.model.BuildVersion;
import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}, from the jar's manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"gleaner " + BuildVersion.text()};
    }
}
