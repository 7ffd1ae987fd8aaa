package dev.gleaner.web;

/** A request parameter a reader API cannot take; its message names the parameter and what was wrong. */
final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
        super(message, null, false, false);
    }
}
