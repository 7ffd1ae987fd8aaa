package dev.gleaner.store;

/** Where a subscription was declared, which says who may change it. */
public enum Origin {
    /** Declared in the configuration file, which owns it: it changes there and nowhere else. */
    CONFIG,
    /** Added from a command (or the web page), and kept in the store alone. */
    ADDED;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Origin ofColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
