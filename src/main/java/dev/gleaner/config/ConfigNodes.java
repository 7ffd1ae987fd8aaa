package dev.gleaner.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the values of one configuration file's YAML nodes: text, numbers, switches, durations and
 * mappings of known keys, each refused with the file, line and key and what was expected. Problems are
 * collected as they are found, so a file's every mistake is reported at once.
 */
final class ConfigNodes {
    private final Path file;
    private final List<ConfigException> problems = new ArrayList<>();

    ConfigNodes(Path file) {
        this.file = file;
    }

    /** A value read from a node, or a problem. */
    @FunctionalInterface
    interface Read<T> {
        T from(Node node, String key) throws ConfigException;
    }

    /** A value that may be read, or a problem. */
    @FunctionalInterface
    interface Attempt<T> {
        T get() throws ConfigException;
    }

    /** The value of {@code name} in {@code keys} (key {@code section.name}), or empty when absent or wrong. */
    <T> Optional<T> optional(Map<String, NodeTuple> keys, String section, String name, Read<T> read) {
        NodeTuple tuple = keys.get(name);
        if (tuple == null) {
            return Optional.empty();
        }
        String key = section.isEmpty() ? name : section + "." + name;
        return attempt(() -> read.from(tuple.getValueNode(), key));
    }

    /** What {@code attempt} gives, or empty after noting its problem. */
    <T> Optional<T> attempt(Attempt<T> attempt) {
        try {
            return Optional.ofNullable(attempt.get());
        } catch (ConfigException e) {
            problems.add(e);
            return Optional.empty();
        }
    }

    /** Notes a problem and goes on. */
    void problem(int line, String key, String problem) {
        problems.add(new ConfigException(file, line, key, problem));
    }

    /** Every problem noted, as one exception, if there was any. */
    Optional<ConfigException> problems() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(ConfigException.of(problems));
    }

    java.time.Duration positiveDuration(Node node, String key) throws ConfigException {
        var value = duration(node, key);
        if (value.isZero()) {
            throw new ConfigException(file, line(node), key, "expected a duration above zero");
        }
        return value;
    }

    java.time.Duration duration(Node node, String key) throws ConfigException {
        String text = text(node, key);
        return DurationText.parse(text).orElseThrow(() -> new ConfigException(file, line(node), key,
                "expected a duration like 30s, 30m, 1h or 1d, got '" + text + "'"));
    }

    /** The known keys of a mapping; an unknown or doubled key, or a node that is no mapping, is noted. */
    Map<String, NodeTuple> mapping(Node node, String key, Set<String> allowed) {
        Map<String, NodeTuple> keys = new java.util.LinkedHashMap<>();
        if (!(node instanceof MappingNode map)) {
            problem(line(node), key, "expected a mapping, got " + describe(node));
            return keys;
        }
        for (NodeTuple tuple : map.getValue()) {
            Optional<String> named = attempt(() -> text(tuple.getKeyNode(), key));
            if (named.isEmpty()) {
                continue;
            }
            String name = named.get();
            String full = key.isEmpty() ? name : key + "." + name;
            if (!allowed.contains(name)) {
                problem(line(tuple.getKeyNode()), full,
                        "unknown key; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            } else if (keys.putIfAbsent(name, tuple) != null) {
                problem(line(tuple.getKeyNode()), full, "appears twice");
            }
        }
        return keys;
    }

    String text(Node node, String key) throws ConfigException {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new ConfigException(file, line(node), key, "expected a text value, got " + describe(node));
    }

    int positive(Node node, String key) throws ConfigException {
        int value = nonNegative(node, key);
        if (value == 0) {
            throw new ConfigException(file, line(node), key, "expected a whole number above 0, got 0");
        }
        return value;
    }

    int nonNegative(Node node, String key) throws ConfigException {
        String text = text(node, key).strip();
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the value that was given
        }
        throw new ConfigException(file, line(node), key, "expected a whole number of 0 or more, got '" + text + "'");
    }

    boolean bool(Node node, String key) throws ConfigException {
        String text = text(node, key).strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(file, line(node), key, "expected true or false, got '" + text + "'");
        };
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().isEmpty() ? "nothing" : "the text '" + scalar.getValue() + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }
}
