package dev.gleaner.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Subscriptions grouped back into the category tree their paths describe, every level in the order it
 * first appears: what the OPML and YAML writers walk.
 */
final class SubscriptionTree {
    private SubscriptionTree() {
    }

    /** A category or a feed of the tree. */
    sealed interface Node permits Category, Feed {
        /** The level's own name. */
        String name();
    }

    /**
     * A category and what lies directly under it.
     *
     * @param name the level's name
     * @param children its categories and feeds, in the order they first appear
     */
    record Category(String name, List<Node> children) implements Node {
        Category {
            children = List.copyOf(children);
        }
    }

    /**
     * A feed: the last level of a subscription's path.
     *
     * @param name the feed's name
     * @param subscription the subscription it stands for
     */
    record Feed(String name, Subscription subscription) implements Node {
    }

    /**
     * The top level of the tree of {@code subscriptions}.
     *
     * @throws IllegalArgumentException when two subscriptions have one path, when a feed's path is a
     *     category of another, or when a level has spaces around it (the configuration and OPML readers
     *     strip them, so it would not read back)
     */
    static List<Node> of(List<Subscription> subscriptions) {
        Branch root = new Branch();
        for (Subscription subscription : subscriptions) {
            List<String> levels = subscription.path().levels();
            for (String level : levels) {
                if (!level.equals(level.strip())) {
                    throw new IllegalArgumentException(subscription.id()
                            + ": the level '" + level + "' has spaces around it, which do not read back");
                }
            }
            Branch branch = root;
            for (int i = 0; i < levels.size() - 1; i++) {
                Object child = branch.children.computeIfAbsent(levels.get(i), name -> new Branch());
                if (!(child instanceof Branch next)) {
                    throw new IllegalArgumentException(subscription.id() + ": lies under the feed "
                            + new CategoryPath(levels.subList(0, i + 1)) + "; a feed has nothing under it");
                }
                branch = next;
            }
            Object before = branch.children.putIfAbsent(subscription.path().name(), subscription);
            if (before != null) {
                throw new IllegalArgumentException(subscription.id() + (before instanceof Branch
                        ? ": is a feed and a category at once" : ": two subscriptions have this path"));
            }
        }
        return root.nodes();
    }

    /** A category while the tree is built. */
    private static final class Branch {
        private final Map<String, Object> children = new LinkedHashMap<>();

        List<Node> nodes() {
            List<Node> nodes = new ArrayList<>();
            children.forEach((name, child) -> nodes.add(child instanceof Branch branch
                    ? new Category(name, branch.nodes())
                    : new Feed(name, (Subscription) child)));
            return nodes;
        }
    }
}
