package dev.gleaner.publish.site;

import java.time.Duration;

/**
 * What a build of the site did.
 *
 * @param items items the site shows
 * @param itemsRendered item pages rendered because they were new or changed (all of them in a full build)
 * @param files files the site is made of
 * @param written files written because their bytes changed
 * @param unchanged files left as they were
 * @param removed files of an earlier build removed because the site no longer has them
 * @param took how long the build took
 */
public record BuildReport(int items, int itemsRendered, int files, int written, int unchanged, int removed,
        Duration took) {
}
