package dev.gleaner.pipeline;

import java.util.List;

/**
 * No feed could be found at a URL: it could not be fetched, or it is no feed and leads to none. The
 * message names the URL and says why: {@code no feed found at https://example.com/: the page links
 * none, and none of /feed, /rss, … is a feed}.
 */
public final class DiscoveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String reason;
    private final List<String> problems;

    DiscoveryException(String url, String reason, List<String> problems) {
        super("no feed found at " + url + ": " + reason);
        this.url = url;
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    /** The URL as it was given. */
    public String url() {
        return url;
    }

    /** Why nothing was found, in a sentence, without the URL. */
    public String reason() {
        return reason;
    }

    /**
     * What went wrong on the way, each naming its URL: a linked feed that could not be had, an RSSHub
     * instance that could not be asked, a rule of RSSHub Radar that needs what the URL lacks.
     */
    public List<String> problems() {
        return problems;
    }
}
