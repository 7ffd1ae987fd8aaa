package dev.gleaner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.app.Gleaner;
import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Config;
import dev.gleaner.config.Subscription;
import dev.gleaner.model.Elapsed;
import dev.gleaner.store.Health;
import dev.gleaner.store.Origin;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gleaner list}: the subscription tree, each feed with its URL, state and item count. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Print the subscription tree (or the part at or below PATH): each feed with its URL, how its "
                + "fetches go and how many items the store holds. Feeds added from the command line are marked.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner list                      the whole tree",
            "  gleaner list 社交媒体/知乎          one site's feeds",
            "  gleaner list --json               one JSON object per feed, for scripts"})
final class ListCommand extends ConfiguredCommand {
    /** Made at first use: picocli loads every command's class at start, and Jackson costs a tenth of a second. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "A category path, like 社交媒体/知乎.")
    @Nullable String path;

    @Option(names = "--json", description = "Print JSON, one object per feed, for scripts.")
    boolean json;

    /** One feed as listed. */
    private record Row(Subscription subscription, Optional<SubscriptionState> state, int items, int posts) {
        boolean added() {
            return state.map(known -> known.origin() == Origin.ADDED).orElse(false);
        }
    }

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        Optional<CategoryPath> prefix = TreePaths.parse(path, "list", err);
        if (path != null && prefix.isEmpty()) {
            return ExitCodes.USAGE;
        }
        List<Row> rows = new ArrayList<>();
        Instant now;
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            now = gleaner.clock().instant();
            Optional<Store> store = gleaner.existingStore();
            Map<String, SubscriptionState> known = store.map(opened -> opened.subscriptions().followed())
                    .orElse(List.of()).stream()
                    .collect(Collectors.toMap(SubscriptionState::path, Function.identity()));
            Map<Long, Integer> items = store.map(opened -> opened.subscriptions().entryCounts()).orElse(Map.of());
            Map<Long, Integer> posts = store.map(opened -> opened.subscriptions().postCounts()).orElse(Map.of());
            for (Subscription subscription : gleaner.followed()) {
                if (prefix.isPresent() && !subscription.path().startsWith(prefix.get())) {
                    continue;
                }
                // A state stored under a URL the file has since changed belongs to the old feed.
                Optional<SubscriptionState> state = Optional.ofNullable(known.get(subscription.id()))
                        .filter(stored -> stored.url().equals(subscription.url()));
                long id = state.map(SubscriptionState::id).orElse(-1L);
                rows.add(new Row(subscription, state, items.getOrDefault(id, 0), posts.getOrDefault(id, 0)));
            }
        }
        if (rows.isEmpty() && prefix.isPresent()) {
            err.println("gleaner: list " + path + ": no subscription is at or below it");
            return ExitCodes.USAGE;
        }
        if (json) {
            rows.forEach(row -> out.println(json(row)));
        } else {
            printTree(rows, now, out);
        }
        return ExitCodes.OK;
    }

    private static void printTree(List<Row> rows, Instant now, PrintWriter out) {
        List<String> open = List.of();
        for (Row row : rows) {
            List<String> levels = row.subscription().path().levels();
            List<String> folders = levels.subList(0, levels.size() - 1);
            int same = 0;
            while (same < open.size() && same < folders.size() && open.get(same).equals(folders.get(same))) {
                same++;
            }
            for (int depth = same; depth < folders.size(); depth++) {
                out.println("  ".repeat(depth) + folders.get(depth) + "/");
            }
            open = folders;
            out.println("  ".repeat(folders.size()) + row.subscription().path().name() + "  "
                    + row.subscription().url() + "  " + state(row, now) + ", " + row.items() + " items"
                    + (row.added() ? "  (added)" : ""));
        }
    }

    /** How the feed's fetches go, in a few words. */
    private static String state(Row row, Instant now) {
        if (row.state().isEmpty() || row.state().get().health().lastAttempt().isEmpty()) {
            return "not fetched yet";
        }
        Health health = row.state().get().health();
        if (health.consecutiveFailures() == 0) {
            return "ok " + health.lastSuccess().map(at -> Elapsed.text(Duration.between(at, now)) + " ago")
                    .orElse("");
        }
        return (health.permanent() ? "gone" : "failing") + health.failingSince()
                .map(since -> " for " + Elapsed.text(Duration.between(since, now))).orElse("")
                + ": " + health.lastError();
    }

    private static String json(Row row) {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        object.put("path", row.subscription().id());
        object.put("url", row.subscription().url().text());
        object.put("origin", row.added() ? "added" : "config");
        object.put("items", row.items());
        object.put("posts", row.posts());
        Optional<Health> health = row.state().map(SubscriptionState::health);
        object.put("lastSuccess", health.flatMap(Health::lastSuccess).map(Instant::toString).orElse(null));
        object.put("consecutiveFailures", health.map(Health::consecutiveFailures).orElse(0));
        object.put("gone", health.map(Health::permanent).orElse(false));
        object.put("lastError", health.map(Health::lastError).filter(error -> !error.isEmpty()).orElse(null));
        try {
            return Json.MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a listed feed is always writable as JSON", e);
        }
    }
}
