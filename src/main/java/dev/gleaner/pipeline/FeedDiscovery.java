package dev.gleaner.pipeline;

import dev.gleaner.fetch.FetchException;
import dev.gleaner.fetch.FetchOutcome;
import dev.gleaner.fetch.FetchRequest;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.fetch.RadarMatch;
import dev.gleaner.fetch.RadarRules;
import dev.gleaner.fetch.RsshubInstance;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedUrl;
import dev.gleaner.parse.FeedDocument;
import dev.gleaner.parse.FeedParseException;
import dev.gleaner.parse.FeedParser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the feeds of a URL someone typed: the URL itself when it is a feed or an {@code rsshub://}
 * route; for a web page, the RSSHub routes that RSSHub Radar's rules offer for it, then the feeds
 * the page links ({@code <link rel="alternate">}), then, when it links none that works, the first
 * of the {@link #USUAL_PATHS} of its site that is a feed.
 *
 * <pre>{@code
 * FeedDiscovery discovery = new FeedDiscovery(fetcher, FeedParser.standard(), settings.rsshub());
 * FeedDiscovery.Result found = discovery.discover("https://www.zhihu.com/question/19550225");
 * found.candidates().get(0).url();   // rsshub://zhihu/posts/question/19550225, then …/question/…
 * }</pre>
 *
 * <p>RSSHub routes come first: they follow the very page (a question, a person) where a site's own
 * feed is most often the whole site's, and they are found from the page's URL alone, so even a page
 * that cannot be fetched has them. Each linked feed and usual path is fetched and parsed before it
 * is offered, one after another; a route is offered unfetched, as RSSHub Radar offers it. Everything
 * is fetched through the {@link Fetcher}, so its address guard, size limit and timeouts hold: a link
 * into the local network is refused, and said so among the {@link Result#problems()}.
 *
 * <p>Thread-safe as its fetcher is.
 */
public final class FeedDiscovery {
    /**
     * The paths of a site tried when its page links no feed that works, in order: WordPress and
     * Tumblr ({@code /feed}, {@code /rss}), static site generators (Jekyll's {@code /feed.xml},
     * Hexo's {@code /atom.xml}, Hugo's {@code /index.xml}), JSON Feed, and Blogger.
     */
    public static final List<String> USUAL_PATHS = List.of("/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml",
            "/index.xml", "/feed.json", "/feeds/posts/default");
    /** At most this many linked feeds are fetched, so that a page with hundreds costs a bounded time. */
    static final int MAX_LINKS = 10;

    private final Fetcher fetcher;
    private final FeedParser parser;
    private final List<RsshubInstance> instances;

    /**
     * Finds feeds with {@code fetcher}, checks them with {@code parser}, and asks {@code instances}
     * for RSSHub Radar's rules, in order, until one answers; with no instance, no route is offered.
     */
    public FeedDiscovery(Fetcher fetcher, FeedParser parser, List<RsshubInstance> instances) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.instances = List.copyOf(instances);
    }

    /** How a candidate was found. */
    public enum HowFound {
        /** The URL as given: a feed, or an {@code rsshub://} route (not fetched). */
        GIVEN,
        /** A route that RSSHub Radar's rules offer for the page (not fetched). */
        RSSHUB_RADAR,
        /**
         * A route of the page's site with the page's own path, from the instance's route table
         * ({@code www.zhihu.com/hot} is {@code zhihu/hot}), where no Radar rule offers one (not fetched).
         */
        RSSHUB_ROUTES,
        /** A feed the page links with {@code <link rel="alternate">}. */
        PAGE_LINK,
        /** One of the {@link #USUAL_PATHS} of the page's site. */
        USUAL_PATH
    }

    /**
     * A feed to subscribe to.
     *
     * @param url its URL: {@code http(s):} as the page links it, or {@code rsshub://ROUTE}
     * @param title the feed's own title, else the link's, else the RSSHub Radar rule's; empty when
     *     none is known (an {@code rsshub://} route as given)
     * @param site for a route of RSSHub Radar, the name of the site its rule belongs to; else empty
     * @param how how it was found
     */
    public record Candidate(String url, String title, String site, HowFound how) {
        public Candidate {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(how, "how");
        }
    }

    /**
     * What was found at a URL.
     *
     * @param url the URL as given
     * @param candidates the feeds found, never none: RSSHub routes first, then the page's links in
     *     document order, then a usual path; each URL once
     * @param problems what went wrong on the way, each naming its URL: a linked feed that could not
     *     be had or is no feed, an RSSHub instance that could not be asked, the page itself when only
     *     RSSHub routes were found, a rule of RSSHub Radar that needs a parameter the URL lacks
     */
    public record Result(String url, List<Candidate> candidates, List<String> problems) {
        public Result {
            Objects.requireNonNull(url, "url");
            candidates = List.copyOf(candidates);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Finds the feeds of {@code url}.
     *
     * @throws DiscoveryException when none is found: the URL could not be fetched, or it is no feed
     *     and leads to none; the message names the URL and says why
     */
    public Result discover(String url) throws DiscoveryException {
        String given = Objects.requireNonNull(url, "url").strip();
        if (FeedUrl.tryParse(given).orElse(null) instanceof FeedUrl.Route route) {
            if (route.route().isBlank()) {
                throw new DiscoveryException(given, "no route after rsshub://", List.of());
            }
            return new Result(given, List.of(new Candidate(given, "", "", HowFound.GIVEN)), List.of());
        }
        FetchOutcome.Fetched page;
        try {
            page = fetch(given);
        } catch (FetchException e) {
            return withoutPage(given, e);
        }
        try {
            Feed feed = parse(page);
            return new Result(given, List.of(new Candidate(given, feed.title(), "", HowFound.GIVEN)), List.of());
        } catch (FeedParseException notAFeed) {
            return fromPage(given, page, notAFeed);
        }
    }

    /** What RSSHub Radar offers for a URL that could not be fetched. */
    private Result withoutPage(String given, FetchException failure) throws DiscoveryException {
        if (!isWeb(given) || instances.isEmpty()) {
            throw new DiscoveryException(given, "it could not be fetched: " + failure.reason(), List.of());
        }
        FoundFeeds found = new FoundFeeds(given);
        askRadar(given, found);
        found.throwIfNone("it could not be fetched (" + failure.reason() + "), and RSSHub Radar offers no route"
                + " for it");
        found.problem(failure.getMessage());
        return found.result();
    }

    /** The feeds of {@code page}, which {@code given} answered with and which is no feed. */
    private Result fromPage(String given, FetchOutcome.Fetched page, FeedParseException notAFeed)
            throws DiscoveryException {
        if (!isWeb(given)) {
            throw new DiscoveryException(given, "it is not a feed: " + notAFeed.reason(), List.of());
        }
        FoundFeeds found = new FoundFeeds(given);
        askRadar(page.source(), found);
        if (!FeedLinks.isWebPage(page.body())) {
            found.throwIfNone("it is neither a feed nor a web page (" + notAFeed.reason() + ")");
            found.problem(given + ": " + notAFeed.reason());
            return found.result();
        }
        List<FeedLinks.Link> links = FeedLinks.of(page.body(), page.charset(), page.source());
        if (followLinks(links, page.source(), found) == 0) {
            tryUsualPaths(page.source(), found);
        }
        found.throwIfNone(nothingIn(links));
        return found.result();
    }

    /** Adds the routes RSSHub Radar offers for {@code pageUrl}, from the first instance that answers. */
    private void askRadar(String pageUrl, FoundFeeds found) {
        for (RsshubInstance instance : instances) {
            RadarRules rules;
            try {
                rules = fetcher.rsshubRadar(instance, pageUrl);
            } catch (FetchException e) {
                found.problem("RSSHub Radar: " + e.getMessage());
                continue;
            }
            List<RadarMatch> matches = rules.match(pageUrl);
            if (matches.stream().noneMatch(match -> match.url().isPresent())) {
                addPageRoutes(instance, pageUrl, found);
            }
            for (RadarMatch match : matches) {
                if (match.url().isPresent()) {
                    found.add(new Candidate(match.url().get(), match.title(), match.site(), HowFound.RSSHUB_RADAR),
                            match.url().get());
                } else {
                    found.problem("RSSHub Radar: the rule \"" + match.title() + "\"" + (match.site().isEmpty() ? ""
                            : " of " + match.site()) + " fits " + pageUrl + ", but its route needs a parameter the URL"
                            + " lacks" + (match.docs().isEmpty() ? "" : " (" + match.docs() + ")"));
                }
            }
            return;
        }
    }

    /** Adds the routes of the page's site that have its very path, which no Radar rule offers. */
    private void addPageRoutes(RsshubInstance instance, String pageUrl, FoundFeeds found) {
        try {
            for (RadarMatch route : fetcher.rsshubPageRoutes(instance, pageUrl)) {
                String routeUrl = route.url().orElseThrow();
                found.add(new Candidate(routeUrl, route.title(), route.site(), HowFound.RSSHUB_ROUTES), routeUrl);
            }
        } catch (FetchException e) {
            found.problem("RSSHub routes: " + e.getMessage());
        }
    }

    /** Adds the links of the page at {@code pageUrl} that are feeds; how many are. */
    private int followLinks(List<FeedLinks.Link> links, String pageUrl, FoundFeeds found) {
        int tried = 0;
        int feeds = 0;
        for (FeedLinks.Link link : links) {
            if (link.url().isEmpty() || !isWeb(link.url().get())) {
                found.problem(found.given() + ": its link " + link.href() + " is no http(s) URL");
                continue;
            }
            String url = link.url().get();
            if (url.equals(pageUrl) || url.equals(found.given())) {
                // a page that names itself as its feed has just been found to be none
                continue;
            }
            if (tried++ == MAX_LINKS) {
                found.problem(found.given() + ": it links " + links.size() + " feeds; only the first " + MAX_LINKS
                        + " were tried");
                break;
            }
            try {
                Checked checked = check(url);
                String title = checked.feed().title().isBlank() ? link.title() : checked.feed().title();
                found.add(new Candidate(url, title, "", HowFound.PAGE_LINK), checked.source());
                feeds++;
            } catch (FetchException e) {
                found.problem(e.getMessage());
            } catch (FeedParseException e) {
                found.problem(url + ": " + e.reason());
            }
        }
        return feeds;
    }

    /**
     * Adds the first of the usual paths of {@code pageUrl}'s site that is a feed. A path that is
     * absent or no feed is what most sites answer, and goes unsaid; a site that stops answering ends
     * the search, said.
     */
    private void tryUsualPaths(String pageUrl, FoundFeeds found) {
        URI page = URI.create(pageUrl);
        String origin = page.getScheme() + "://" + page.getRawAuthority();
        for (String path : USUAL_PATHS) {
            String url = origin + path;
            try {
                Checked checked = check(url);
                found.add(new Candidate(url, checked.feed().title(), "", HowFound.USUAL_PATH), checked.source());
                return;
            } catch (FetchException e) {
                if (e.status().isEmpty()) {
                    found.problem(e.getMessage());
                    return;
                }
                if (e.status().getAsInt() >= 500) {
                    found.problem(e.getMessage());
                }
            } catch (FeedParseException e) {
                // most sites answer an unknown path with a page
            }
        }
    }

    private String nothingIn(List<FeedLinks.Link> links) {
        List<String> parts = new ArrayList<>();
        if (!instances.isEmpty()) {
            parts.add("RSSHub Radar offers no route for it");
        }
        parts.add(links.isEmpty() ? "the page links no feed"
                : "none of the " + links.size() + " feeds it links could be had");
        parts.add("none of " + String.join(", ", USUAL_PATHS) + " is a feed");
        return String.join("; ", parts);
    }

    /** A feed that was fetched and parsed, and the URL that answered. */
    private record Checked(String source, Feed feed) {
    }

    private Checked check(String url) throws FetchException, FeedParseException {
        FetchOutcome.Fetched fetched = fetch(url);
        return new Checked(fetched.source(), parse(fetched));
    }

    /**
     * The feed at {@code url}, fetched and parsed: how a candidate offered unfetched (an RSSHub route)
     * is checked before it is followed.
     *
     * @throws DiscoveryException when it cannot be fetched or is no feed; the message names the URL
     */
    public Feed feedAt(String url) throws DiscoveryException {
        try {
            return parse(fetch(url));
        } catch (FetchException e) {
            throw new DiscoveryException(url, "it could not be fetched: " + e.reason(), List.of());
        } catch (FeedParseException e) {
            throw new DiscoveryException(url, "it is not a feed: " + e.reason(), List.of());
        }
    }

    private FetchOutcome.Fetched fetch(String url) throws FetchException {
        if (fetcher.fetch(FetchRequest.of(url)) instanceof FetchOutcome.Fetched fetched) {
            return fetched;
        }
        throw new IllegalStateException("a fetch without validators cannot be told that nothing changed: " + url);
    }

    private Feed parse(FetchOutcome.Fetched fetched) throws FeedParseException {
        return parser.parse(new FeedDocument(fetched.source(), fetched.body(), fetched.charset()));
    }

    private static boolean isWeb(String url) {
        return FeedUrl.tryParse(url).map(FeedUrl::kind).orElse(null) == FeedUrl.Kind.WEB;
    }
}
