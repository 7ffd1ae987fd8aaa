package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.FetchException;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.fetch.RsshubInstance;
import dev.gleaner.fetch.RsshubRoutes;
import dev.gleaner.model.FeedUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the configuration's {@code rsshub://} routes against the route tables of its RSSHub
 * instances: a route that no instance serves any more answers 404 for good, and the nearest routes
 * an instance does serve usually name where it went.
 */
public final class RouteCheck {
    private static final int SUGGESTIONS = 3;

    private final Fetcher fetcher;
    private final List<RsshubInstance> instances;

    public RouteCheck(Fetcher fetcher, List<RsshubInstance> instances) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.instances = List.copyOf(instances);
    }

    /**
     * What the check found.
     *
     * @param tables how many routes each instance that answered serves, by its URL
     * @param unreachable the instances whose route table could not be had, with why
     * @param missing the subscriptions whose route no instance that answered serves
     * @param checked how many {@code rsshub://} subscriptions were checked
     */
    public record Report(Map<String, Integer> tables, List<String> unreachable, List<Missing> missing, int checked) {
        public Report {
            tables = Map.copyOf(tables);
            unreachable = List.copyOf(unreachable);
            missing = List.copyOf(missing);
        }
    }

    /**
     * A route no instance serves.
     *
     * @param path the subscription's category path
     * @param route the route as configured, after {@code rsshub://}
     * @param nearest the routes most like it on the first instance that answered, closest first
     */
    public record Missing(String path, String route, List<String> nearest) {
        public Missing {
            nearest = List.copyOf(nearest);
        }
    }

    /** Asks each instance for its routes, then looks for each route of {@code subscriptions} in them. */
    public Report check(List<Subscription> subscriptions) {
        Map<String, Integer> tables = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        List<RsshubRoutes> routes = new ArrayList<>();
        for (RsshubInstance instance : instances) {
            try {
                RsshubRoutes table = fetcher.rsshubRoutes(instance);
                routes.add(table);
                tables.put(instance.url(), table.size());
            } catch (FetchException e) {
                unreachable.add(instance.url() + ": " + e.reason());
            }
        }
        List<Missing> missing = new ArrayList<>();
        int checked = 0;
        for (Subscription subscription : subscriptions) {
            if (!(subscription.url() instanceof FeedUrl.Route url)) {
                continue;
            }
            checked++;
            String route = url.route();
            if (!routes.isEmpty() && routes.stream().noneMatch(table -> table.serves(route))) {
                missing.add(new Missing(subscription.id(), route, routes.get(0).nearest(route, SUGGESTIONS)));
            }
        }
        return new Report(tables, unreachable, missing, checked);
    }
}
