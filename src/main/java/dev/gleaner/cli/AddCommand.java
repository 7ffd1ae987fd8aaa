package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Config;
import dev.gleaner.config.DurationText;
import dev.gleaner.config.Subscription;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedUrl;
import dev.gleaner.pipeline.DiscoveryException;
import dev.gleaner.pipeline.FeedDiscovery;
import dev.gleaner.pipeline.FeedDiscovery.Candidate;
import dev.gleaner.pipeline.RunOptions;
import dev.gleaner.pipeline.RunSummary;
import dev.gleaner.publish.site.SiteTheme;
import dev.gleaner.store.SubscriptionConflictException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code gleaner add}: follows a feed, an RSSHub route or the feed of a web page, and fetches it at once. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Follow a new feed at PATH of the category tree. URL is a feed, an rsshub:// route or a web "
                + "page whose feeds are found (RSSHub Radar's routes for it, the feeds it links, the usual paths "
                + "such as /feed); with several found, they are listed and --pick chooses one. The feed is "
                + "checked, fetched at once and its posts written; nothing changes when it is no feed.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner add rsshub://zhihu/hot --to 社交媒体/知乎/知乎热榜",
            "  gleaner add https://www.oschina.net/news --to 编程/开源中国/资讯 --interval 1h",
            "  gleaner add https://example.org/ --to 博客/例子/文章 --pick 2"})
final class AddCommand extends ConfiguredCommand {

    @Mixin
    QuietOption quiet = new QuietOption();

    @Parameters(index = "0", paramLabel = "URL", description = "A feed, an rsshub:// route or a web page.")
    String url;

    @Option(names = "--to", required = true, paramLabel = "PATH",
            description = "Where it goes in the tree, like 社交媒体/知乎/知乎热榜 (category/site/feed).")
    String to;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often it is fetched at most, like 30m or 1h (default 30m).")
    @Nullable Duration interval;

    @Option(names = "--limit", paramLabel = "N", description = "Publish at most N items of each fetch.")
    @Nullable Integer limit;

    @Option(names = "--author", paramLabel = "NAME", description = "The posts' author (default: the site level).")
    @Nullable String author;

    @Option(names = "--pick", paramLabel = "N", description = "Which of several feeds found to follow, from 1.")
    @Nullable Integer pick;

    @Option(names = "--no-build", description = "Leave the HTML site as it is (gleaner build brings it up to date).")
    boolean noBuild;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        Optional<CategoryPath> path = TreePaths.parse(to, "add --to", err);
        if (path.isEmpty()) {
            return ExitCodes.USAGE;
        }
        if (limit != null && limit < 1) {
            err.println("gleaner: add --limit " + limit + ": expected a number of items, 1 or more");
            return ExitCodes.USAGE;
        }
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            NewStore.adoptPosts(gleaner, out);
            gleaner.reconcile();
            Optional<Subscription> taken = gleaner.followed().stream()
                    .filter(followed -> followed.path().equals(path.get())).findFirst();
            if (taken.isPresent()) {
                err.println("gleaner: add: " + path.get() + " is already followed, as " + taken.get().url()
                        + "; choose another path, or move or remove that one first");
                return ExitCodes.USAGE;
            }
            Optional<Candidate> chosen = choose(gleaner.discovery(), out, err);
            if (chosen.isEmpty()) {
                return ExitCodes.USAGE;
            }
            Subscription subscription = subscription(path.get(), FeedUrl.parse(chosen.get().url()));
            try {
                gleaner.store().subscriptions().add(subscription, gleaner.clock().instant());
            } catch (SubscriptionConflictException e) {
                err.println("gleaner: add " + subscription.url() + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            RunSummary summary = gleaner.pass().run(new RunOptions(List.of(path.get()), true), (done, total) -> { });
            return report(gleaner, subscription, summary, out, err);
        }
    }

    /** The feed to follow among those found at {@link #url}; empty after saying why there is none. */
    private Optional<Candidate> choose(FeedDiscovery discovery, PrintWriter out, PrintWriter err) {
        FeedDiscovery.Result found;
        try {
            found = discovery.discover(url);
        } catch (DiscoveryException e) {
            err.println("gleaner: add: " + e.getMessage());
            e.problems().forEach(problem -> err.println("gleaner:   " + problem));
            return Optional.empty();
        }
        List<Candidate> candidates = found.candidates();
        if (candidates.size() > 1 && (pick == null || !quiet.quiet)) {
            out.println("found " + candidates.size() + " feeds at " + url + ":");
            for (int i = 0; i < candidates.size(); i++) {
                out.println("  " + (i + 1) + ". " + describe(candidates.get(i)));
            }
        } else if (!quiet.quiet && !candidates.get(0).url().equals(url)) {
            out.println("found " + describe(candidates.get(0)));
        }
        if (candidates.size() > 1 && pick == null) {
            err.println("gleaner: add " + url + ": " + candidates.size() + " feeds found; choose one with --pick N");
            return Optional.empty();
        }
        int index = pick == null ? 1 : pick;
        if (index < 1 || index > candidates.size()) {
            err.println("gleaner: add --pick " + index + ": expected a number from 1 to " + candidates.size());
            return Optional.empty();
        }
        Candidate candidate = candidates.get(index - 1);
        if (FeedUrl.parse(candidate.url()).kind() == FeedUrl.Kind.ROUTE) {
            // Routes are offered as found, unfetched: one that no instance serves is not followed.
            try {
                Feed feed = discovery.feedAt(candidate.url());
                candidate = new Candidate(candidate.url(), feed.title(), candidate.site(), candidate.how());
            } catch (DiscoveryException e) {
                err.println("gleaner: add: " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }

    private static String describe(Candidate candidate) {
        String how = switch (candidate.how()) {
            case GIVEN -> "as given";
            case RSSHUB_RADAR -> "RSSHub Radar" + (candidate.site().isEmpty() ? "" : ", " + candidate.site());
            case RSSHUB_ROUTES -> "RSSHub route of the page's path" + (candidate.site().isEmpty() ? ""
                    : ", " + candidate.site());
            case PAGE_LINK -> "linked by the page";
            case USUAL_PATH -> "at a usual path";
        };
        return candidate.url() + (candidate.title().isEmpty() ? "" : "  " + candidate.title()) + "  (" + how + ")";
    }

    private Subscription subscription(CategoryPath path, FeedUrl feed) {
        return new Subscription(path, feed, author == null ? path.site() : author,
                limit == null ? OptionalInt.empty() : OptionalInt.of(limit),
                interval == null ? Subscription.DEFAULT_INTERVAL : interval, false, Optional.empty(), false);
    }

    private int report(Gleaner gleaner, Subscription subscription, RunSummary summary, PrintWriter out,
            PrintWriter err) {
        summary.fetches().failures().forEach(failure -> err.println("gleaner: " + failure.path() + ": "
                + failure.reason() + " (it stays followed and is tried again at the next run)"));
        summary.fetches().warnings().forEach(warning -> err.println("gleaner: warning: " + warning));
        summary.posts().failures().forEach(failure -> err.println("gleaner: post not written: " + failure));
        if (!quiet.quiet) {
            out.println("added " + subscription.path() + " <- " + subscription.url() + ": "
                    + summary.items().seen() + " items, " + summary.posts().written() + " posts written"
                    + (summary.items().heldBack() > 0 ? ", " + summary.items().heldBack()
                            + " older ones held back (backlog " + gleaner.config().backlog() + ")" : ""));
        }
        boolean built = true;
        if (!noBuild) {
            try (SiteTheme theme = SiteBuildStep.theme(gleaner.config(), null, err)) {
                built = theme != null && SiteBuildStep.build(gleaner, theme, false, out, err, quiet.quiet);
            }
        }
        return built && summary.posts().failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Reads {@code --interval} in the configuration's own form: {@code 30m}, {@code 1h30m}, {@code 1d}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return DurationText.parse(value).filter(duration -> !duration.isZero()).orElseThrow(
                    () -> new TypeConversionException("expected a duration like 30m, 1h or 1h30m, got '" + value + "'"));
        }
    }
}
