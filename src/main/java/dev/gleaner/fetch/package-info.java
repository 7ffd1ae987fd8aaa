/** Gets the bytes of a feed: HTTP with conditional GET, {@code file:} URLs and {@code rsshub://} routes. */
@NullMarked
package dev.gleaner.fetch;

import org.jspecify.annotations.NullMarked;
