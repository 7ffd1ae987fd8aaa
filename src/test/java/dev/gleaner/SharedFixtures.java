package dev.gleaner;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference material beside the checkout ({@code ../shared}: specs, real posts and feeds),
 * which tests read in place and never copy. Where it is absent, the tests that need it are
 * skipped with a message that says so.
 */
public final class SharedFixtures {
    private SharedFixtures() {
    }

    /** The shared folder: {@code -Dgleaner.shared}, else {@code ../shared}. */
    public static Path root() {
        return Path.of(System.getProperty("gleaner.shared", "../shared")).toAbsolutePath().normalize();
    }

    /** {@code relative} under the shared folder; skips the calling test when it is not there. */
    public static Path require(String relative) {
        Path root = root();
        // One reason for every test when the whole folder is missing, as it is in a user's clone.
        assumeTrue(Files.isDirectory(root), () -> "skipped: the shared folder " + root
                + " is absent (set -Dgleaner.shared=DIR to run the tests that read it)");
        Path path = root.resolve(relative);
        assumeTrue(Files.exists(path), () -> "skipped: shared fixture " + path
                + " is absent (set -Dgleaner.shared=DIR to the shared folder to run this test)");
        return path;
    }
}
