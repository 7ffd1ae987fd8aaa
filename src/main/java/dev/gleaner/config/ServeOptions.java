package dev.gleaner.config;

/**
 * How {@code gleaner serve} shows what it serves, from the {@code serve:} section.
 *
 * @param publicSite whether the built site at {@code /} is shown to anyone who reaches the server (the
 *     default: it is the blog), or only after signing in to the reader
 */
public record ServeOptions(boolean publicSite) {
    /** The site public, as a blog is. */
    public static final ServeOptions DEFAULTS = new ServeOptions(true);
}
