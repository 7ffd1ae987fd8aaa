package dev.gleaner.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the published blog is called and where its files go.
 *
 * @param title the site's title; default {@code 信息流}
 * @param output the folder that holds {@code source/_posts} (Hexo) and {@code public} (HTML);
 *     default {@code site} beside the configuration file
 */
public record SiteSettings(String title, Path output) {
    public SiteSettings {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(output, "output");
    }

    /** The folder of Hexo posts: {@code <output>/source/_posts}. */
    public Path postsDir() {
        return output.resolve("source").resolve("_posts");
    }
}
