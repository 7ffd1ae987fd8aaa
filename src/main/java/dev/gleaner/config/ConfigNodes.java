package dev.gleaner.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the values of one configuration file's YAML nodes: text, numbers, switches, durations and
 * mappings of known keys, each refused with the file, line and key and what was expected.
 */
final class ConfigNodes {
    private final Path file;

    ConfigNodes(Path file) {
        this.file = file;
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

    Map<String, NodeTuple> mapping(Node node, String key, Set<String> allowed) throws ConfigException {
        if (!(node instanceof MappingNode map)) {
            throw new ConfigException(file, line(node), key, "expected a mapping, got " + describe(node));
        }
        Map<String, NodeTuple> keys = new java.util.LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String name = text(tuple.getKeyNode(), key);
            String full = key.isEmpty() ? name : key + "." + name;
            if (!allowed.contains(name)) {
                throw new ConfigException(file, line(tuple.getKeyNode()), full,
                        "unknown key; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            if (keys.put(name, tuple) != null) {
                throw new ConfigException(file, line(tuple.getKeyNode()), full, "appears twice");
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
