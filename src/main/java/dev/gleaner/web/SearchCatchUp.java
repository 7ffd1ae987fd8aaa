package dev.gleaner.web;

import dev.gleaner.store.ReaderStore;
import dev.gleaner.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the search index up to what is published, before a search and once in the background when the
 * server starts; one caller at a time, as each batch continues where the index ends.
 */
final class SearchCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(SearchCatchUp.class);
    private static final int BATCH = 500;
    private static final int MOST_ATTEMPTS = 100;
    private static final long PAUSE_MILLIS = 2_000;

    private final ReaderStore reader;

    SearchCatchUp(ReaderStore reader) {
        this.reader = reader;
    }

    /**
     * Indexes every published entry not yet indexed; returns how many it indexed. A batch the store
     * cannot take now (a pass writing at the same moment) ends this catch-up early: a search goes on
     * with what is indexed, and the next one continues.
     */
    synchronized int run() {
        int indexed = 0;
        try {
            for (int batch; (batch = reader.indexForSearch(BATCH)) > 0; ) {
                indexed += batch;
            }
        } catch (StoreException e) {
            LOG.warn("event=search_index_deferred indexed={} error=\"{}\"", indexed, e.getMessage());
            throw new Deferred(indexed, e);
        }
        return indexed;
    }

    /** A catch-up the store cut short, with how far it got. */
    static final class Deferred extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int indexed;

        Deferred(int indexed, StoreException cause) {
            super(cause.getMessage(), cause);
            this.indexed = indexed;
        }
    }

    /** Catches up, as a search does before it looks: what cannot be indexed now waits for the next search. */
    void beforeSearch() {
        try {
            run();
        } catch (Deferred e) {
            // Searched as it is; the rest is indexed by the next search or the background catch-up.
        }
    }

    /** Waits before another attempt; false when the server is stopping. */
    private static boolean pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs in a thread of its own, so that a large archive is indexed while the server already answers. */
    void startInBackground() {
        Thread thread = new Thread(() -> {
            int indexed = 0;
            // A pass that writes while the archive is indexed makes a batch fail now and then: try again.
            for (int attempt = 0; attempt < MOST_ATTEMPTS; attempt++) {
                try {
                    indexed += run();
                    break;
                } catch (Deferred e) {
                    indexed += e.indexed;
                    if (!pause()) {
                        return;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("event=search_index_failed error=\"{}\"", e.getMessage());
                    return;
                }
            }
            if (indexed > 0) {
                LOG.info("event=search_indexed entries={}", indexed);
            }
        }, "gleaner-search-index");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
