package dev.gleaner.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
            "subscriptions");
    private static final Set<String> FETCH_KEYS = Set.of("timeout", "concurrency", "per_host", "min_gap",
            "user_agent", "allow");
    private static final Set<String> SCHEDULE_KEYS = Set.of("min_interval", "max_interval", "backoff_cap",
            "gone_after");
    private static final Set<String> INSTANCE_KEYS = Set.of("url", "key", "code");
    private static final Set<String> SITE_KEYS = Set.of("title", "output", "public", "url", "page_size");
    private static final Set<String> LEAF_KEYS = Set.of("url", "author", "limit", "interval", "comments", "image");
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[a-zA-Z]:[\\\\/].*");

    /**
     * Reads and validates {@code file}.
     *
     * @throws ConfigException when the file cannot be read, is not YAML, or does not describe a
     *     configuration; the message says where and why
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
        return new Reading(file).config(root);
    }

    /** One pass over one file's node tree. */
    private static final class Reading {
        private final Path file;
        private final Path base;
        private final ConfigNodes nodes;

        Reading(Path file) {
            this.file = file;
            this.nodes = new ConfigNodes(file);
            Path parent = file.toAbsolutePath().normalize().getParent();
            this.base = parent == null ? Path.of("").toAbsolutePath() : parent;
        }

        Config config(@Nullable Node root) throws ConfigException {
            if (root == null) {
                throw new ConfigException(file, 1, "", "the file is empty; expected a mapping with 'subscriptions'");
            }
            Map<String, NodeTuple> top = nodes.mapping(root, "", TOP_KEYS);
            SiteSettings site = site(top.get("site"));
            String storage = top.containsKey("storage")
                    ? storage(nodes.text(top.get("storage").getValueNode(), "storage"))
                    : storage("jdbc:sqlite:gleaner.db");
            List<RsshubInstance> rsshub = top.containsKey("rsshub")
                    ? instances(top.get("rsshub").getValueNode())
                    : List.of(new RsshubInstance("https://rsshub.app", Optional.empty(), false));
            int backlog = top.containsKey("backlog")
                    ? nodes.nonNegative(top.get("backlog").getValueNode(), "backlog")
                    : 20;
            FetchOptions fetch = top.containsKey("fetch") ? fetch(top.get("fetch")) : FetchOptions.DEFAULTS;
            ScheduleOptions schedule = top.containsKey("schedule") ? schedule(top.get("schedule"))
                    : ScheduleOptions.DEFAULTS;
            if (!top.containsKey("subscriptions")) {
                throw new ConfigException(file, ConfigNodes.line(root), "subscriptions",
                        "missing; expected the category tree of subscriptions");
            }
            List<Subscription> subscriptions = new ArrayList<>();
            tree(top.get("subscriptions").getValueNode(), List.of(), subscriptions);
            if (subscriptions.isEmpty()) {
                throw new ConfigException(file, ConfigNodes.line(top.get("subscriptions").getValueNode()), "subscriptions",
                        "no subscription; expected at least one leaf like 知乎热榜: rsshub://zhihu/hotlist");
            }
            return new Config(file, site, storage, rsshub, backlog, fetch, schedule, subscriptions);
        }

        private SiteSettings site(@Nullable NodeTuple tuple) throws ConfigException {
            String title = "信息流";
            Path output = base.resolve("site");
            Path publicDir = output.resolve("public");
            URI url = SiteSettings.DEFAULT_URL;
            int pageSize = SiteSettings.DEFAULT_PAGE_SIZE;
            if (tuple != null) {
                Map<String, NodeTuple> keys = nodes.mapping(tuple.getValueNode(), "site", SITE_KEYS);
                if (keys.containsKey("title")) {
                    title = nodes.text(keys.get("title").getValueNode(), "site.title");
                }
                if (keys.containsKey("output")) {
                    output = base.resolve(nodes.text(keys.get("output").getValueNode(), "site.output")).normalize();
                }
                publicDir = output.resolve("public");
                if (keys.containsKey("public")) {
                    publicDir = base.resolve(nodes.text(keys.get("public").getValueNode(), "site.public")).normalize();
                }
                if (keys.containsKey("url")) {
                    url = siteUrl(keys.get("url").getValueNode());
                }
                if (keys.containsKey("page_size")) {
                    pageSize = nodes.positive(keys.get("page_size").getValueNode(), "site.page_size");
                }
            }
            return new SiteSettings(title, output, publicDir, url, pageSize);
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

        private FetchOptions fetch(NodeTuple tuple) throws ConfigException {
            Map<String, NodeTuple> keys = nodes.mapping(tuple.getValueNode(), "fetch", FETCH_KEYS);
            FetchOptions defaults = FetchOptions.DEFAULTS;
            List<String> allow = new ArrayList<>();
            if (keys.containsKey("allow")) {
                Node node = keys.get("allow").getValueNode();
                for (Node item : node instanceof SequenceNode seq ? seq.getValue() : List.of(node)) {
                    allow.add(nodes.text(item, "fetch.allow").strip());
                }
            }
            return new FetchOptions(
                    keys.containsKey("timeout") ? nodes.positiveDuration(keys.get("timeout").getValueNode(), "fetch.timeout")
                            : defaults.timeout(),
                    keys.containsKey("concurrency")
                            ? nodes.positive(keys.get("concurrency").getValueNode(), "fetch.concurrency") : defaults.concurrency(),
                    keys.containsKey("per_host")
                            ? nodes.positive(keys.get("per_host").getValueNode(), "fetch.per_host") : defaults.perHost(),
                    keys.containsKey("min_gap") ? nodes.duration(keys.get("min_gap").getValueNode(), "fetch.min_gap")
                            : defaults.minGap(),
                    keys.containsKey("user_agent")
                            ? Optional.of(nodes.text(keys.get("user_agent").getValueNode(), "fetch.user_agent").strip())
                            : Optional.empty(),
                    allow);
        }

        private ScheduleOptions schedule(NodeTuple tuple) throws ConfigException {
            Map<String, NodeTuple> keys = nodes.mapping(tuple.getValueNode(), "schedule", SCHEDULE_KEYS);
            ScheduleOptions defaults = ScheduleOptions.DEFAULTS;
            var min = keys.containsKey("min_interval")
                    ? nodes.positiveDuration(keys.get("min_interval").getValueNode(), "schedule.min_interval")
                    : defaults.minInterval();
            var max = keys.containsKey("max_interval")
                    ? nodes.positiveDuration(keys.get("max_interval").getValueNode(), "schedule.max_interval")
                    : defaults.maxInterval();
            if (min.compareTo(max) > 0) {
                throw new ConfigException(file, ConfigNodes.line(tuple.getValueNode()), "schedule",
                        "min_interval must not exceed max_interval");
            }
            return new ScheduleOptions(min, max,
                    keys.containsKey("backoff_cap")
                            ? nodes.positiveDuration(keys.get("backoff_cap").getValueNode(), "schedule.backoff_cap")
                            : defaults.backoffCap(),
                    keys.containsKey("gone_after")
                            ? nodes.positiveDuration(keys.get("gone_after").getValueNode(), "schedule.gone_after")
                            : defaults.goneAfter());
        }

        private String storage(String url) {
            String prefix = "jdbc:sqlite:";
            if (url.startsWith(prefix)) {
                String location = url.substring(prefix.length());
                boolean special = location.isEmpty() || location.startsWith(":") || location.startsWith("file:");
                if (!special && !Path.of(location).isAbsolute()) {
                    return prefix + base.resolve(location).normalize();
                }
            }
            return url;
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
                        throw new ConfigException(file, ConfigNodes.line(item), "rsshub", "an instance needs its url");
                    }
                    urlNode = keys.get("url").getValueNode();
                    if (keys.containsKey("key")) {
                        key = Optional.of(nodes.text(keys.get("key").getValueNode(), "rsshub.key"));
                    }
                    code = keys.containsKey("code") && nodes.bool(keys.get("code").getValueNode(), "rsshub.code");
                }
                String url = nodes.text(urlNode, "rsshub").strip();
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    throw new ConfigException(file, ConfigNodes.line(urlNode), "rsshub",
                            "expected the http(s) URL of an RSSHub instance, got '" + url + "'");
                }
                instances.add(new RsshubInstance(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, key,
                        code));
            }
            return instances;
        }

        private void tree(Node node, List<String> path, List<Subscription> out) throws ConfigException {
            String key = keyOf(path);
            if (!(node instanceof MappingNode map)) {
                throw new ConfigException(file, ConfigNodes.line(node), key,
                        "expected a mapping of categories, sites and feeds, got " + ConfigNodes.describe(node));
            }
            if (map.getValue().isEmpty()) {
                throw new ConfigException(file, ConfigNodes.line(node), key, "is empty; expected categories or feeds under it");
            }
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : map.getValue()) {
                String name = nodes.text(tuple.getKeyNode(), key.isEmpty() ? "subscriptions" : key).strip();
                List<String> childPath = append(path, name);
                if (name.isEmpty()) {
                    throw new ConfigException(file, ConfigNodes.line(tuple.getKeyNode()), key, "a category or feed name is blank");
                }
                if (!seen.add(name)) {
                    throw new ConfigException(file, ConfigNodes.line(tuple.getKeyNode()), keyOf(childPath),
                            "appears twice under the same parent");
                }
                Node value = tuple.getValueNode();
                if (value instanceof ScalarNode) {
                    out.add(leaf(childPath, value, Map.of()));
                } else if (value instanceof MappingNode child && hasKey(child, "url")) {
                    out.add(leaf(childPath, value, nodes.mapping(value, keyOf(childPath), LEAF_KEYS)));
                } else if (value instanceof MappingNode child && onlyOptions(child)) {
                    throw new ConfigException(file, ConfigNodes.line(value), keyOf(childPath),
                            "has feed options but no 'url'; expected url: followed by the feed's address");
                } else {
                    tree(value, childPath, out);
                }
            }
        }

        private Subscription leaf(List<String> levels, Node node, Map<String, NodeTuple> options)
                throws ConfigException {
            String key = keyOf(levels);
            CategoryPath path = new CategoryPath(levels);
            Node urlNode = options.isEmpty() ? node : options.get("url").getValueNode();
            String urlKey = options.isEmpty() ? key : key + ".url";
            String url = url(nodes.text(urlNode, urlKey), urlNode, urlKey);
            String author = options.containsKey("author")
                    ? nodes.text(options.get("author").getValueNode(), key + ".author")
                    : path.site();
            OptionalInt limit = options.containsKey("limit")
                    ? OptionalInt.of(nodes.positive(options.get("limit").getValueNode(), key + ".limit"))
                    : OptionalInt.empty();
            var interval = options.containsKey("interval")
                    ? nodes.positiveDuration(options.get("interval").getValueNode(), key + ".interval")
                    : Subscription.DEFAULT_INTERVAL;
            boolean comments = options.containsKey("comments")
                    && nodes.bool(options.get("comments").getValueNode(), key + ".comments");
            Optional<String> image = options.containsKey("image")
                    ? Optional.of(nodes.text(options.get("image").getValueNode(), key + ".image"))
                    : Optional.empty();
            return new Subscription(path, url, author, limit, interval, comments, image);
        }

        private String url(String text, Node node, String key) throws ConfigException {
            String url = text.strip();
            if (url.isEmpty()) {
                throw new ConfigException(file, ConfigNodes.line(node), key, "the URL is empty");
            }
            if (WINDOWS_DRIVE.matcher(url).matches() || !URL_SCHEME.matcher(url).find()) {
                return base.resolve(url).normalize().toUri().toString();
            }
            String scheme = url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
            if (!Set.of("http", "https", "file", "rsshub").contains(scheme)) {
                throw new ConfigException(file, ConfigNodes.line(node), key,
                        "expected an http(s)://, file:, rsshub:// URL or a path, got '" + url + "'");
            }
            if (scheme.equals("rsshub") && !url.startsWith("rsshub://")) {
                throw new ConfigException(file, ConfigNodes.line(node), key, "expected rsshub://ROUTE, got '" + url + "'");
            }
            return url;
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
