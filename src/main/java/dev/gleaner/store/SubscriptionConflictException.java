package dev.gleaner.store;

/**
 * A change to the tree that would make it disagree with itself or with its owner: a path or URL already
 * followed, a path not followed, or a subscription the configuration file owns. Nothing was changed.
 */
public final class SubscriptionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SubscriptionConflictException(String message) {
        super(message);
    }
}
