package dev.gleaner.store;

/**
 * What recording one fetched feed changed.
 *
 * @param seen entries in the fetch
 * @param added entries never seen before
 * @param pending of those, the ones queued to be published
 * @param skipped of those, the ones held back by the backlog of a new subscription
 * @param adopted of those, the ones that took over a post already on disk
 * @param updated known entries whose changed title or body is queued to be published again
 */
public record RecordedFetch(int seen, int added, int pending, int skipped, int adopted, int updated) {
}
