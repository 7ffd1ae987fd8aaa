package dev.gleaner.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A whole configuration, validated, with every path resolved against the configuration file's
 * folder.
 *
 * @param file the configuration file it was read from
 * @param site the blog's title and output folder
 * @param storage JDBC URL of the store; default {@code jdbc:sqlite:gleaner.db}
 * @param rsshub RSSHub instances that {@code rsshub://ROUTE} is tried against, in order; default
 *     {@code https://rsshub.app}
 * @param backlog at most this many items of a new subscription are published, newest first;
 *     default 20
 * @param fetch how feeds are fetched
 * @param schedule how often feeds are fetched and how failures are spaced out
 * @param serve how {@code gleaner serve} shows the site
 * @param subscriptions the leaves of the category tree, in file order
 * @param warnings what is allowed but probably not meant (no {@code site.url}), one line each
 */
public record Config(
        Path file,
        SiteSettings site,
        String storage,
        List<RsshubInstance> rsshub,
        int backlog,
        FetchOptions fetch,
        ScheduleOptions schedule,
        ServeOptions serve,
        List<Subscription> subscriptions,
        List<String> warnings) {

    public Config {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(serve, "serve");
        rsshub = List.copyOf(rsshub);
        subscriptions = List.copyOf(subscriptions);
        warnings = List.copyOf(warnings);
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog must not be negative: " + backlog);
        }
    }
}
