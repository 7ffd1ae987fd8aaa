/** The {@code gleaner} command and its subcommands. */
@NullMarked
package dev.gleaner.cli;

import org.jspecify.annotations.NullMarked;
