package dev.gleaner.store;

import java.util.List;

/**
 * What making the store agree with the configuration changed.
 *
 * @param states the configured subscriptions as the store now knows them, in the configuration's order
 * @param moved subscriptions found under a new path (the same URL): renamed, their posts to follow
 * @param retired subscriptions that left the configuration in this reconciliation
 * @param restored retired subscriptions the configuration declares again
 */
public record Reconciliation(List<SubscriptionState> states, List<Move> moved, List<String> retired,
        List<String> restored) {

    public Reconciliation {
        states = List.copyOf(states);
        moved = List.copyOf(moved);
        retired = List.copyOf(retired);
        restored = List.copyOf(restored);
    }

    /**
     * A subscription that moved in the tree.
     *
     * @param from its old path
     * @param to its new path
     * @param posts how many of its posts are to move with it
     */
    public record Move(String from, String to, int posts) {
    }
}
