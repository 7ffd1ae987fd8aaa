package dev.gleaner.pipeline;

import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Keys the items of one document so that items sharing a guid (or link) are told apart, and each
 * keeps its key on every fetch whatever the order the feed lists them in.
 *
 * <p>An item alone with its guid is keyed by it ({@link EntryKey#of}); items that share one are
 * keyed by it with their titles ({@link EntryKey#sharing}), and with their bodies where the titles
 * are shared too. What the store already holds decides across a change: the item that was alone
 * with its guid keeps that key when others join it, and an item keyed as one of several keeps that
 * key when the others leave. Only an exact repeat (same guid, title and body) is left out.
 */
final class DocumentKeys {
    private DocumentKeys() {
    }

    /**
     * The key of each of {@code entries}, in their order; empty for an exact repeat of an item before it.
     *
     * @param seed what the subscription's keys are made from
     * @param titles the titles the store holds for those of the given keys it knows
     */
    static List<Optional<EntryKey>> of(String seed, List<Entry> entries,
            Function<Collection<EntryKey>, Map<EntryKey, String>> titles) {
        Map<EntryKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            groups.computeIfAbsent(EntryKey.of(seed, entries.get(i)), key -> new ArrayList<>()).add(i);
        }
        Map<Integer, EntryKey> sharing = new HashMap<>();
        for (List<Integer> group : groups.values()) {
            Map<String, Integer> titleCounts = new HashMap<>();
            for (int i : group) {
                titleCounts.merge(entries.get(i).title().strip(), 1, Integer::sum);
            }
            for (int i : group) {
                Entry entry = entries.get(i);
                sharing.put(i, EntryKey.sharing(seed, entry, titleCounts.get(entry.title().strip()) > 1));
            }
        }
        Set<EntryKey> asked = new HashSet<>(groups.keySet());
        asked.addAll(sharing.values());
        Map<EntryKey, String> known = titles.apply(asked);

        List<Optional<EntryKey>> keys = new ArrayList<>(entries.size());
        entries.forEach(entry -> keys.add(Optional.empty()));
        groups.forEach((key, group) -> {
            if (group.size() == 1) {
                int i = group.get(0);
                EntryKey shared = sharing.get(i);
                keys.set(i, Optional.of(known.containsKey(shared) && !known.containsKey(key) ? shared : key));
                return;
            }
            Set<EntryKey> taken = new HashSet<>();
            Optional<Integer> keepsKey = Optional.ofNullable(known.get(key)).flatMap(title -> group.stream()
                    .filter(i -> entries.get(i).title().strip().equals(title.strip()))
                    .min(Comparator.comparing(i -> sharing.get(i).value())));
            for (int i : group) {
                EntryKey chosen = keepsKey.filter(keeper -> keeper == i).isPresent() ? key : sharing.get(i);
                if (taken.add(chosen)) {
                    keys.set(i, Optional.of(chosen));
                }
            }
        });
        return keys;
    }
}
