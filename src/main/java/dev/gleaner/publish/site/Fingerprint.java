package dev.gleaner.publish.site;

import dev.gleaner.content.ContentHash;
import java.nio.charset.StandardCharsets;

/** What a page is made from, in one string: equal fingerprints mean a page need not be made again. */
final class Fingerprint {
    private Fingerprint() {
    }

    /** The hash of {@code parts}, kept apart, so that moving text from one part to the next changes it. */
    static String of(String... parts) {
        return ContentHash.of(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }
}
