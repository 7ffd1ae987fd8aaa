package dev.gleaner.publish;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What an existing Hexo post says: its title, categories, author, date and body, read leniently, as
 * posts of the reference format and its older variants are written (the original generator wrote
 * invalid YAML for titles with both kinds of quote, and dates such as {@code Invalid Date}).
 *
 * @param title the front matter's title, as written
 * @param categories the front matter's categories, outermost first
 * @param author the front matter's author; empty when it has none
 * @param date the front matter's date, as written; empty when it has none
 * @param body the post's HTML: what the reference format's {@code <div>} holds, else all after the front matter
 */
public record PostFile(String title, List<String> categories, String author, Optional<String> date, String body) {

    public PostFile {
        Objects.requireNonNull(title, "title");
        categories = List.copyOf(categories);
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(body, "body");
    }

    /**
     * Reads a post's text.
     *
     * @return empty when the text has no front matter with a title: it is not a post of this format
     */
    public static Optional<PostFile> read(String text) {
        Optional<FrontMatter> found = FrontMatter.find(text);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FrontMatter front = found.get();
        Fields fields = yaml(front.text()).orElseGet(() -> lines(front.text()));
        if (fields.title == null) {
            return Optional.empty();
        }
        return Optional.of(new PostFile(fields.title, fields.categories,
                fields.author == null ? "" : fields.author, Optional.ofNullable(fields.date),
                body(text.substring(front.end()))));
    }

    /** The front matter's keys this reader takes. */
    private static final class Fields {
        String title;
        List<String> categories = new ArrayList<>();
        String author;
        String date;
    }

    /** The front matter as YAML, each value as its text (a date stays text, as Hexo wrote it). */
    private static Optional<Fields> yaml(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (YAMLException e) {
            return Optional.empty();
        }
        if (!(root instanceof MappingNode map)) {
            return Optional.empty();
        }
        Fields fields = new Fields();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            Node value = tuple.getValueNode();
            switch (key.getValue()) {
                case "title" -> fields.title = scalar(value);
                case "author" -> fields.author = scalar(value);
                case "date" -> fields.date = scalar(value);
                case "categories" -> {
                    if (value instanceof SequenceNode list) {
                        for (Node item : list.getValue()) {
                            String level = scalar(item);
                            if (level != null && !level.isBlank()) {
                                fields.categories.add(level);
                            }
                        }
                    } else if (scalar(value) != null && !scalar(value).isBlank()) {
                        fields.categories.add(scalar(value));
                    }
                }
                default -> {
                    // Other keys (headimg, thumbnail, comments, tags) say nothing about which item it is.
                }
            }
        }
        return Optional.of(fields);
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    /** The front matter read line by line, for what YAML refuses: {@code title: "a "b" 'c'"}. */
    private static Fields lines(String text) {
        Fields fields = new Fields();
        boolean inCategories = false;
        for (String line : text.split("\n", -1)) {
            if (inCategories && line.stripLeading().startsWith("- ")) {
                fields.categories.add(unquoted(line.stripLeading().substring(2).strip()));
                continue;
            }
            inCategories = false;
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String value = line.substring(colon + 1).strip();
            switch (line.substring(0, colon)) {
                case "title" -> fields.title = unquoted(value);
                case "author" -> fields.author = unquoted(value);
                case "date" -> fields.date = value;
                case "categories" -> inCategories = value.isEmpty();
                default -> {
                    // not needed to tell the post apart
                }
            }
        }
        return fields;
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    /** The HTML inside the reference format's {@code <div>   } ... {@code   </div>}, else the text as it is. */
    private static String body(String afterFrontMatter) {
        String text = afterFrontMatter.startsWith("\n") ? afterFrontMatter.substring(1) : afterFrontMatter;
        String open = "<div>   \n";
        String close = "  \n</div>\n";
        int end = text.lastIndexOf(close);
        if (text.startsWith(open) && end >= open.length() && text.substring(end + close.length()).isBlank()) {
            return text.substring(open.length(), end);
        }
        return text.strip();
    }
}
