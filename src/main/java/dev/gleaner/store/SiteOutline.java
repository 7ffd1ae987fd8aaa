package dev.gleaner.store;

import java.util.Map;
import java.util.Objects;

/**
 * Every entry the site shows, newest first, with no more than its place: its key, its subscription
 * and the instant it sorts by. A million entries take a few tens of megabytes.
 */
public final class SiteOutline {
    private final String[] keys;
    private final long[] subscriptions;
    private final long[] orders;
    private final Map<Long, String> paths;

    /**
     * @param keys the entries' keys, newest first; the key breaks ties of order
     * @param subscriptions each entry's subscription id
     * @param orders each entry's place, in milliseconds since the epoch: its date, never later than when it was first seen
     * @param paths the category path of every subscription an entry belongs to, by id
     */
    SiteOutline(String[] keys, long[] subscriptions, long[] orders, Map<Long, String> paths) {
        if (keys.length != subscriptions.length || keys.length != orders.length) {
            throw new IllegalArgumentException("arrays of unequal length");
        }
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.orders = orders;
        this.paths = Map.copyOf(Objects.requireNonNull(paths, "paths"));
    }

    /** The number of entries. */
    public int size() {
        return keys.length;
    }

    /** The key of entry {@code index}, counted from the newest. */
    public String key(int index) {
        return keys[index];
    }

    /** The subscription of entry {@code index}. */
    public long subscription(int index) {
        return subscriptions[index];
    }

    /** The place of entry {@code index}, in milliseconds since the epoch. */
    public long order(int index) {
        return orders[index];
    }

    /** The category path of subscription {@code id}, as {@code CategoryPath.toString()} gives it. */
    public String path(long id) {
        String path = paths.get(id);
        if (path == null) {
            throw new IllegalArgumentException("no subscription " + id + " in the outline");
        }
        return path;
    }

    /** The category path of every subscription an entry belongs to, by id. */
    public Map<Long, String> paths() {
        return paths;
    }
}
