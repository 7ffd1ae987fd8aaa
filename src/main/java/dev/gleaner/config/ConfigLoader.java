package dev.gleaner.config;

import dev.gleaner.model.FeedUrl;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a configuration file into a validated {@link Config}.
 *
 * <p>The file is composed into a YAML node tree (no objects are constructed from it, so no tag can
 * run code), then walked with the line of every node at hand, so each error names the file, the
 * line, the key and what was expected:
 *
 * <pre>{@code Config config = new ConfigLoader().load(Path.of("gleaner.yml"));}</pre>
 *
 * <p>Instances are thread-safe.
 */
public final class ConfigLoader {
    private static final Set<String> TOP_KEYS = Set.of("site", "storage", "rsshub", "backlog", "fetch", "schedule",
            "serve", "subscriptions");
    private static final Set<String> SERVE_KEYS = Set.of("public_site");
    private static final Set<String> FETCH_KEYS = Set.of("timeout", "concurrency", "per_host", "min_gap",
            "user_agent", "allow");
    private static final Set<String> SCHEDULE_KEYS = Set.of("min_interval", "max_interval", "backoff_cap",
            "gone_after");
    private static final Set<String> INSTANCE_KEYS = Set.of("url", "key", "code");
    private static final Set<String> SITE_KEYS = Set.of("title", "output", "public", "url", "page_size", "theme",
            "timezone");
    /** The keys of a leaf's mapping: a mapping holding {@code url}, or only these, is a feed, not a category. */
    static final Set<String> LEAF_KEYS = Set.of("url", "author", "limit", "interval", "comments", "image",
            "update", "sorted", "filter", "filterout", "filter_time", "format");
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[a-zA-Z]:[\\\\/].*");

    private final AllowEntryCheck allowCheck;

    /** What may stand in {@code fetch.allow}: the fetch stage knows, the loader points at the line. */
    @FunctionalInterface
    public interface AllowEntryCheck {
        /** Why {@code entry} cannot be allowed, or empty when it is a host name, address or block. */
        Optional<String> problem(String entry);
    }

    /** A loader that takes every {@code fetch.allow} entry as given. */
    public ConfigLoader() {
        this(entry -> Optional.empty());
    }

    /** A loader that checks each {@code fetch.allow} entry with {@code allowCheck}. */
    public ConfigLoader(AllowEntryCheck allowCheck) {
        this.allowCheck = Objects.requireNonNull(allowCheck, "allowCheck");
    }

    /**
     * Reads and validates {@code file}.
     *
     * @throws ConfigException when the file cannot be read, is not YAML, or does not describe a
     *     configuration; the message has one line for each problem, each saying where and why
     */
    public Config load(Path file) throws ConfigException {
        Objects.requireNonNull(file, "file");
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            root = new Yaml(options).compose(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "no such file", e);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file, line, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new ConfigException(file, "cannot be read: " + e.getMessage(), e);
        }
        return new Reading(file, allowCheck).config(root);
    }

    /** One pass over one file's node tree, noting every problem on the way. */
    private static final class Reading {
        private final Path file;
        private final Path base;
        private final ConfigNodes nodes;
        private final AllowEntryCheck allowCheck;

        Reading(Path file, AllowEntryCheck allowCheck) {
            this.file = file;
            this.nodes = new ConfigNodes(file);
            this.allowCheck = allowCheck;
            Path parent = file.toAbsolutePath().normalize().getParent();
            this.base = parent == null ? Path.of("").toAbsolutePath() : parent;
        }

        Config config(@Nullable Node root) throws ConfigException {
            if (root == null) {
                throw new ConfigException(file, 1, "", "the file is empty; expected a mapping with 'subscriptions'");
            }
            if (!(root instanceof MappingNode)) {
                throw new ConfigException(file, ConfigNodes.line(root), "",
                        "expected a mapping with 'subscriptions', got " + ConfigNodes.describe(root));
            }
            Map<String, NodeTuple> top = nodes.mapping(root, "", TOP_KEYS);
            List<String> warnings = new ArrayList<>();
            SiteSettings site = site(top.get("site"), warnings);
            String storage = nodes.optional(top, "", "storage", this::storage).orElseGet(() -> storage("gleaner.db"));
            List<RsshubInstance> rsshub = nodes.optional(top, "", "rsshub", (node, key) -> instances(node))
                    .orElse(List.of(new RsshubInstance("https://rsshub.app", Optional.empty(), false)));
            int backlog = nodes.optional(top, "", "backlog", nodes::nonNegative).orElse(20);
            FetchOptions fetch = top.containsKey("fetch") ? fetch(top.get("fetch")) : FetchOptions.DEFAULTS;
            ScheduleOptions schedule = top.containsKey("schedule") ? schedule(top.get("schedule"))
                    : ScheduleOptions.DEFAULTS;
            ServeOptions serve = ServeOptions.DEFAULTS;
            if (top.containsKey("serve")) {
                Map<String, NodeTuple> keys = nodes.mapping(top.get("serve").getValueNode(), "serve", SERVE_KEYS);
                serve = new ServeOptions(nodes.optional(keys, "serve", "public_site", nodes::bool).orElse(true));
            }
            List<Subscription> subscriptions = new ArrayList<>();
            // The file's tree may be empty: feeds added with `gleaner add` or `import` live in the store.
            if (top.containsKey("subscriptions") && !isEmptyMapping(top.get("subscriptions").getValueNode())) {
                tree(top.get("subscriptions").getValueNode(), List.of(), subscriptions);
            }
            Optional<ConfigException> problems = nodes.problems();
            if (problems.isPresent()) {
                throw problems.get();
            }
            return new Config(file, site, storage, rsshub, backlog, fetch, schedule, serve, subscriptions,
                    warnings);
        }

        private SiteSettings site(@Nullable NodeTuple tuple, List<String> warnings) {
            Path output = base.resolve("site");
            if (tuple == null) {
                warnings.add(noSiteUrl());
                return new SiteSettings("信息流", output);
            }
            Map<String, NodeTuple> keys = nodes.mapping(tuple.getValueNode(), "site", SITE_KEYS);
            String title = nodes.optional(keys, "site", "title", nodes::text).orElse("信息流");
            output = nodes.optional(keys, "site", "output", nodes::text).map(text -> base.resolve(text).normalize())
                    .orElse(output);
            Path publicDir = nodes.optional(keys, "site", "public", nodes::text)
                    .map(text -> base.resolve(text).normalize()).orElse(output.resolve("public"));
            if (!keys.containsKey("url")) {
                warnings.add(noSiteUrl());
            }
            URI url = nodes.optional(keys, "site", "url", (node, key) -> siteUrl(node))
                    .orElse(SiteSettings.DEFAULT_URL);
            int pageSize = nodes.optional(keys, "site", "page_size", nodes::positive)
                    .orElse(SiteSettings.DEFAULT_PAGE_SIZE);
            Optional<Path> theme = nodes.optional(keys, "site", "theme", nodes::text)
                    .map(text -> base.resolve(text).normalize());
            ZoneId zone = nodes.optional(keys, "site", "timezone", (node, key) -> zone(node))
                    .orElse(ZoneId.systemDefault());
            return new SiteSettings(title, output, publicDir, url, pageSize, theme, zone);
        }

        private ZoneId zone(Node node) throws ConfigException {
            String text = nodes.text(node, "site.timezone").strip();
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new ConfigException(file, ConfigNodes.line(node), "site.timezone",
                        "expected a time zone such as Asia/Shanghai or +08:00, got '" + text + "'");
            }
        }

        private String noSiteUrl() {
            return file + ": site.url is not set, so the site's feeds, sitemap and links name "
                    + SiteSettings.DEFAULT_URL + "; set it to the address the site is served from";
        }

        private URI siteUrl(Node node) throws ConfigException {
            String text = nodes.text(node, "site.url").strip();
            try {
                URI url = new URI(text.endsWith("/") ? text : text + "/");
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
                        && url.getRawQuery() == null && url.getRawFragment() == null) {
                    return url;
                }
            } catch (URISyntaxException e) {
                // reported below with the value that was given
            }
            throw new ConfigException(file, ConfigNodes.line(node), "site.url",
                    "expected the http(s) address the site is served from, like https://example.org/news/, got '"
                            + text + "'");
        }

        private FetchOptions fetch(NodeTuple tuple) {
            Map<String, NodeTuple> keys = nodes.mapping(tuple.getValueNode(), "fetch", FETCH_KEYS);
            FetchOptions defaults = FetchOptions.DEFAULTS;
            List<String> allow = new ArrayList<>();
            if (keys.containsKey("allow")) {
                Node node = keys.get("allow").getValueNode();
                for (Node item : node instanceof SequenceNode seq ? seq.getValue() : List.of(node)) {
                    nodes.attempt(() -> nodes.text(item, "fetch.allow").strip()).ifPresent(entry -> {
                        Optional<String> problem = allowCheck.problem(entry);
                        if (problem.isPresent()) {
                            nodes.problem(ConfigNodes.line(item), "fetch.allow", problem.get());
                        } else {
                            allow.add(entry);
                        }
                    });
                }
            }
            return new FetchOptions(
                    nodes.optional(keys, "fetch", "timeout", nodes::positiveDuration).orElse(defaults.timeout()),
                    nodes.optional(keys, "fetch", "concurrency", nodes::positive).orElse(defaults.concurrency()),
                    nodes.optional(keys, "fetch", "per_host", nodes::positive).orElse(defaults.perHost()),
                    nodes.optional(keys, "fetch", "min_gap", nodes::duration).orElse(defaults.minGap()),
                    nodes.optional(keys, "fetch", "user_agent", nodes::text).map(String::strip),
                    allow);
        }

        private ScheduleOptions schedule(NodeTuple tuple) {
            Map<String, NodeTuple> keys = nodes.mapping(tuple.getValueNode(), "schedule", SCHEDULE_KEYS);
            ScheduleOptions defaults = ScheduleOptions.DEFAULTS;
            var min = nodes.optional(keys, "schedule", "min_interval", nodes::positiveDuration)
                    .orElse(defaults.minInterval());
            var max = nodes.optional(keys, "schedule", "max_interval", nodes::positiveDuration)
                    .orElse(defaults.maxInterval());
            if (min.compareTo(max) > 0) {
                nodes.problem(ConfigNodes.line(tuple.getValueNode()), "schedule",
                        "min_interval must not exceed max_interval");
                max = min;
            }
            return new ScheduleOptions(min, max,
                    nodes.optional(keys, "schedule", "backoff_cap", nodes::positiveDuration)
                            .orElse(defaults.backoffCap()),
                    nodes.optional(keys, "schedule", "gone_after", nodes::positiveDuration)
                            .orElse(defaults.goneAfter()));
        }

        /** A {@code jdbc:sqlite:} URL, its file resolved against the configuration's folder. */
        private String storage(Node node, String key) throws ConfigException {
            String url = nodes.text(node, key).strip();
            String prefix = "jdbc:sqlite:";
            if (!url.startsWith(prefix)) {
                throw new ConfigException(file, ConfigNodes.line(node), key, "expected a SQLite store like "
                        + "jdbc:sqlite:gleaner.db (the only kind supported so far), got '" + url + "'");
            }
            return storage(url.substring(prefix.length()));
        }

        private String storage(String location) {
            boolean special = location.isEmpty() || location.startsWith(":") || location.startsWith("file:");
            if (!special && !Path.of(location).isAbsolute()) {
                return "jdbc:sqlite:" + base.resolve(location).normalize();
            }
            return "jdbc:sqlite:" + location;
        }

        private List<RsshubInstance> instances(Node node) throws ConfigException {
            List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
            List<RsshubInstance> instances = new ArrayList<>();
            for (Node item : items) {
                Optional<String> key = Optional.empty();
                boolean code = false;
                Node urlNode = item;
                if (item instanceof MappingNode) {
                    Map<String, NodeTuple> keys = nodes.mapping(item, "rsshub", INSTANCE_KEYS);
                    if (!keys.containsKey("url")) {
                        nodes.problem(ConfigNodes.line(item), "rsshub", "an instance needs its url");
                        continue;
                    }
                    urlNode = keys.get("url").getValueNode();
                    key = nodes.optional(keys, "rsshub", "key", nodes::text);
                    code = nodes.optional(keys, "rsshub", "code", nodes::bool).orElse(false);
                }
                String url = nodes.text(urlNode, "rsshub").strip();
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    nodes.problem(ConfigNodes.line(urlNode), "rsshub",
                            "expected the http(s) URL of an RSSHub instance, got '" + url + "'");
                    continue;
                }
                instances.add(new RsshubInstance(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, key,
                        code));
            }
            return instances;
        }

        private static boolean isEmptyMapping(Node node) {
            return node instanceof MappingNode map && map.getValue().isEmpty()
                    || node instanceof ScalarNode scalar && scalar.getValue().isEmpty();
        }

        /** The leaves under {@code node}; a wrong branch is noted and left out, its siblings still read. */
        private void tree(Node node, List<String> path, List<Subscription> out) {
            String key = keyOf(path);
            if (!(node instanceof MappingNode map)) {
                nodes.problem(ConfigNodes.line(node), key,
                        "expected a mapping of categories, sites and feeds, got " + ConfigNodes.describe(node));
                return;
            }
            if (map.getValue().isEmpty()) {
                nodes.problem(ConfigNodes.line(node), key, "is empty; expected categories or feeds under it");
                return;
            }
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : map.getValue()) {
                Optional<String> named = nodes.attempt(() -> nodes.text(tuple.getKeyNode(), key).strip());
                if (named.isEmpty()) {
                    continue;
                }
                String name = named.get();
                List<String> childPath = append(path, name);
                if (name.isEmpty()) {
                    nodes.problem(ConfigNodes.line(tuple.getKeyNode()), key, "a category or feed name is blank");
                    continue;
                }
                if (!seen.add(name)) {
                    nodes.problem(ConfigNodes.line(tuple.getKeyNode()), keyOf(childPath),
                            "appears twice under the same parent");
                    continue;
                }
                Node value = tuple.getValueNode();
                if (value instanceof ScalarNode) {
                    leaf(childPath, value, Map.of()).ifPresent(out::add);
                } else if (value instanceof MappingNode child && hasKey(child, "url")) {
                    leaf(childPath, value, nodes.mapping(value, keyOf(childPath), LEAF_KEYS)).ifPresent(out::add);
                } else if (value instanceof MappingNode child && onlyOptions(child)) {
                    nodes.problem(ConfigNodes.line(value), keyOf(childPath),
                            "has feed options but no 'url'; expected url: followed by the feed's address");
                } else {
                    tree(value, childPath, out);
                }
            }
        }

        /** The subscription a leaf declares, or empty when its URL is wrong (noted). */
        private Optional<Subscription> leaf(List<String> levels, Node node, Map<String, NodeTuple> options) {
            String key = keyOf(levels);
            CategoryPath path = new CategoryPath(levels);
            Node urlNode = options.isEmpty() ? node : options.get("url").getValueNode();
            String urlKey = options.isEmpty() ? key : key + ".url";
            Optional<String> url = nodes.attempt(() -> url(nodes.text(urlNode, urlKey), urlNode, urlKey));
            String author = nodes.optional(options, key, "author", nodes::text).orElse(path.site());
            OptionalInt limit = nodes.optional(options, key, "limit", nodes::positive)
                    .map(OptionalInt::of).orElse(OptionalInt.empty());
            var interval = nodes.optional(options, key, "interval", nodes::positiveDuration)
                    .orElse(Subscription.DEFAULT_INTERVAL);
            boolean comments = nodes.optional(options, key, "comments", nodes::bool).orElse(false);
            Optional<String> image = nodes.optional(options, key, "image", nodes::text);
            boolean update = nodes.optional(options, key, "update", nodes::bool).orElse(false);
            RsshubOptions rsshub = new RsshubOptions(limit, nodes.optional(options, key, "sorted", nodes::bool),
                    nodes.optional(options, key, "filter", nodes::text),
                    nodes.optional(options, key, "filterout", nodes::text),
                    nodes.optional(options, key, "filter_time", nodes::positiveDuration),
                    nodes.optional(options, key, "format", this::format));
            boolean route = url.map(FeedUrl::parse).filter(FeedUrl.Route.class::isInstance).isPresent();
            if (url.isPresent() && !route && rsshub.hasRsshubOnly()) {
                String first = RsshubOptions.KEYS.stream().filter(options::containsKey).findFirst().orElseThrow();
                nodes.problem(ConfigNodes.line(options.get(first).getKeyNode()), key + "." + first,
                        "is an RSSHub option, for rsshub://ROUTE feeds; this feed's URL is not one");
                return Optional.empty();
            }
            return url.map(address -> new Subscription(path, route ? rsshub.applyTo(address) : address, author,
                    limit, interval, comments, image, update));
        }

        private String format(Node node, String key) throws ConfigException {
            String format = nodes.text(node, key).strip();
            if (!RsshubOptions.FORMATS.contains(format)) {
                throw new ConfigException(file, ConfigNodes.line(node), key,
                        "expected one of " + String.join(", ", RsshubOptions.FORMATS) + ", got '" + format + "'");
            }
            return format;
        }

        private String url(String text, Node node, String key) throws ConfigException {
            String url = text.strip();
            if (url.isEmpty()) {
                throw new ConfigException(file, ConfigNodes.line(node), key, "the URL is empty");
            }
            if (WINDOWS_DRIVE.matcher(url).matches() || !URL_SCHEME.matcher(url).find()) {
                return base.resolve(url).normalize().toUri().toString();
            }
            if (FeedUrl.tryParse(url).isPresent()) {
                return url;
            }
            if (url.regionMatches(true, 0, "rsshub:", 0, "rsshub:".length())) {
                throw new ConfigException(file, ConfigNodes.line(node), key, "expected rsshub://ROUTE, got '" + url + "'");
            }
            throw new ConfigException(file, ConfigNodes.line(node), key,
                    "expected an http(s)://, file:, rsshub:// URL or a path, got '" + url + "'");
        }

        private static boolean onlyOptions(MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode scalar) || !LEAF_KEYS.contains(scalar.getValue())) {
                    return false;
                }
            }
            return true;
        }

        private static boolean hasKey(MappingNode map, String key) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return true;
                }
            }
            return false;
        }

        private static String keyOf(List<String> path) {
            return path.isEmpty() ? "subscriptions" : "subscriptions." + String.join(".", path);
        }

        private static List<String> append(List<String> path, String name) {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            return longer;
        }
    }
}
