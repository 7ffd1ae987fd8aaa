package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.content.ContentHash;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import dev.gleaner.model.Feed;
import dev.gleaner.store.SeenEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns a parsed feed into the entries to record: limited, keyed and newest first. */
final class FeedEntries {
    private FeedEntries() {
    }

    /**
     * The feed's entries as the store records them: the first {@code limit} of the document (as
     * RSSHub's own {@code limit} does), then sorted newest first; undated entries keep their place
     * ahead of dated ones, since feeds list their newest items first.
     */
    static List<SeenEntry> of(Subscription subscription, Feed feed) {
        List<Entry> entries = feed.entries();
        int limit = subscription.limit().orElse(Integer.MAX_VALUE);
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((Entry entry) -> entry.date().orElse(Instant.MAX)).reversed());
        List<SeenEntry> seen = new ArrayList<>(sorted.size());
        for (Entry entry : sorted) {
            seen.add(new SeenEntry(EntryKey.of(subscription.id(), entry), entry, ContentHash.of(entry)));
        }
        return seen;
    }
}
