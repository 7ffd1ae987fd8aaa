/** The composition root: every part of Gleaner wired from one configuration, for every command. */
@NullMarked
package dev.gleaner.app;

import org.jspecify.annotations.NullMarked;
