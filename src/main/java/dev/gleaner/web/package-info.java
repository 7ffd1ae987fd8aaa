/**
 * Serving over HTTP: the built files for {@code gleaner preview}; the site, health and metrics of
 * {@code gleaner serve}.
 */
@NullMarked
package dev.gleaner.web;

import org.jspecify.annotations.NullMarked;
