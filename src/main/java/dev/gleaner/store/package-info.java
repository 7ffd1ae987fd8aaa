/** Remembers what was subscribed, fetched, seen and published: JDBC over SQLite, with migrations. */
@NullMarked
package dev.gleaner.store;

import org.jspecify.annotations.NullMarked;
