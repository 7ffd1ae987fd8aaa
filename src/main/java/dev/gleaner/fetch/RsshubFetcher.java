package dev.gleaner.fetch;

import dev.gleaner.model.FeedUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches {@code rsshub://ROUTE} from the configured RSSHub instances: the one that answered last
 * time first, then the others in the order configured, until one answers with a feed.
 *
 * <p>An instance fails when it cannot be reached, refuses, or answers with a web page instead of a
 * feed (RSSHub's error page, whose message becomes the reason). An instance's access key is sent
 * as {@code key=} in the query, and left out of the source the outcome reports.
 */
final class RsshubFetcher {
    /** Enough of an error's body to hold RSSHub's error page (some 8 KiB), and no more. */
    private static final int ERROR_PAGE_LIMIT = 64 * 1024;

    private final List<RsshubInstance> instances;
    private final HttpFetcher http;
    /** Instances that asked to be left alone (429 or 503 with Retry-After), until when, in nanoTime. */
    private final Map<String, Long> restingUntil = new ConcurrentHashMap<>();

    RsshubFetcher(List<RsshubInstance> instances, HttpFetcher http) {
        this.instances = List.copyOf(instances);
        this.http = http;
    }

    FetchOutcome fetch(FetchRequest request) throws FetchException {
        String url = request.url();
        String route = new FeedUrl.Route(url).route();
        if (route.isBlank()) {
            throw new FetchException(url, "no route after rsshub://");
        }
        if (instances.isEmpty()) {
            throw new FetchException(url, "no RSSHub instance configured (key 'rsshub')");
        }
        List<Attempt> failures = new ArrayList<>();
        for (RsshubInstance instance : inOrder(instances, request.preferredInstance())) {
            Optional<Duration> resting = resting(instance);
            if (resting.isPresent()) {
                // One instance serves every route: a 429 for one route holds for the others too.
                failures.add(new Attempt(instance.url(), FetchException.withHints(url, "resting after it asked to"
                        + " wait", OptionalInt.of(429), resting, false)));
                continue;
            }
            try {
                return fetchFrom(instance, route, request.validators());
            } catch (AccessRefused e) {
                // A key the instance refuses (or one it needs and lacks) is the configuration's mistake:
                // said as that instance's error, never hidden behind another instance's answer.
                throw e.failure();
            } catch (FetchException e) {
                if (e.retryAfter().isPresent()) {
                    restingUntil.put(instance.url(), System.nanoTime() + e.retryAfter().get().toNanos());
                }
                failures.add(new Attempt(instance.url(), e));
            }
        }
        throw allFailed(url, failures);
    }

    /** The routes {@code instance} serves, from its {@code /api/namespace}. */
    RsshubRoutes routes(RsshubInstance instance) throws FetchException {
        String shown = join(instance.url(), "api/namespace");
        return RsshubRoutes.parse(shown, apiBody(instance, shown, "the route table"));
    }

    /**
     * The RSSHub Radar rules {@code instance} has for the site of {@code pageUrl}, from its
     * {@code /api/radar/rules/DOMAIN}: asked for each ending of the host, shortest first, until it
     * has rules for one (for an unknown domain it answers with an empty body).
     */
    RadarRules radar(RsshubInstance instance, String pageUrl) throws FetchException {
        for (String domain : RadarRules.domainsToAsk(pageUrl)) {
            String shown = join(instance.url(), "api/radar/rules/" + domain);
            RadarRules rules = RadarRules.parseSite(shown, domain, apiBody(instance, shown, "the Radar rules"));
            if (!rules.isEmpty()) {
                return rules;
            }
        }
        return RadarRules.none();
    }

    /**
     * The routes of the namespace of {@code pageUrl}'s site whose path is the page's own, from
     * {@code /api/namespace/NAME}: for a page Radar has no rule for, such as {@code www.zhihu.com/hot}.
     */
    List<RadarMatch> pageRoutes(RsshubInstance instance, String pageUrl) throws FetchException {
        for (String namespace : NamespaceRoutes.namespacesToAsk(pageUrl)) {
            String shown = join(instance.url(), "api/namespace/" + namespace);
            List<RadarMatch> routes = NamespaceRoutes.matching(shown, namespace,
                    apiBody(instance, shown, "the namespace's routes"), pageUrl);
            if (!routes.isEmpty()) {
                return routes;
            }
        }
        return List.of();
    }

    /** The body of {@code instance}'s answer to the API URL {@code shown}, which serves {@code what}. */
    private byte[] apiBody(RsshubInstance instance, String shown, String what) throws FetchException {
        String target = instance.key().map(key -> withAccess(instance, shown, key)).orElse(shown);
        HttpAnswer answer;
        try {
            answer = http.exchange(target, Validators.NONE, ERROR_PAGE_LIMIT);
        } catch (FetchException e) {
            throw e.shownAs(shown, RsshubFetcher::withoutAccess);
        }
        if (!answer.isSuccess()) {
            throw http.refusal(shown, answer, RsshubErrorPage.reasonOf(answer)
                    .orElse("HTTP " + answer.status() + " for " + what));
        }
        return answer.body();
    }

    /** How much longer {@code instance} asked to be left alone, if it did. */
    private Optional<Duration> resting(RsshubInstance instance) {
        Long until = restingUntil.get(instance.url());
        if (until == null) {
            return Optional.empty();
        }
        long left = until - System.nanoTime();
        if (left <= 0) {
            restingUntil.remove(instance.url(), until);
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(left));
    }

    /** The instances, the preferred one first if it is still configured. */
    static List<RsshubInstance> inOrder(List<RsshubInstance> instances, Optional<String> preferred) {
        if (preferred.isEmpty()) {
            return instances;
        }
        String wanted = withoutSlash(preferred.get());
        List<RsshubInstance> ordered = new ArrayList<>(instances.size());
        instances.stream().filter(i -> withoutSlash(i.url()).equals(wanted)).forEach(ordered::add);
        instances.stream().filter(i -> !withoutSlash(i.url()).equals(wanted)).forEach(ordered::add);
        return ordered;
    }

    private FetchOutcome fetchFrom(RsshubInstance instance, String route, Validators validators)
            throws FetchException, AccessRefused {
        String shown = join(instance.url(), route);
        String target = instance.key().map(key -> withAccess(instance, shown, key)).orElse(shown);
        // A redirect within the instance (RSSHub sends /nbd/daily on to /nbd/332) drops the key: it goes
        // back on, with the code of the new path.
        HttpAnswer answer;
        try {
            answer = http.exchange(target, validators, ERROR_PAGE_LIMIT,
                    next -> instance.key().filter(key -> sameOrigin(next, instance.url()) && !hasAccess(next))
                            .map(key -> withAccess(instance, next, key)).orElse(next));
        } catch (FetchException e) {
            throw e.shownAs(shown, RsshubFetcher::withoutAccess);
        }
        Optional<String> errorPage = RsshubErrorPage.reasonOf(answer);
        if (errorPage.isPresent()) {
            if (isAccessRefusal(answer, errorPage.get())) {
                throw new AccessRefused(new FetchException(shown, instance.key().isPresent()
                        ? "RSSHub instance " + instance.url() + " refused its access key (" + errorPage.get() + ")"
                        : "RSSHub instance " + instance.url() + " needs an access key, and none is configured ("
                                + errorPage.get() + ")"));
            }
            if (answer.isSuccess()) {
                throw new FetchException(shown, errorPage.get());
            }
            throw http.refusal(shown, answer, errorPage.get());
        }
        FetchOutcome outcome = http.outcome(shown, answer, validators);
        String source = instance.key().isPresent() ? withoutAccess(outcome.source()) : outcome.source();
        if (outcome instanceof FetchOutcome.Fetched fetched) {
            return fetched.viaInstance(instance.url(), source);
        }
        return ((FetchOutcome.NotModified) outcome).viaInstance(instance.url(), source);
    }

    /**
     * One failure for all instances: its reason lists each instance's, and it carries the hints
     * all of them agree on (a status they all gave, a wait each asked for, gone everywhere).
     */
    private static FetchException allFailed(String url, List<Attempt> attempts) {
        List<String> reasons = attempts.stream().map(a -> a.instance() + ": " + a.failure().reason()).toList();
        List<FetchException> failures = attempts.stream().map(Attempt::failure).toList();
        OptionalInt status = failures.get(0).status();
        boolean sameStatus = failures.stream().allMatch(f -> f.status().equals(status));
        Optional<Duration> retryAfter = failures.stream().allMatch(f -> f.retryAfter().isPresent())
                ? failures.stream().map(f -> f.retryAfter().orElseThrow()).min(Duration::compareTo)
                : Optional.empty();
        boolean permanent = failures.stream().allMatch(FetchException::permanent);
        return FetchException.withHints(url, "no RSSHub instance answered (" + String.join("; ", reasons) + ")",
                sameStatus ? status : OptionalInt.empty(), retryAfter, permanent);
    }

    /** An instance that failed, and how. */
    private record Attempt(String instance, FetchException failure) {
    }

    /** The route's URL on an instance, with one slash between them however either is written. */
    private static String join(String instance, String route) {
        return withoutSlash(instance) + "/" + (route.startsWith("/") ? route.substring(1) : route);
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code url} with {@code parameter} added to its query, before any fragment. */
    static String withParameter(String url, String parameter) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + parameter + fragment;
    }

    /** {@code url} on {@code instance} with what lets the instance serve it: its key, or the access code. */
    static String withAccess(RsshubInstance instance, String url, String key) {
        return withParameter(url, accessParameter(instance, url, key));
    }

    /**
     * The query parameter that lets {@code instance} serve {@code url}: the key itself, or the access
     * code RSSHub derives from it, MD5 of the path exactly as it goes on the wire (percent-encoded,
     * with its leading slash, without the query) followed by the key.
     */
    static String accessParameter(RsshubInstance instance, String url, String key) {
        if (!instance.code()) {
            return keyParameter(key);
        }
        String path;
        try {
            path = UriText.parse(url).getRawPath();
        } catch (URISyntaxException e) {
            // The fetch itself reports the URL as invalid; any code does for it.
            path = url;
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest(((path == null || path.isEmpty() ? "/" : path) + key).getBytes(StandardCharsets.UTF_8));
            return "code=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }

    /** {@code url} without the {@code key} or {@code code} parameter, so that no key reaches the store or a log. */
    static String withoutAccess(String url) {
        return url.replaceAll("([?&])(?:key|code)=[^&#]*&", "$1").replaceAll("[?&](?:key|code)=[^&#]*", "");
    }

    private static boolean hasAccess(String url) {
        return url.matches("[^#]*[?&](?:key|code)=.*");
    }

    private static boolean sameOrigin(String url, String instance) {
        try {
            URI a = UriText.parse(url);
            URI b = UriText.parse(instance);
            return a.getScheme() != null && a.getHost() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** RSSHub's answer to a missing or wrong key: 403 with "Authentication failed. Access denied." */
    private static boolean isAccessRefusal(HttpAnswer answer, String reason) {
        return answer.status() == 403 && reason.contains("Authentication failed");
    }

    /** An instance refused its access key: the failure of the fetch, not a cue to try the next instance. */
    private static final class AccessRefused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient FetchException failure;

        AccessRefused(FetchException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }

        FetchException failure() {
            return failure;
        }
    }

    private static String keyParameter(String key) {
        return "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
