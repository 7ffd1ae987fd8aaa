package dev.gleaner.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gleaner.model.FeedUrl;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The routes of the RSSHub namespace of a page's site whose path is the page's own: RSSHub names many
 * routes after the site's paths ({@code www.zhihu.com/hot} is {@code zhihu/hot}), and not every such
 * route has a Radar rule. Asked when Radar's rules offer nothing for a page.
 */
final class NamespaceRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NamespaceRoutes() {
    }

    /**
     * The namespaces a page's host may be served by, most likely first: its labels but the last and
     * {@code www} ({@code www.zhihu.com} is {@code zhihu}; {@code s.weibo.com} tries {@code weibo}, then {@code s}).
     */
    static List<String> namespacesToAsk(String pageUrl) {
        Optional<URI> page = page(pageUrl);
        if (page.isEmpty() || path(page.get()).isEmpty()) {
            return List.of();
        }
        String[] labels = host(page.get()).split("\\.");
        List<String> namespaces = new ArrayList<>();
        for (int i = labels.length - 2; i >= 0; i--) {
            if (!labels[i].equals("www") && labels[i].matches("[a-z0-9-]+")) {
                namespaces.add(labels[i]);
            }
        }
        return namespaces;
    }

    /**
     * The routes of {@code namespace}, as its {@code /api/namespace/NAME} answer {@code body} lists them,
     * that serve {@code pageUrl}'s own path, when the namespace is that of the page's site.
     *
     * @throws FetchException when the answer is not a namespace's routes
     */
    static List<RadarMatch> matching(String source, String namespace, byte[] body, String pageUrl)
            throws FetchException {
        Optional<URI> page = page(pageUrl);
        if (body.length == 0 || page.isEmpty()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new FetchException(source, "the namespace's routes are not JSON: " + e.getMessage(), e);
        }
        String site = root.path("url").asText("").toLowerCase(Locale.ROOT);
        if (!withoutWww(site).equals(withoutWww(host(page.get()))) || !root.path("routes").isObject()) {
            return List.of();
        }
        ObjectNode table = JsonNodeFactory.instance.objectNode();
        table.set(namespace, root);
        RsshubRoutes routes = RsshubRoutes.parse(source, table.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String route = namespace + path(page.get()).get();
        Optional<String> pattern = routes.patternOf(route);
        if (pattern.isEmpty()) {
            return List.of();
        }
        String key = pattern.get().substring(namespace.length() + 1);
        String title = root.path("routes").path(key).path("name").asText("");
        return List.of(new RadarMatch(title, root.path("name").asText(""), "", Optional.of(FeedUrl.Route.PREFIX + route)));
    }

    private static Optional<URI> page(String pageUrl) {
        try {
            URI uri = UriText.parse(pageUrl.strip());
            return uri.getHost() == null || uri.getHost().isEmpty() ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String host(URI page) {
        return page.getHost().toLowerCase(Locale.ROOT);
    }

    /** The page's path without its trailing slash, when it has more than {@code /}. */
    private static Optional<String> path(URI page) {
        String path = page.getRawPath() == null ? "" : page.getRawPath().replaceAll("/+$", "");
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    private static String withoutWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
