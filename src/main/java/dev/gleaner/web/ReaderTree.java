package dev.gleaner.web;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.store.SubscriptionState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The category tree as the reader shows it: every level of every followed path, in the tree's order,
 * each with the unread entries below it and the subscriptions it holds.
 */
final class ReaderTree {
    /**
     * One level of the tree.
     *
     * @param path its path as text ({@code 社交媒体/知乎}); a feed's row is its subscription's path
     * @param depth 0 for a top category
     * @param feeds the numbers of the subscriptions at or below it
     */
    record Node(String path, String name, int depth, long unread, List<Long> feeds) {
        Node {
            feeds = List.copyOf(feeds);
        }
    }

    private final Map<String, Node> nodes;

    private ReaderTree(Map<String, Node> nodes) {
        this.nodes = nodes;
    }

    /**
     * @param unread per subscription number, how many of its entries are unread
     */
    static ReaderTree of(Collection<SubscriptionState> followed, Map<Long, Long> unread) {
        record Level(String name, int depth, List<Long> feeds, long[] unread) {
        }
        Map<String, Level> levels = new LinkedHashMap<>();
        followed.stream().sorted(Comparator.comparing(SubscriptionState::path)).forEach(state -> {
            for (CategoryPath prefix : state.subscription().path().prefixes()) {
                Level level = levels.computeIfAbsent(prefix.toString(), path -> new Level(prefix.name(),
                        prefix.levels().size() - 1, new ArrayList<>(), new long[1]));
                level.feeds().add(state.id());
                level.unread()[0] += unread.getOrDefault(state.id(), 0L);
            }
        });
        Map<String, Node> nodes = new LinkedHashMap<>();
        levels.forEach((path, level) -> nodes.put(path, new Node(path, level.name(), level.depth(), level.unread()[0],
                level.feeds())));
        return new ReaderTree(nodes);
    }

    /** Every level, each category before what it holds. */
    List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    /** The level at {@code path}, if one is followed there. */
    Optional<Node> at(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    /** Unread entries in the whole tree. */
    long unread() {
        return nodes.values().stream().filter(node -> node.depth() == 0).mapToLong(Node::unread).sum();
    }
}
