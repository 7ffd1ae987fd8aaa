package dev.gleaner.config;

import dev.gleaner.config.SubscriptionTree.Category;
import dev.gleaner.config.SubscriptionTree.Feed;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes subscriptions as the {@code subscriptions:} section of the configuration, in its own form, so
 * that {@link ConfigLoader} reads back exactly the same subscriptions: a mapping for each category level,
 * a leaf as its bare URL when every option is at its default, else as a one-line mapping of the options
 * that differ ({@code 资讯: {url: rsshub://oschina/news/project, interval: 1h, limit: 30}}).
 *
 * <pre>{@code String yaml = new YamlTreeWriter().section(config.subscriptions());}</pre>
 *
 * <p>Levels are grouped in the order each first appears, as the loader lists them. Names and values are
 * quoted where YAML would read them as something else ({@code 'yes'}, {@code '1.0'}, {@code 'a: b'},
 * {@code '#x'}); CJK and emoji are written as they are. The RSSHub options the loader put in a route's
 * query ({@code sorted}, {@code filter}, ...) are written as options again; an {@code rsshub://} feed with a
 * {@code limit} its URL does not carry yet gets it in its query when read back, as the loader sends it.
 *
 * <p>Instances are thread-safe.
 */
public final class YamlTreeWriter {
    private static final String SECTION = "subscriptions";
    // YAML 1.1 booleans that SnakeYAML's resolver leaves plain, and 1.2 numbers it does not know:
    // other readers of the file would take them for something else
    private static final Pattern OTHER_READERS_MISREAD = Pattern.compile(
            "[yYnN=]|[-+]?0o[0-7]+|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+");

    /** A writer; it holds no state. */
    public YamlTreeWriter() {
    }

    /**
     * The {@code subscriptions:} section holding {@code subscriptions}, ending with a line break. It is a
     * whole configuration too: the other settings have defaults.
     *
     * @throws IllegalArgumentException when the subscriptions do not form a tree (two with one path, a feed under another), a
     *     level has spaces around it, or a category holds a feed or category named
     *     {@code url}, or only ones named after leaf options ({@code author}, {@code limit}, ...), which the
     *     loader would read as a feed's options; the message names the path
     */
    public String section(List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return SECTION + ": {}\n";
        }
        List<NodeTuple> tree = tuples(SubscriptionTree.of(subscriptions), List.of());
        MappingNode root = block(List.of(new NodeTuple(plain(SECTION), block(tree))));
        DumperOptions options = new DumperOptions();
        options.setIndent(2);
        options.setSplitLines(false);
        options.setMaxSimpleKeyLength(1024);
        options.setAllowUnicode(true);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(root, out);
        return out.toString();
    }

    /**
     * The text of the configuration {@code file} with its {@code subscriptions:} section replaced by one
     * holding {@code subscriptions} (or added at the end when it has none); every other byte, comments
     * included, is kept as it is.
     *
     * @throws ConfigException when the file cannot be read, is not YAML, or is not a mapping of settings
     *     written as a block
     * @throws IllegalArgumentException as {@link #section} does
     */
    public String replaceIn(Path file, List<Subscription> subscriptions) throws ConfigException {
        Objects.requireNonNull(file, "file");
        String text = read(file);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String section = section(subscriptions).replace("\n", newline);
        Node root = compose(file, text);
        if (root == null) {
            return text.isEmpty() || text.endsWith("\n") ? text + section : text + newline + section;
        }
        if (!(root instanceof MappingNode settings) || settings.getFlowStyle() == FlowStyle.FLOW) {
            throw new ConfigException(file, ConfigNodes.line(root), "", "expected the settings as a block "
                    + "mapping, one key a line, to put the subscriptions in; got " + ConfigNodes.describe(root)
                    + (root instanceof MappingNode ? " in braces" : ""));
        }
        Optional<NodeTuple> old = settings.getValue().stream()
                .filter(tuple -> tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(SECTION))
                .findFirst();
        int column = settings.getValue().get(0).getKeyNode().getStartMark().getColumn();
        String indented = section.stripTrailing().replace(newline, newline + " ".repeat(column));
        if (old.isEmpty()) {
            String end = text.endsWith("\n") ? "" : newline;
            return text + end + " ".repeat(column) + indented + newline;
        }
        int start = offset(text, old.get().getKeyNode().getStartMark());
        int end = offset(text, lastMark(old.get().getValueNode()));
        if (end < start) {
            throw new ConfigException(file, ConfigNodes.line(old.get().getKeyNode()), SECTION,
                    "is an alias of a node written before it; write the tree in place to have it replaced");
        }
        return text.substring(0, start) + indented + text.substring(end);
    }

    private List<NodeTuple> tuples(List<SubscriptionTree.Node> nodes, List<String> above) {
        if (!above.isEmpty()) {
            checkReadsAsCategory(nodes, above);
        }
        List<NodeTuple> tuples = new ArrayList<>();
        for (SubscriptionTree.Node node : nodes) {
            Node value = node instanceof Category category
                    ? block(tuples(category.children(), append(above, category.name())))
                    : leaf(((Feed) node).subscription());
            tuples.add(new NodeTuple(text(node.name()), value));
        }
        return tuples;
    }

    /** The loader takes a mapping that holds {@code url}, or nothing but leaf options, for a feed. */
    private static void checkReadsAsCategory(List<SubscriptionTree.Node> children, List<String> path) {
        Set<String> leafKeys = ConfigLoader.LEAF_KEYS;
        Optional<String> clash = children.stream().map(SubscriptionTree.Node::name)
                .filter(name -> name.equals("url")).findFirst();
        if (clash.isEmpty() && children.stream().allMatch(child -> leafKeys.contains(child.name()))) {
            clash = Optional.of(children.get(0).name());
        }
        if (clash.isPresent()) {
            throw new IllegalArgumentException(new CategoryPath(append(path, clash.get()))
                    + ": the configuration reads a category holding '" + clash.get() + "' as a feed's options"
                    + (clash.get().equals("url") ? "" : " when it holds only names like it")
                    + "; give the level another name");
        }
    }

    private Node leaf(Subscription subscription) {
        Optional<AppliedRsshubOptions> applied = AppliedRsshubOptions.in(subscription.url().text(), subscription.limit());
        List<NodeTuple> options = new ArrayList<>();
        options.add(option("url", text(applied.map(AppliedRsshubOptions::route).orElse(subscription.url().text()))));
        if (!subscription.author().equals(subscription.path().site())) {
            options.add(option("author", text(subscription.author())));
        }
        subscription.limit().ifPresent(limit -> options.add(option("limit", typed(Tag.INT, limit))));
        if (!subscription.interval().equals(Subscription.DEFAULT_INTERVAL)) {
            options.add(option("interval", text(DurationText.format(subscription.interval()))));
        }
        if (subscription.comments()) {
            options.add(option("comments", typed(Tag.BOOL, true)));
        }
        subscription.image().ifPresent(image -> options.add(option("image", text(image))));
        if (subscription.update()) {
            options.add(option("update", typed(Tag.BOOL, true)));
        }
        applied.map(AppliedRsshubOptions::options).ifPresent(rsshub -> {
            rsshub.sorted().ifPresent(sorted -> options.add(option("sorted", typed(Tag.BOOL, sorted))));
            rsshub.filter().ifPresent(filter -> options.add(option("filter", text(filter))));
            rsshub.filterOut().ifPresent(filter -> options.add(option("filterout", text(filter))));
            rsshub.filterTime().ifPresent(time -> options.add(option("filter_time",
                    text(DurationText.format(time)))));
            rsshub.format().ifPresent(format -> options.add(option("format", text(format))));
        });
        return options.size() == 1 ? options.get(0).getValueNode()
                : new MappingNode(Tag.MAP, options, FlowStyle.FLOW);
    }

    private static NodeTuple option(String key, Node value) {
        return new NodeTuple(plain(key), value);
    }

    /** A string scalar in the style that reads back as the same string in any YAML reader. */
    private static ScalarNode text(String value) {
        ScalarStyle style = ScalarStyle.PLAIN;
        if (value.codePoints().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                || c == 0xFEFF)) {
            style = ScalarStyle.DOUBLE_QUOTED;
        } else if (OTHER_READERS_MISREAD.matcher(value).matches()) {
            style = ScalarStyle.SINGLE_QUOTED;
        }
        // PLAIN lets the emitter quote what would not read back as a string ('yes', 'a: b', ' x')
        return new ScalarNode(Tag.STR, value, null, null, style);
    }

    private static ScalarNode plain(String value) {
        return new ScalarNode(Tag.STR, value, null, null, ScalarStyle.PLAIN);
    }

    private static ScalarNode typed(Tag tag, Object value) {
        return new ScalarNode(tag, String.valueOf(value), null, null, ScalarStyle.PLAIN);
    }

    private static MappingNode block(List<NodeTuple> tuples) {
        return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
    }

    private static String read(Path file) throws ConfigException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "no such file", e);
        } catch (IOException e) {
            throw new ConfigException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static @Nullable Node compose(Path file, String text) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file, line, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Where the last scalar or flow collection of {@code node} ends: a block ends at what comes next. */
    private static Mark lastMark(Node node) {
        if (node instanceof MappingNode map && map.getFlowStyle() == FlowStyle.BLOCK && !map.getValue().isEmpty()) {
            return lastMark(map.getValue().get(map.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode list && list.getFlowStyle() == FlowStyle.BLOCK
                && !list.getValue().isEmpty()) {
            return lastMark(list.getValue().get(list.getValue().size() - 1));
        }
        return node.getEndMark();
    }

    /** The index in {@code text} of a mark, which counts code points. */
    private static int offset(String text, Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }

    private static List<String> append(List<String> path, String name) {
        List<String> longer = new ArrayList<>(path);
        longer.add(name);
        return longer;
    }
}
