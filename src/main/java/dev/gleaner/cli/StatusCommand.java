package dev.gleaner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.Health;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import java.io.PrintWriter;
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

/** {@code gleaner status}: how each subscription is doing; feeds failing for over a day come first. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each subscription's health: last success, last attempt, failures, next due, last error, "
                + "posts; retired subscriptions (no longer in the configuration, their posts kept) last.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner status                    the table, feeds failing for over a day first",
            "  gleaner status --failing --json   the failing feeds, one JSON object each, for scripts"})
final class StatusCommand extends ConfiguredCommand {
    @Option(names = "--failing", description = "Only subscriptions whose last fetch failed.")
    boolean failing;

    @Option(names = "--json", description = "Print JSON, one object per subscription, for scripts.")
    boolean json;

    @Override
    int run(Config config, PrintWriter out, PrintWriter err) {
        List<SubscriptionState> states = new ArrayList<>();
        Map<Long, Integer> posts;
        try (Gleaner gleaner = new Gleaner(config, InstantSource.system())) {
            Optional<Store> store = gleaner.existingStore();
            Map<String, SubscriptionState> known = store.map(opened -> opened.subscriptions().all()).orElse(List.of())
                    .stream().collect(Collectors.toMap(SubscriptionState::path, Function.identity()));
            posts = store.map(opened -> opened.subscriptions().postCounts()).orElse(Map.of());
            for (Subscription subscription : gleaner.followed()) {
                SubscriptionState state = known.remove(subscription.id());
                states.add(state != null && !state.retired() ? state : SubscriptionState.unknown(subscription));
            }
            // What the store knows beyond the configuration: subscriptions retired, their posts kept.
            known.values().stream().filter(SubscriptionState::retired).forEach(states::add);
        }
        Instant now = Instant.now();
        List<SubscriptionState> shown = states.stream()
                .filter(state -> !failing || state.health().consecutiveFailures() > 0)
                .sorted(SubscriptionState.worstFirst(now))
                .toList();
        if (json) {
            shown.forEach(state -> out.println(json(state, posts.getOrDefault(state.id(), 0))));
        } else {
            new StatusTable(now).print(shown, posts, out);
        }
        return ExitCodes.OK;
    }

    private static String json(SubscriptionState state, int posts) {
        Health health = state.health();
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("path", state.path());
        row.put("url", state.url().text());
        row.put("retired", state.retired());
        row.put("posts", posts);
        row.put("lastSuccess", health.lastSuccess().map(Instant::toString).orElse(null));
        row.put("lastAttempt", health.lastAttempt().map(Instant::toString).orElse(null));
        row.put("fetches", health.fetches());
        row.put("notModified", health.notModified());
        row.put("consecutiveFailures", health.consecutiveFailures());
        row.put("failingSince", health.failingSince().map(Instant::toString).orElse(null));
        row.put("gone", health.permanent());
        row.put("nextDue", health.nextDue().map(Instant::toString).orElse(null));
        row.put("lastError", health.lastError().isEmpty() ? null : health.lastError());
        try {
            return new ObjectMapper().writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status row is always writable as JSON", e);
        }
    }
}
