package dev.gleaner.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The subscriptions an OPML document lists, with what was renamed or left out on the way.
 *
 * @param title the document's own title ({@code <head><title>}), when it has one
 * @param subscriptions the feeds in document order, categories of one name merged where the first one
 *     stands; each path is unique and no feed lies under another
 * @param htmlUrls the web page ({@code htmlUrl}) of each feed that names one, by the feed's path
 * @param warnings one line for each feed renamed or left out and each option not understood, each
 *     naming the file and line: {@code feeds.opml:12: ...}
 */
public record OpmlTree(
        Optional<String> title,
        List<Subscription> subscriptions,
        Map<CategoryPath, String> htmlUrls,
        List<String> warnings) {

    public OpmlTree {
        Objects.requireNonNull(title, "title");
        subscriptions = List.copyOf(subscriptions);
        htmlUrls = Map.copyOf(htmlUrls);
        warnings = List.copyOf(warnings);
    }
}
