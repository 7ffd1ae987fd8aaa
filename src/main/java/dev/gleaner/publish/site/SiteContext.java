package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.SiteSettings;
import dev.gleaner.config.Subscription;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What every page of one build is made with: the settings, where files live, the category tree, the
 * theme and its assets, and the fingerprint all pages share.
 *
 * @param settings the site's title, address, folders, page size and time zone
 * @param subscriptions the configuration's subscriptions by category path
 * @param layout where each page lives and its address
 * @param tree the category tree the site shows
 * @param theme the templates
 * @param assets the file of each of the theme's assets, its name carrying a hash of its bytes, by asset name
 */
record SiteContext(
        SiteSettings settings,
        Map<CategoryPath, Subscription> subscriptions,
        SiteLayout layout,
        CategoryTree tree,
        SiteTheme theme,
        SortedMap<String, String> assets) {
    /** The language the site's pages and feeds declare. */
    static final String LANGUAGE = "zh-CN";
    /** Raised when the builder itself changes what a page holds, so that pages built before are made again. */
    private static final String FORMAT = "4";
    private static final DateTimeFormatter DATE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    SiteContext {
        Objects.requireNonNull(settings, "settings");
        subscriptions = Map.copyOf(subscriptions);
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(theme, "theme");
        // Sorted by name: the fingerprint lists them in that order.
        assets = Collections.unmodifiableSortedMap(new TreeMap<>(assets));
    }

    /**
     * The context of a build with these inputs; of two subscriptions on one path, the later one counts.
     *
     * @param assets the file of each asset, by asset name
     */
    static SiteContext of(SiteSettings settings, List<Subscription> subscriptions, SiteLayout layout, CategoryTree tree,
            SiteTheme theme, Map<String, String> assets) {
        Map<CategoryPath, Subscription> byPath = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            byPath.put(subscription.path(), subscription);
        }
        return new SiteContext(settings, byPath, layout, tree, theme, new TreeMap<>(assets));
    }

    /**
     * What a whole build is made from besides its entries: the builder's format, the theme, the settings
     * and, of every subscription, what pages show (its path, address, author and image; not how often
     * it is fetched). Two builds with the same inputs and no change to their entries in between give
     * the same site.
     */
    static String inputs(SiteSettings settings, List<Subscription> subscriptions, SiteTheme theme) {
        StringBuilder text = new StringBuilder();
        subscriptions.forEach(subscription -> text.append(subscription.path()).append(' ').append(subscription.url())
                .append(' ').append(subscription.author()).append(' ').append(subscription.image().orElse(""))
                .append('\n'));
        return Fingerprint.of(FORMAT, theme.fingerprint(), settings.toString(), LANGUAGE, text.toString());
    }

    /** The zone dates are shown in. */
    ZoneId zone() {
        return settings.zone();
    }

    /** The subscription on {@code path}; none for an entry whose subscription left the configuration. */
    Optional<Subscription> subscription(CategoryPath path) {
        return Optional.ofNullable(subscriptions.get(path));
    }

    /** The address of the newest page of the list in {@code folder}. */
    String listHref(String folder) {
        return layout.href(SiteLayout.listPage(folder, 0));
    }

    /** A date as pages show it, to the minute. */
    String dateText(Instant date) {
        return DATE_TEXT.format(date.atZone(zone()));
    }

    /** A date as the search index shows it, to the day. */
    String day(Instant date) {
        return DAY.format(date.atZone(zone()));
    }
}
