package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import dev.gleaner.model.Feed;
import dev.gleaner.publish.PostNames;
import dev.gleaner.store.SeenEntry;
import dev.gleaner.store.StoredEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a parsed feed into the entries to record: limited, keyed and newest first, each matched with
 * the adopted post that is its own.
 *
 * @param entries the entries, newest first
 * @param warnings what a person should know about the feed's items
 */
record FeedEntries(List<SeenEntry> entries, List<String> warnings) {

    FeedEntries {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /**
     * The feed's entries as the store records them: the first {@code limit} of the document (as
     * RSSHub's own {@code limit} does), then sorted newest first; undated entries keep their place
     * ahead of dated ones, since feeds list their newest items first. Items that share a guid are
     * told apart ({@link DocumentKeys}); an exact repeat of an item is left out.
     *
     * @param keySeed what the subscription's entry keys are made from
     * @param hashes the content hash of each of the feed's entries, in their order
     * @param adopted the subscription's adopted posts not yet taken over: an item whose post title is one
     *     of theirs takes that post
     * @param titles the titles the store holds for those of the given keys it knows
     */
    static FeedEntries of(Subscription subscription, String keySeed, Feed feed, List<String> hashes,
            List<StoredEntry> adopted, Function<Collection<EntryKey>, Map<EntryKey, String>> titles) {
        List<Entry> entries = feed.entries();
        int limit = subscription.limit().orElse(Integer.MAX_VALUE);
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
        }
        List<String> warnings = new ArrayList<>();
        List<Optional<EntryKey>> keys = DocumentKeys.of(keySeed, entries, titles);
        List<SeenEntry> seen = new ArrayList<>(entries.size());
        int byContent = 0;
        int doubled = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (keys.get(i).isEmpty()) {
                doubled++;
                continue;
            }
            if (EntryKey.isByContent(entry)) {
                byContent++;
            }
            seen.add(new SeenEntry(keys.get(i).get(), entry, hashes.get(i)));
        }
        if (byContent > 0) {
            warnings.add(byContent + (byContent == 1 ? " item has" : " items have")
                    + " no guid, link, title or date: each is told apart by its body");
        }
        if (doubled > 0) {
            warnings.add(doubled + (doubled == 1 ? " item repeats" : " items repeat")
                    + " an item above it exactly (its guid or link, title and body), and is left out");
        }
        seen.sort(Comparator.comparing((SeenEntry one) -> one.entry().date().orElse(Instant.MAX)).reversed());
        return new FeedEntries(adopting(seen, adopted), warnings);
    }

    /**
     * Each entry with the adopted post of its title. Of several posts with one title (two items whose
     * names collided), an entry takes the one whose file name carries its own key's suffix, else the
     * one without a suffix, else the first.
     */
    private static List<SeenEntry> adopting(List<SeenEntry> seen, List<StoredEntry> adopted) {
        if (adopted.isEmpty()) {
            return seen;
        }
        Map<String, List<StoredEntry>> byTitle = new HashMap<>();
        for (StoredEntry post : adopted) {
            byTitle.computeIfAbsent(PostNames.title(post.entry().title()), title -> new ArrayList<>()).add(post);
        }
        List<SeenEntry> matched = new ArrayList<>(seen.size());
        for (SeenEntry one : seen) {
            List<StoredEntry> posts = byTitle.getOrDefault(PostNames.title(one.entry().title()), List.of());
            Optional<StoredEntry> post = posts.stream().filter(p -> hasSuffix(p, "-" + one.key().shortForm()))
                    .findFirst()
                    .or(() -> posts.stream().filter(p -> !hasKeySuffix(p)).findFirst())
                    .or(() -> posts.stream().findFirst());
            post.ifPresent(posts::remove);
            matched.add(new SeenEntry(one.key(), one.entry(), one.contentHash(), post.map(StoredEntry::key)));
        }
        return matched;
    }

    private static boolean hasSuffix(StoredEntry post, String suffix) {
        return post.postPath().map(path -> path.endsWith(suffix + ".md")).orElse(false);
    }

    /** Whether the post's file name ends in the short key writers add when two names collide. */
    private static boolean hasKeySuffix(StoredEntry post) {
        return post.postPath().map(path -> path.matches(".*-[0-9a-f]{8}\\.md")).orElse(false);
    }
}
