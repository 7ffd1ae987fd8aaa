package dev.gleaner.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the published blog is called and where its files go.
 *
 * @param title the site's title; default {@code 信息流}
 * @param output the folder that holds {@code source/_posts} (Hexo); default {@code site} beside the
 *     configuration file
 * @param publicDir the folder the HTML site is built into; default {@code public} in {@code output}
 * @param url the address the site is served from, ending in {@code /}: feeds and the sitemap name
 *     pages by it, and its path prefixes every link; default {@code http://localhost:4000/}, where
 *     {@code gleaner preview} serves it
 * @param pageSize items on one page of a list; default 30
 * @param theme the theme folder pages are made with, when not the default theme
 * @param zone the time zone the site shows dates in and counts months in; default the system's
 */
public record SiteSettings(String title, Path output, Path publicDir, URI url, int pageSize, Optional<Path> theme,
        ZoneId zone) {
    /** Where the site is served unless the configuration says otherwise. */
    public static final URI DEFAULT_URL = URI.create("http://localhost:4000/");
    /** Items on one page of a list unless the configuration says otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 30;

    public SiteSettings {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(publicDir, "publicDir");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(zone, "zone");
        if (!url.isAbsolute() || url.getRawPath() == null || !url.getRawPath().endsWith("/")) {
            throw new IllegalArgumentException("site url must be absolute and end in /: " + url);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
    }

    /** Settings with the defaults for everything but the title and the output folder. */
    public SiteSettings(String title, Path output) {
        this(title, output, output.resolve("public"), DEFAULT_URL, DEFAULT_PAGE_SIZE, Optional.empty(),
                ZoneId.systemDefault());
    }

    /** The folder of Hexo posts: {@code <output>/source/_posts}. */
    public Path postsDir() {
        return output.resolve("source").resolve("_posts");
    }
}
