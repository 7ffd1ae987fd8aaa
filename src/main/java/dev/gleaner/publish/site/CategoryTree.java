package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import dev.gleaner.publish.PostNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The category tree as the site shows it: every level of every subscription path, in the order the
 * configuration lists them, each with a folder of its own under {@code c/}.
 */
final class CategoryTree {
    // Names a category folder cannot take, as the list's own files and folders use them.
    private static final Set<String> RESERVED = Set.of("page", "index.html", "atom.xml", "feed.json");

    private final Map<CategoryPath, Node> nodes = new LinkedHashMap<>();
    private final List<Node> roots = new ArrayList<>();

    /**
     * One category.
     *
     * @param path its levels
     * @param folder its folder, like {@code c/社交媒体/知乎/}
     * @param children its sub-categories, in order
     */
    record Node(CategoryPath path, String folder, List<Node> children) {
        String name() {
            return path.name();
        }

        int depth() {
            return path.levels().size();
        }
    }

    CategoryTree(Collection<CategoryPath> paths) {
        for (CategoryPath path : paths) {
            add(path);
        }
    }

    /**
     * The tree of the configuration's paths, in its order, then of the other paths the site shows
     * entries of (their subscription left the configuration), sorted.
     */
    static CategoryTree of(List<Subscription> subscriptions, Collection<String> shownPaths) {
        Set<CategoryPath> paths = new LinkedHashSet<>();
        for (Subscription subscription : subscriptions) {
            paths.add(subscription.path());
        }
        Set<String> others = new TreeSet<>(shownPaths);
        for (String path : others) {
            paths.add(CategoryPath.parse(path));
        }
        return new CategoryTree(paths);
    }

    private Node add(CategoryPath path) {
        Node known = nodes.get(path);
        if (known != null) {
            return known;
        }
        List<String> levels = path.levels();
        List<Node> siblings;
        String parentFolder;
        if (levels.size() == 1) {
            siblings = roots;
            parentFolder = "c/";
        } else {
            Node parent = add(new CategoryPath(levels.subList(0, levels.size() - 1)));
            siblings = parent.children();
            parentFolder = parent.folder();
        }
        Set<String> taken = new HashSet<>();
        for (Node sibling : siblings) {
            taken.add(sibling.folder());
        }
        Node node = new Node(path, parentFolder + segment(path.name(), parentFolder, taken) + "/", new ArrayList<>());
        siblings.add(node);
        nodes.put(path, node);
        return node;
    }

    /** A folder name for a category: its name made safe, and unlike its siblings' on any file system. */
    private static String segment(String name, String parentFolder, Set<String> takenFolders) {
        String base = PostNames.directory(name);
        if (RESERVED.contains(base.toLowerCase(java.util.Locale.ROOT))) {
            base = base + "_";
        }
        String candidate = base;
        for (int n = 2; takenFolders.contains(parentFolder + candidate + "/")
                || lowerTaken(takenFolders, parentFolder + candidate + "/"); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    // Case-insensitive file systems would merge 'GitHub' and 'github'.
    private static boolean lowerTaken(Set<String> taken, String folder) {
        for (String other : taken) {
            if (other.equalsIgnoreCase(folder)) {
                return true;
            }
        }
        return false;
    }

    /** The category of {@code path}. */
    Node node(CategoryPath path) {
        Node node = nodes.get(path);
        if (node == null) {
            throw new IllegalArgumentException("not in the tree: " + path);
        }
        return node;
    }

    /** Every category, parents before their children. */
    Collection<Node> all() {
        return nodes.values();
    }

    /** The top categories. */
    List<Node> roots() {
        return roots;
    }
}
