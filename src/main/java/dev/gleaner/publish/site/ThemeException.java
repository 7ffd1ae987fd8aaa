package dev.gleaner.publish.site;

/** A theme folder that cannot be used, with what is wrong with it. */
public final class ThemeException extends Exception {
    private static final long serialVersionUID = 1L;

    ThemeException(String message) {
        super(message);
    }

    ThemeException(String message, Throwable cause) {
        super(message, cause);
    }
}
