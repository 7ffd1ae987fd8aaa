package dev.gleaner.publish.site;

import java.util.Objects;

/**
 * What every page of the site shares: its title, the shell's links and the theme's assets.
 *
 * @param siteTitle the site's title
 * @param pageTitle the title of this page, for {@code <title>}
 * @param home the site's front page
 * @param archives the archive of months
 * @param atom the Atom feed that fits this page (the site's, or its category's)
 * @param jsonFeed the JSON Feed that fits this page
 * @param stylesheet the theme's stylesheet, its name carrying its content hash
 * @param script the theme's script, its name carrying its content hash
 * @param searchIndex the search index's table of shards
 * @param language the pages' language tag
 */
public record PageFrame(
        String siteTitle,
        String pageTitle,
        String home,
        String archives,
        String atom,
        String jsonFeed,
        String stylesheet,
        String script,
        String searchIndex,
        String language) {

    public PageFrame {
        Objects.requireNonNull(siteTitle, "siteTitle");
        Objects.requireNonNull(pageTitle, "pageTitle");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(archives, "archives");
        Objects.requireNonNull(atom, "atom");
        Objects.requireNonNull(jsonFeed, "jsonFeed");
        Objects.requireNonNull(stylesheet, "stylesheet");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(searchIndex, "searchIndex");
        Objects.requireNonNull(language, "language");
    }
}
