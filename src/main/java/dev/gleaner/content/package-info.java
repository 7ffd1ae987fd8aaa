/** Makes feed HTML fit to publish: sanitizing, absolute URLs, cover images and content hashes. */
@NullMarked
package dev.gleaner.content;

import org.jspecify.annotations.NullMarked;
