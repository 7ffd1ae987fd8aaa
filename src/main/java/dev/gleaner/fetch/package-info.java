/**
 * Gets the bytes of a feed, politely and safely: HTTP with conditional GET and schedule hints,
 * {@code file:} URLs and {@code rsshub://} routes over several instances ({@link
 * dev.gleaner.fetch.Fetcher}); per-host and global limits on concurrent requests ({@link
 * dev.gleaner.fetch.HostGate}); no request into the local network unless it is allowed.
 */
@NullMarked
package dev.gleaner.fetch;

import org.jspecify.annotations.NullMarked;
