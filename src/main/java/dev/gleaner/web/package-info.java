/** Serving the site over HTTP: the built files for {@code gleaner preview}. */
@NullMarked
package dev.gleaner.web;

import org.jspecify.annotations.NullMarked;
