package dev.gleaner.fetch;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.model.FeedUrl;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules by which RSSHub Radar finds RSSHub routes for a web page, as an RSSHub instance serves
 * them at {@code /api/radar/rules}, and the routes they offer for a page, found the way the Radar
 * browser extension finds them.
 *
 * <pre>{@code
 * RadarRules rules = fetcher.rsshubRadar(instance, "https://www.zhihu.com/question/19550225");
 * List<RadarMatch> found = rules.match("https://www.zhihu.com/question/19550225");
 * // 问题 → rsshub://zhihu/question/19550225
 * }</pre>
 *
 * <p>The rules are keyed by registrable domain ({@code zhihu.com}), each with its site's name
 * ({@code _name}) and its rules by subdomain: {@code www}, {@code daily}, and {@code .} for the
 * domain itself. A page of {@code www.zhihu.com} takes the {@code www} rules, else the {@code .}
 * ones; a page of {@code zhihu.com} the {@code .} rules, else the {@code www} ones. Rules whose
 * target is no route in the JSON (a function, in the rule's source, cannot be written as JSON) are
 * left out.
 */
public final class RadarRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")+");
    private static final RadarRules NONE = new RadarRules(Map.of());

    /** Each registrable domain's site. */
    private final Map<String, Site> sites;

    private RadarRules(Map<String, Site> sites) {
        this.sites = sites;
    }

    /** Rules that fit no page. */
    public static RadarRules none() {
        return NONE;
    }

    /**
     * Reads an instance's answer to {@code /api/radar/rules}: an object of registrable domains, each
     * an object of {@code _name} and lists of rules by subdomain.
     *
     * @throws FetchException when it is not that
     */
    static RadarRules parse(String source, byte[] body) throws FetchException {
        JsonNode root = read(source, body);
        if (!root.isObject()) {
            throw new FetchException(source, "the Radar rules are not a JSON object of domains");
        }
        Map<String, Site> sites = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> domain : root.properties()) {
            if (domain.getValue().isObject()) {
                sites.put(domain.getKey().toLowerCase(Locale.ROOT), Site.of(domain.getValue()));
            }
        }
        return new RadarRules(sites);
    }

    /**
     * Reads an instance's answer to {@code /api/radar/rules/DOMAIN}: the rules of one domain, or an
     * empty body when the instance has none for it.
     *
     * @throws FetchException when it is neither
     */
    static RadarRules parseSite(String source, String domain, byte[] body) throws FetchException {
        if (isBlank(body)) {
            return NONE;
        }
        JsonNode root = read(source, body);
        if (root.isNull()) {
            return NONE;
        }
        if (!root.isObject()) {
            throw new FetchException(source, "the Radar rules of " + domain + " are not a JSON object of subdomains");
        }
        return new RadarRules(Map.of(domain.toLowerCase(Locale.ROOT), Site.of(root)));
    }

    private static JsonNode read(String source, byte[] body) throws FetchException {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null) {
                throw new FetchException(source, "the Radar rules are empty");
            }
            return root;
        } catch (JacksonException e) {
            throw new FetchException(source, "the Radar rules are not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FetchException(source, "the Radar rules could not be read: " + e.getMessage(), e);
        }
    }

    static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * The domains to ask an instance for the rules of {@code pageUrl}'s host, shortest first:
     * {@code zhihu.com} for {@code www.zhihu.com}; {@code co.uk}, then {@code bbc.co.uk} for
     * {@code news.bbc.co.uk}. Rules are keyed by registrable domain, which is the shortest of these
     * the instance has rules for. None for an IP address, a single-label host or a URL without a host.
     */
    static List<String> domainsToAsk(String pageUrl) {
        Optional<String> host = hostOf(pageUrl);
        if (host.isEmpty() || !DOMAIN.matcher(host.get()).matches() || host.get().matches("[0-9.]+")) {
            return List.of();
        }
        String[] labels = host.get().split("\\.");
        List<String> domains = new ArrayList<>();
        for (int first = labels.length - 2; first >= 0; first--) {
            domains.add(String.join(".", List.of(labels).subList(first, labels.length)));
        }
        return domains;
    }

    /** Whether no page fits these rules. */
    public boolean isEmpty() {
        return sites.values().stream().allMatch(Site::isEmpty);
    }

    /**
     * The rules that fit {@code pageUrl}, in the order the rules list them, each route once: those
     * that offer a route for it, and those that would if its URL had the parameters they need.
     * None for a URL without a host, or a host the rules do not know.
     */
    public List<RadarMatch> match(String pageUrl) {
        Optional<String> host = hostOf(pageUrl);
        if (host.isEmpty()) {
            return List.of();
        }
        Optional<String> domain = domainOf(host.get());
        if (domain.isEmpty()) {
            return List.of();
        }
        Site site = sites.get(domain.get());
        String subdomain = host.get().equals(domain.get()) ? ""
                : host.get().substring(0, host.get().length() - domain.get().length() - 1);
        String path = RadarRule.pathOf(rawPathOf(pageUrl));
        List<RadarMatch> matches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RadarRule rule : site.rulesFor(subdomain)) {
            Optional<Map<String, String>> parameters = rule.parametersOf(path);
            if (parameters.isEmpty()) {
                continue;
            }
            Optional<String> url = rule.routeFor(parameters.get())
                    .map(route -> FeedUrl.Route.PREFIX + route.substring(1));
            if (seen.add(url.orElse("docs " + rule.title() + " " + rule.docs()))) {
                matches.add(new RadarMatch(rule.title(), site.name(), rule.docs(), url));
            }
        }
        return List.copyOf(matches);
    }

    /** The longest ending of {@code host} that the rules have a site for; the host itself included. */
    private Optional<String> domainOf(String host) {
        for (String suffix = host; ; ) {
            if (sites.containsKey(suffix)) {
                return Optional.of(suffix);
            }
            int dot = suffix.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            suffix = suffix.substring(dot + 1);
        }
    }

    private static Optional<String> hostOf(String pageUrl) {
        try {
            String host = UriText.parse(pageUrl.strip()).getHost();
            if (host == null || host.isEmpty()) {
                return Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT);
            return Optional.of(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String rawPathOf(String pageUrl) {
        try {
            URI uri = UriText.parse(pageUrl.strip());
            return uri.getRawPath() == null ? "" : uri.getRawPath();
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** One registrable domain's site: its name and its rules by subdomain ({@code .} for none). */
    private record Site(String name, Map<String, List<RadarRule>> bySubdomain) {
        static Site of(JsonNode node) {
            Map<String, List<RadarRule>> bySubdomain = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> subdomain : node.properties()) {
                // Keys that begin with _ are the site's own: its name, and whatever Radar adds later.
                if (subdomain.getKey().startsWith("_") || !subdomain.getValue().isArray()) {
                    continue;
                }
                List<RadarRule> rules = new ArrayList<>();
                for (JsonNode rule : subdomain.getValue()) {
                    ruleOf(rule).ifPresent(rules::add);
                }
                bySubdomain.put(subdomain.getKey().toLowerCase(Locale.ROOT), List.copyOf(rules));
            }
            return new Site(node.path("_name").asText(""), bySubdomain);
        }

        /** A rule of the JSON, unless it has no route to offer: no source, or no target written as a route. */
        private static Optional<RadarRule> ruleOf(JsonNode rule) {
            JsonNode target = rule.path("target");
            if (!target.isTextual() || target.asText().isBlank()) {
                return Optional.empty();
            }
            List<String> sources = new ArrayList<>();
            JsonNode source = rule.path("source");
            if (source.isTextual()) {
                sources.add(source.asText());
            }
            for (JsonNode each : source.isArray() ? source : JSON.createArrayNode()) {
                if (each.isTextual()) {
                    sources.add(each.asText());
                }
            }
            if (sources.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(RadarRule.of(rule.path("title").asText(""), rule.path("docs").asText(""), sources,
                    target.asText()));
        }

        List<RadarRule> rulesFor(String subdomain) {
            List<RadarRule> rules = bySubdomain.get(subdomain.isEmpty() ? "." : subdomain);
            if (rules == null && subdomain.equals("www")) {
                rules = bySubdomain.get(".");
            } else if (rules == null && subdomain.isEmpty()) {
                rules = bySubdomain.get("www");
            }
            return rules == null ? List.of() : rules;
        }

        boolean isEmpty() {
            return bySubdomain.values().stream().allMatch(List::isEmpty);
        }
    }
}
