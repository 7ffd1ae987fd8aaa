package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.store.Store;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After any mix of changes (new items on top, items dated in the past, edited items, items gone),
 * the site a build renders from what changed is the site a full build renders from scratch, byte
 * for byte, and the build read less of the store for it.
 */
class IncrementalMatchesFullTest {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 6, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final String[] FEEDS = {"hot", "daily", "news"};

    @TempDir
    Path dir;

    /** The items of one feed: number, hours after the start, title. */
    private record Item(int number, int hours, String title) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyRoundEndsAsAFullBuildDoes(long seed) throws Exception {
        Random random = new Random(seed);
        Workspace workspace = new Workspace(dir.resolve("site"));
        Map<String, List<Item>> feeds = new TreeMap<>();
        int[] next = {0};
        for (String feed : FEEDS) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 8 + random.nextInt(8); i++) {
                items.add(new Item(next[0]++, random.nextInt(24 * 90), feed + " " + next[0]));
            }
            feeds.put(feed, items);
        }
        writeFeeds(workspace, feeds);
        workspace.config("""
                新闻:
                  热榜:
                    hot: {url: feeds/hot.xml, update: true}
                    daily: feeds/daily.xml
                  资讯:
                    news: {url: feeds/news.xml, update: true}
                """);
        Path config = workspace.root().resolve("gleaner.yml");
        Files.writeString(config, Files.readString(config)
                .replace("  output: site\n", "  output: site\n  page_size: 3\n")
                .replace("subscriptions:", "backlog: 1000\nsubscriptions:"));
        assertThat(workspace.run("run").exitCode()).isZero();

        for (int round = 0; round < 5; round++) {
            for (String feed : FEEDS) {
                List<Item> items = feeds.get(feed);
                // New items on top, and one dated well in the past, which lands in the middle of every list.
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(new Item(next[0]++, 24 * 90 + 24 * round + random.nextInt(24), feed + " " + next[0]));
                }
                if (random.nextBoolean()) {
                    items.add(new Item(next[0]++, random.nextInt(24 * 60), feed + " old " + next[0]));
                }
                if (!feed.equals("daily") && random.nextBoolean()) {
                    int edited = random.nextInt(items.size());
                    Item item = items.get(edited);
                    items.set(edited, new Item(item.number(), item.hours(), item.title() + " (edited)"));
                }
            }
            writeFeeds(workspace, feeds);
            assertThat(workspace.run("run", "--all", "--no-build").exitCode()).isZero();
            if (round % 2 == 1) {
                deleteOneEntry(workspace.root().resolve("gleaner.db"), random);
            }

            long before = Store.rowsRead();
            Workspace.Result build = workspace.run("build");
            long incrementalRows = Store.rowsRead() - before;
            assertThat(build.exitCode()).as(build.err()).isZero();

            Workspace fresh = copyWithoutSite(workspace, dir.resolve("full-" + seed + "-" + round));
            before = Store.rowsRead();
            Workspace.Result full = fresh.run("build", "--full");
            long fullRows = Store.rowsRead() - before;
            assertThat(full.exitCode()).as(full.err()).isZero();

            assertThat(contents(workspace)).as("round %d", round).isEqualTo(contents(fresh));
            assertThat(incrementalRows).as("round %d", round).isLessThan(fullRows);
        }
    }

    private static void writeFeeds(Workspace workspace, Map<String, List<Item>> feeds) {
        feeds.forEach((feed, items) -> {
            RssDocument document = RssDocument.channel(feed, "https://example.org/" + feed);
            for (Item item : items) {
                document.item(item.title(), "<p>" + item.title() + " 的正文</p>",
                        RFC_1123.format(START.plusHours(item.hours())), "https://example.org/" + feed + "/" + item.number(),
                        "https://example.org/" + feed + "#" + item.number());
            }
            workspace.write("feeds/" + feed + ".xml", document.xml());
        });
    }

    /** Deletes one entry the site shows, as the store would on its own account. */
    private static void deleteOneEntry(Path database, Random random) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT entry_key FROM entry WHERE status = 'written' ORDER BY entry_key");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM entry WHERE entry_key = ?")) {
                delete.setString(1, keys.get(random.nextInt(keys.size())));
                delete.executeUpdate();
            }
        }
    }

    private static Workspace copyWithoutSite(Workspace from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from.root())) {
            for (Path path : walk.toList()) {
                Path relative = from.root().relativize(path);
                if (relative.startsWith(Path.of("site", "public"))) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new Workspace(to);
    }

    private static Map<String, String> contents(Workspace workspace) {
        Map<String, String> contents = new TreeMap<>();
        Workspace.snapshot(workspace.root().resolve("site/public")).forEach((name, state) -> {
            // The site's address is the same in both, so every byte must be too.
            contents.put(name, state.content());
        });
        if (contents.isEmpty()) {
            throw new UncheckedIOException(new IOException("no site in " + workspace.root()));
        }
        return contents;
    }
}
