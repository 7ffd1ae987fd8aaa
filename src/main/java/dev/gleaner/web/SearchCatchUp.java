package dev.gleaner.web;

import dev.gleaner.store.ReaderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the search index up to what is published, before a search and once in the background when the
 * server starts; one caller at a time, as each batch continues where the index ends.
 */
final class SearchCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(SearchCatchUp.class);
    private static final int BATCH = 500;

    private final ReaderStore reader;

    SearchCatchUp(ReaderStore reader) {
        this.reader = reader;
    }

    /** Indexes every published entry not yet indexed; returns how many it indexed. */
    synchronized int run() {
        int indexed = 0;
        for (int batch; (batch = reader.indexForSearch(BATCH)) > 0; ) {
            indexed += batch;
        }
        return indexed;
    }

    /** Runs in a thread of its own, so that a large archive is indexed while the server already answers. */
    void startInBackground() {
        Thread thread = new Thread(() -> {
            try {
                int indexed = run();
                if (indexed > 0) {
                    LOG.info("event=search_indexed entries={}", indexed);
                }
            } catch (RuntimeException e) {
                LOG.warn("event=search_index_failed error=\"{}\"", e.getMessage());
            }
        }, "gleaner-search-index");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
