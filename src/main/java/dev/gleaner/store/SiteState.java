package dev.gleaner.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How far the site is behind the store, told from one row: how many changes its entries have seen,
 * and what the last finished build was made from and left.
 *
 * @param changes changes to the site's entries so far, a count that only grows
 * @param built the last finished build; empty before the first
 */
public record SiteState(long changes, Optional<Built> built) {
    public SiteState {
        Objects.requireNonNull(built, "built");
    }

    /**
     * What a finished build was made from and left.
     *
     * @param key its inputs, with the count of changes it saw at its start
     * @param items the items it showed
     * @param files the files it left
     * @param folders the output folders it checks its files by, relative to the site folder
     * @param witness a digest of those folders' modification times as the build left them
     */
    public record Built(String key, int items, int files, List<String> folders, String witness) {
        public Built {
            Objects.requireNonNull(key, "key");
            folders = List.copyOf(folders);
            Objects.requireNonNull(witness, "witness");
        }
    }
}
