package dev.gleaner.store;

/**
 * What recording one fetched feed changed.
 *
 * @param seen entries in the fetch
 * @param added entries never seen before
 * @param pending of those, the ones queued to be published
 * @param skipped of those, the ones left out by the backlog of a new subscription
 */
public record RecordedFetch(int seen, int added, int pending, int skipped) {
}
