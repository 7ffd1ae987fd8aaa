package dev.gleaner.pipeline;

import dev.gleaner.pipeline.FeedDiscovery.Candidate;
import dev.gleaner.pipeline.FeedDiscovery.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The feeds a discovery has found so far, in the order found, each once (also when two URLs lead to
 * the same feed), and the problems it met on the way.
 */
final class FoundFeeds {
    private final String given;
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    /** The URLs that answered for the candidates, after redirects. */
    private final Set<String> answered = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    FoundFeeds(String given) {
        this.given = given;
    }

    /** The URL being searched, as given. */
    String given() {
        return given;
    }

    /** Adds {@code candidate}, whose feed came from {@code answeredFrom}, unless it is one already found. */
    void add(Candidate candidate, String answeredFrom) {
        if (!candidates.containsKey(candidate.url()) && !answered.contains(candidate.url())
                && answered.add(answeredFrom)) {
            candidates.put(candidate.url(), candidate);
        }
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /** Throws, for {@code reason}, when nothing has been found. */
    void throwIfNone(String reason) throws DiscoveryException {
        if (candidates.isEmpty()) {
            throw new DiscoveryException(given, reason, problems);
        }
    }

    Result result() {
        return new Result(given, List.copyOf(candidates.values()), problems);
    }
}
