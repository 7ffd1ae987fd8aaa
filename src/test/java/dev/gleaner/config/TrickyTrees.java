package dev.gleaner.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * Random category trees of names and values that YAML and XML misread when written naively, with random
 * options; each tree listed in the order the configuration loader lists its leaves.
 */
final class TrickyTrees {
    /** Names a level may have: YAML 1.1 switches, numbers, indicators, quotes, slashes, CJK, emoji. */
    static final List<String> NAMES = List.of("yes", "no", "on", "off", "y", "N", "true", "null", "~", "1.0",
            "0o17", "1e3", ".5", "012", "0x1F", "2001-01-01", "a: b", "a:b", "key:", "#x", "a #b", "'q'", "\"dq\"",
            "it's", "a/b", "a\\b", "首页 - 白金攻略 / 游戏开箱", "知乎热榜", "社交媒体", "😀 emoji", "-", "- x", "?", "? q",
            "[x]", "{y}", "a, b", "@at", "`tick", "%pct", "!bang", "&amp;", "*star", "|pipe", ">gt", "=", "<<",
            "---", "...", "<tag attr=\"v\">", "a & b < c > d", "line\nbreak", "tab\there", "x".repeat(200),
            "limit", "author");
    /** Values an author or image may have: the names and ones with spaces around or nothing at all. */
    static final List<String> VALUES = concat(NAMES,
            List.of(" lead", "trail ", "", "  ", "https://img.example/{n}.jpg"));
    /** Feed addresses of every kind the loader takes. */
    static final List<String> ROUTES = List.of("https://example.org/feed.xml", "http://example.org/rss?a=1&b=2",
            "https://例子.测试/订阅", "rsshub://zhihu/hot", "rsshub://weibo/search/hot?fulltext=1",
            "rsshub://eventernote/actors/三森すずこ/2634", "file:///feeds/zhihu.xml", "HTTPS://EXAMPLE.ORG/A");
    private static final List<Duration> INTERVALS = List.of(Duration.ofHours(1), Duration.ofSeconds(90),
            Duration.ofDays(1).plusHours(2), Duration.ofMillis(250), Duration.ofMinutes(45), Duration.ofDays(7));

    private TrickyTrees() {
    }

    /**
     * A random tree of one to four levels, one to about twenty feeds, each with random options and a URL of
     * its own.
     */
    static List<Subscription> tree(long seed) {
        Random random = new Random(seed);
        List<Subscription> out = new ArrayList<>();
        branch(random, List.of(), 1 + random.nextInt(4), out);
        return out;
    }

    private static void branch(Random random, List<String> above, int depth, List<Subscription> out) {
        Set<String> names = new LinkedHashSet<>();
        int width = 1 + random.nextInt(3);
        while (names.size() < width) {
            String name = NAMES.get(random.nextInt(NAMES.size()));
            // a category holding only leaf options' names would read as a feed's options
            if (!above.isEmpty() && (name.equals("limit") || name.equals("author"))) {
                continue;
            }
            names.add(name);
        }
        for (String name : names) {
            List<String> levels = new ArrayList<>(above);
            levels.add(name);
            if (depth <= 1 || random.nextInt(5) == 0) {
                out.add(subscription(random, new CategoryPath(levels), out.size()));
            } else {
                branch(random, levels, depth - 1, out);
            }
        }
    }

    private static Subscription subscription(Random random, CategoryPath path, int number) {
        String base = ROUTES.get(random.nextInt(ROUTES.size()));
        String route = base + (base.contains("?") ? "&" : "?") + "feed=" + number;
        OptionalInt limit = random.nextBoolean() ? OptionalInt.of(1 + random.nextInt(100)) : OptionalInt.empty();
        String url = route;
        if (route.startsWith("rsshub://")) {
            // as the loader makes it: the leaf's RSSHub options in the route's query
            RsshubOptions options = new RsshubOptions(limit,
                    random.nextBoolean() ? Optional.of(random.nextBoolean()) : Optional.empty(),
                    maybe(random, NAMES), maybe(random, List.of("广告|推广", "a b+c", "x&y=z")),
                    random.nextBoolean() ? Optional.of(Duration.ofDays(1)) : Optional.empty(),
                    maybe(random, RsshubOptions.FORMATS));
            url = options.applyTo(route);
        }
        return new Subscription(path, url,
                random.nextBoolean() ? path.site() : VALUES.get(random.nextInt(VALUES.size())),
                limit,
                random.nextBoolean() ? Subscription.DEFAULT_INTERVAL : INTERVALS.get(random.nextInt(INTERVALS.size())),
                random.nextBoolean(),
                maybe(random, VALUES),
                random.nextBoolean());
    }

    private static Optional<String> maybe(Random random, List<String> values) {
        return random.nextInt(3) == 0 ? Optional.of(values.get(random.nextInt(values.size()))) : Optional.empty();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
