package dev.gleaner.store;

import dev.gleaner.model.EntryKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** What the HTML site is built from, and what its last build left. */
public interface SiteStore {

    /** Every entry the site shows (those published as posts), newest first, with only its place. */
    SiteOutline outline();

    /** The category paths of the subscriptions with an entry the site shows; a query per subscription, not per entry. */
    List<String> pathsShown();

    /** What the site shows of the entries {@code keys} besides their bodies; a key no longer shown is left out. */
    Map<EntryKey, SiteEntry> entries(Collection<EntryKey> keys);

    /** The excerpt and cover the last build took from each of {@code keys}; a key never rendered is left out. */
    Map<EntryKey, ItemMemo> memos(Collection<EntryKey> keys);

    /** The bodies of the entries {@code keys}; a key no longer stored is left out. */
    Map<EntryKey, SiteBody> bodies(Collection<EntryKey> keys);

    /**
     * What changed since the last recorded build.
     *
     * @param most beyond this many changed entries, say {@link SiteChanges#everything()} instead of listing them
     */
    SiteChanges changes(int most);

    /** How many changes the site's entries have seen, and what the last finished build was made from. */
    SiteState state();

    /** Gives each file the last builds made whose path starts with {@code prefix}, with its fingerprint or empty. */
    void files(String prefix, BiConsumer<String, String> file);

    /** Keeps what a build took from the bodies of the pages it rendered; safe before the pages' build is recorded. */
    void remember(Map<EntryKey, ItemMemo> memos);

    /**
     * Records a build, in one transaction: called after its files are written, so a build killed
     * before this only leaves pages that the next build renders again.
     *
     * @param made the files the build wrote or found in place
     * @param fingerprints the fingerprints of those made files that have one, by path
     * @param removed the files the build removed
     * @param built what the build was made from and left
     * @param changesSeen the last change the build read ({@link SiteChanges#upTo()}); those up to it are forgotten
     */
    void record(Iterable<String> made, Map<String, String> fingerprints, Collection<String> removed,
            SiteState.Built built, long changesSeen);
}
