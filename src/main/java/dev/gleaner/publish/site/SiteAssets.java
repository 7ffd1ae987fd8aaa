package dev.gleaner.publish.site;

import dev.gleaner.content.ContentHash;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's assets on the site: each under a name that carries a hash of its bytes, so that a
 * browser may keep it for good and a changed asset gets a new address.
 */
final class SiteAssets {
    private SiteAssets() {
    }

    /** Writes the assets of {@code theme} and returns the file of each, by asset name. */
    static Map<String, String> write(SiteTheme theme, PageOutput out) {
        Map<String, String> files = new TreeMap<>();
        theme.assets().forEach((name, bytes) -> {
            int dot = name.lastIndexOf('.');
            String hash = ContentHash.of(bytes).substring(0, 10);
            String hashed = dot > 0 ? name.substring(0, dot) + "." + hash + name.substring(dot) : name + "." + hash;
            files.put(name, "assets/" + hashed);
            out.emitBytes("assets/" + hashed, bytes);
        });
        return files;
    }
}
