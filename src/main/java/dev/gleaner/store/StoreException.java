package dev.gleaner.store;

/** The store could not be opened, read or written; the message says which operation and why. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String operation, Throwable cause) {
        super(operation + ": " + cause.getMessage(), cause);
    }
}
