package dev.gleaner.model;

/** The version of this build of Gleaner, from its jar's manifest. */
public final class BuildVersion {
    private BuildVersion() {
    }

    /** The version, like {@code 0.1.0-SNAPSHOT}; {@code (development build)} when not run from the jar. */
    public static String text() {
        String version = BuildVersion.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
