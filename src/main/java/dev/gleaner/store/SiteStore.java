package dev.gleaner.store;

import dev.gleaner.model.EntryKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the HTML site is built from, and what its last build left. */
public interface SiteStore {

    /** Every entry the site shows: those published as posts. */
    List<SiteEntry> entries();

    /** The bodies of the entries {@code keys}; a key no longer stored is left out. */
    Map<EntryKey, SiteBody> bodies(Collection<EntryKey> keys);

    /** What the last build left. */
    SiteMemo memo();

    /** How many changes the site's entries have seen, and what the last finished build was made from. */
    SiteState state();

    /**
     * Records a build, in one transaction: called after its files are written, so a build killed
     * before this only leaves pages that the next build renders again.
     *
     * @param items entries whose pages were rendered, by key
     * @param pages output files rendered, with their fingerprints
     * @param removedPages output files the build removed
     * @param built what the build was made from and left
     */
    void record(Map<String, SiteMemo.ItemMemo> items, Map<String, String> pages, Set<String> removedPages,
            SiteState.Built built);
}
