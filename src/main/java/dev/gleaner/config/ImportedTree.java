package dev.gleaner.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Files the feeds of an imported list into a category tree in the order they come. A feed whose name is
 * taken beside it gets a distinct one (its host added, then a number), as does a category named like a
 * feed beside it, and a level the configuration could not hold (a feed or category named {@code url} in a
 * category, or a category of nothing but names of feed options); each change is noted as a warning.
 */
final class ImportedTree {
    private final String source;
    private final List<String> warnings;
    private final Branch root = new Branch(0);

    /**
     * A feed as the list gives it.
     *
     * @param levels the categories above it, outermost first
     * @param name its own name
     * @param host the host of its URL, or empty: what tells it from a feed of the same name
     * @param url its address
     * @param options its Gleaner options, as far as the list has them
     * @param line where the list names it
     * @param htmlUrl its web page, when the list names one
     */
    record Feed(List<String> levels, String name, String host, String url, Options options, int line,
            Optional<String> htmlUrl) {
        Feed {
            levels = List.copyOf(levels);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(htmlUrl, "htmlUrl");
        }
    }

    /**
     * The options of a {@link Subscription} that a list may set; what it leaves out takes its default.
     *
     * @param author the author, when not the site level
     * @param limit the limit, when there is one
     * @param interval the interval, when not the default
     * @param comments the comments flag
     * @param image the cover image template, when there is one
     * @param update whether changed items are written again
     */
    record Options(Optional<String> author, OptionalInt limit, Optional<Duration> interval, boolean comments,
            Optional<String> image, boolean update) {
        static final Options DEFAULTS = new Options(Optional.empty(), OptionalInt.empty(), Optional.empty(), false,
                Optional.empty(), false);

        Options {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(image, "image");
        }
    }

    /** A tree whose changes are noted in {@code warnings}, each line starting with {@code source}. */
    ImportedTree(String source, List<String> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    /** Files {@code feed} under its levels, renaming it or a level where the name is taken. */
    void add(Feed feed) {
        Branch branch = root;
        List<String> path = new ArrayList<>();
        for (String level : feed.levels()) {
            String name = branch.asked.get(level);
            if (name == null) {
                name = level;
                if (!(branch.children.get(level) instanceof Branch)) {
                    if (branch.children.containsKey(level)) {
                        name = free(branch, level, "");
                        warn(feed.line(), "the category " + quoted(level) + within(path)
                                + " is named like a feed beside it, so it is " + quoted(name));
                    }
                    branch.children.put(name, new Branch(feed.line()));
                }
                branch.asked.put(level, name);
            }
            path.add(name);
            branch = (Branch) branch.children.get(name);
        }
        String name = feed.name();
        Object taken = branch.children.get(name);
        if (taken != null) {
            name = free(branch, name, feed.host());
            warn(feed.line(), (taken instanceof Branch ? "the feed " + quoted(feed.name()) + within(path)
                    + " is named like a category beside it" : "a second feed is named " + quoted(feed.name())
                    + within(path)) + ", so " + feed.url() + " is " + quoted(name));
        }
        branch.children.put(name, new Leaf(feed));
    }

    /** The feeds filed so far as subscriptions, in the tree's order, after the levels are fit for the configuration. */
    List<Subscription> subscriptions() {
        fitForConfiguration(root, new ArrayList<>());
        List<Subscription> out = new ArrayList<>();
        walk(root, List.of(), (path, feed) -> {
            Options options = feed.options();
            out.add(new Subscription(path, feed.url(), options.author().orElse(path.site()), options.limit(),
                    options.interval().orElse(Subscription.DEFAULT_INTERVAL), options.comments(), options.image(),
                    options.update()));
        });
        return out;
    }

    /** The web page of each feed that has one, by the feed's final path. */
    Map<CategoryPath, String> htmlUrls() {
        Map<CategoryPath, String> pages = new HashMap<>();
        walk(root, List.of(), (path, feed) -> feed.htmlUrl().ifPresent(page -> pages.put(path, page)));
        return pages;
    }

    /** The loader reads a category holding {@code url}, or nothing but feed options' names, as a feed. */
    private void fitForConfiguration(Branch branch, List<String> path) {
        if (branch != root) {
            if (branch.children.containsKey("url")) {
                rename(branch, "url", path, "the configuration reads 'url' in a category as a feed's address");
            }
            if (branch.children.keySet().stream().allMatch(ConfigLoader.LEAF_KEYS::contains)) {
                String first = branch.children.keySet().iterator().next();
                rename(branch, first, path,
                        "the configuration reads a category of nothing but feed options' names as a feed");
            }
        }
        for (Map.Entry<String, Object> child : new ArrayList<>(branch.children.entrySet())) {
            if (child.getValue() instanceof Branch inner) {
                path.add(child.getKey());
                fitForConfiguration(inner, path);
                path.remove(path.size() - 1);
            }
        }
    }

    private void rename(Branch branch, String name, List<String> path, String why) {
        Object child = branch.children.get(name);
        String host = child instanceof Leaf leaf ? leaf.feed().host() : "";
        String renamed = free(branch, name, host);
        Map<String, Object> children = new LinkedHashMap<>();
        branch.children.forEach((key, value) -> children.put(key.equals(name) ? renamed : key, value));
        branch.children.clear();
        branch.children.putAll(children);
        int line = child instanceof Leaf leaf ? leaf.feed().line() : ((Branch) child).line;
        warn(line, (child instanceof Leaf ? "the feed " : "the category ") + quoted(name) + within(path) + " is "
                + quoted(renamed) + ": " + why);
    }

    /** The first of {@code name (host)}, {@code name (host) 2}, ... (or {@code name 2}, ...) not yet beside it. */
    private static String free(Branch branch, String name, String host) {
        String base = host.isEmpty() ? name : name + " (" + host + ")";
        String candidate = host.isEmpty() ? name + " 2" : base;
        for (int n = host.isEmpty() ? 3 : 2; branch.children.containsKey(candidate); n++) {
            candidate = base + " " + n;
        }
        return candidate;
    }

    private static void walk(Branch branch, List<String> above, FeedVisitor visitor) {
        branch.children.forEach((name, child) -> {
            List<String> levels = new ArrayList<>(above);
            levels.add(name);
            if (child instanceof Branch inner) {
                walk(inner, levels, visitor);
            } else {
                visitor.visit(new CategoryPath(levels), ((Leaf) child).feed());
            }
        });
    }

    private void warn(int line, String message) {
        warnings.add(source + ":" + line + ": " + message);
    }

    private static String within(List<String> path) {
        return path.isEmpty() ? " at the top" : " in " + new CategoryPath(path);
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    @FunctionalInterface
    private interface FeedVisitor {
        void visit(CategoryPath path, Feed feed);
    }

    /** A category while the tree is built: its children by name, Branch or Leaf, in the order they came. */
    private static final class Branch {
        private final Map<String, Object> children = new LinkedHashMap<>();
        // the name of the category each level name of the list went to: another when it was taken by a feed
        private final Map<String, String> asked = new HashMap<>();
        private final int line;

        Branch(int line) {
            this.line = line;
        }
    }

    /** A feed filed in the tree. */
    private record Leaf(Feed feed) {
    }
}
