/** Turns the bytes of a feed (RSS, Atom or JSON Feed, in any charset) into a {@link dev.gleaner.model.Feed}. */
@NullMarked
package dev.gleaner.parse;

import org.jspecify.annotations.NullMarked;
