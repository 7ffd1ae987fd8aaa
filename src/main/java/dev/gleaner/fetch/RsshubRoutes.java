package dev.gleaner.fetch;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The routes an RSSHub instance serves, as its {@code /api/namespace} lists them, and whether a
 * configured route is one of them: routes move between RSSHub releases ({@code zhihu/hotlist}
 * became {@code zhihu/hot}), and a moved route answers 404 for good.
 *
 * <p>Patterns are RSSHub's (Hono's): {@code /hot/:category?} takes {@code zhihu/hot} and
 * {@code zhihu/hot/digital}; {@code :name{.+}} may span slashes; {@code *} takes the rest. Some
 * namespaces nest ({@code gov/pbc}), so a route's namespace may be more than its first segment.
 */
public final class RsshubRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each namespace's route patterns, with the namespace in front: {@code /zhihu/hot/:category?}. */
    private final Map<String, List<Route>> byNamespace;

    private RsshubRoutes(Map<String, List<Route>> byNamespace) {
        this.byNamespace = byNamespace;
    }

    /**
     * Reads an instance's answer to {@code /api/namespace}: an object of namespaces, each with an
     * object of {@code routes} keyed by pattern.
     *
     * @throws FetchException when it is not that
     */
    static RsshubRoutes parse(String source, byte[] body) throws FetchException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new FetchException(source, "the route table is not JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new FetchException(source, "the route table could not be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FetchException(source, "the route table is not a JSON object of namespaces");
        }
        Map<String, List<Route>> byNamespace = new TreeMap<>();
        for (var namespaces = root.fields(); namespaces.hasNext(); ) {
            var namespace = namespaces.next();
            List<Route> routes = new ArrayList<>();
            for (var patterns = namespace.getValue().path("routes").fieldNames(); patterns.hasNext(); ) {
                routes.add(Route.of(namespace.getKey(), patterns.next()));
            }
            byNamespace.put(namespace.getKey(), List.copyOf(routes));
        }
        if (byNamespace.values().stream().allMatch(List::isEmpty)) {
            throw new FetchException(source, "the route table lists no route");
        }
        return new RsshubRoutes(byNamespace);
    }

    /** How many routes the instance serves. */
    public int size() {
        return byNamespace.values().stream().mapToInt(List::size).sum();
    }

    /** Whether {@code route} ({@code zhihu/hot}, with or without a leading slash or a query) is served. */
    public boolean serves(String route) {
        String path = pathOf(route);
        return routesOf(path).stream().anyMatch(r -> r.matches(path));
    }

    /** The pattern that serves {@code route}, with its namespace in front: {@code /zhihu/hot/:category?}. */
    Optional<String> patternOf(String route) {
        String path = pathOf(route);
        return routesOf(path).stream().filter(r -> r.matches(path)).map(Route::pattern).findFirst();
    }

    /**
     * The routes most like {@code route}, closest first, as patterns without the leading slash
     * ({@code zhihu/hot/:category?}): from its namespace when the instance has it, else from all.
     */
    public List<String> nearest(String route, int count) {
        String path = pathOf(route);
        List<Route> candidates = routesOf(path);
        if (candidates.isEmpty()) {
            candidates = byNamespace.values().stream().flatMap(List::stream).toList();
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt((Route r) -> r.distance(path)).thenComparing(Route::pattern))
                .limit(count)
                .map(r -> r.pattern().substring(1))
                .toList();
    }

    /** The route's path, with one leading slash and without its query. */
    private static String pathOf(String route) {
        String path = route.strip();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        path = "/" + path.replaceFirst("^/+", "");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * The routes of every namespace the path lies in: the one of its first segment ({@code zhihu}),
     * and those of its first segments where namespaces nest ({@code gov/pbc} for {@code gov/pbc/gzlw}).
     */
    private List<Route> routesOf(String path) {
        List<Route> routes = new ArrayList<>();
        int end = 0;
        do {
            end = path.indexOf('/', end + 1);
            routes.addAll(byNamespace.getOrDefault(end < 0 ? path.substring(1) : path.substring(1, end), List.of()));
        } while (end >= 0);
        return routes;
    }

    /** One route pattern of a namespace, and the expression it stands for. */
    private record Route(String pattern, Pattern expression, String literal) {
        Route {
            Objects.requireNonNull(pattern, "pattern");
        }

        static Route of(String namespace, String routePattern) {
            String pattern = "/" + namespace + (routePattern.startsWith("/") ? routePattern : "/" + routePattern);
            if (pattern.endsWith("/") && pattern.length() > 1) {
                pattern = pattern.substring(0, pattern.length() - 1);
            }
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (String segment : pattern.substring(1).split("/", -1)) {
                if (segment.equals("*")) {
                    regex.append("(?:/.*)?");
                } else if (segment.startsWith(":")) {
                    boolean optional = segment.endsWith("?");
                    String name = optional ? segment.substring(0, segment.length() - 1) : segment;
                    int brace = name.indexOf('{');
                    String value = brace >= 0 && name.endsWith("}") ? name.substring(brace + 1, name.length() - 1)
                            : "[^/]+";
                    regex.append(optional ? "(?:/(?:" + value + "))?" : "/(?:" + value + ")");
                } else {
                    regex.append('/').append(Pattern.quote(segment));
                    literal.append('/').append(segment);
                }
            }
            Pattern expression;
            try {
                expression = Pattern.compile(regex.toString());
            } catch (java.util.regex.PatternSyntaxException e) {
                // A pattern we cannot read takes its literal part alone, rather than losing the table.
                expression = Pattern.compile(Pattern.quote(literal.toString()) + "(?:/.*)?");
            }
            return new Route(pattern, expression, literal.toString());
        }

        boolean matches(String path) {
            return expression.matcher(path).matches();
        }

        /** How far {@code path} is from this route: the edit distance to its fixed part. */
        int distance(String path) {
            return Levenshtein.distance(literal, path);
        }
    }

    /** Edit distance, for the nearest routes. */
    private static final class Levenshtein {
        static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }
    }
}
