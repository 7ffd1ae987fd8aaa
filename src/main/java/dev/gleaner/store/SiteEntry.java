package dev.gleaner.store;

import dev.gleaner.model.EntryKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the site shows of an entry without its body: enough to place it in lists and on its page.
 *
 * @param key its stable identity
 * @param subscriptionPath the category path of its subscription, as {@code CategoryPath.toString()} gives it
 * @param subscriptionUrl where its subscription is fetched from
 * @param title its title, as the feed gave it
 * @param link its original address
 * @param author its author, as the feed gave it
 * @param date the date the feed gives it: published, else updated
 * @param firstSeen when a fetch first found it
 */
public record SiteEntry(
        EntryKey key,
        String subscriptionPath,
        String subscriptionUrl,
        String title,
        String link,
        String author,
        Optional<Instant> date,
        Instant firstSeen) {

    public SiteEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subscriptionPath, "subscriptionPath");
        Objects.requireNonNull(subscriptionUrl, "subscriptionUrl");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }
}
