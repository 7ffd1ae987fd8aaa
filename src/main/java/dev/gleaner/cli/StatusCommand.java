package dev.gleaner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.config.Config;
import dev.gleaner.config.Subscription;
import dev.gleaner.store.Health;
import dev.gleaner.store.Store;
import dev.gleaner.store.StoreException;
import dev.gleaner.store.SubscriptionState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gleaner status}: how each subscription is doing; feeds failing for over a day come first. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each subscription's health: last success, last attempt, failures, next due, last error.")
final class StatusCommand implements Callable<Integer> {
    private static final Duration LONG_FAILING = Duration.ofDays(1);

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Option(names = "--failing", description = "Only subscriptions whose last fetch failed.")
    boolean failing;

    @Option(names = "--json", description = "Print JSON, one object per subscription, for scripts.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        global.applyLogLevel();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Config> loaded = global.loadConfig(err);
        if (loaded.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Config config = loaded.get();
        List<SubscriptionState> states;
        try {
            Map<String, SubscriptionState> known;
            try (Store store = Store.open(config.storage())) {
                known = store.subscriptions().all().stream()
                        .collect(Collectors.toMap(SubscriptionState::path, Function.identity()));
            }
            states = new ArrayList<>();
            for (Subscription subscription : config.subscriptions()) {
                SubscriptionState state = known.get(subscription.id());
                states.add(state != null ? state : neverFetched(subscription));
            }
        } catch (StoreException e) {
            err.println("gleaner: store " + config.storage() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        Instant now = Instant.now();
        List<SubscriptionState> shown = states.stream()
                .filter(state -> !failing || state.health().consecutiveFailures() > 0)
                .sorted(worstFirst(now))
                .toList();
        if (json) {
            shown.forEach(state -> out.println(json(state)));
        } else {
            new StatusTable(now).print(shown, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Failing for over a day first, the longest first; then everything else by path. */
    private static Comparator<SubscriptionState> worstFirst(Instant now) {
        return Comparator.comparing((SubscriptionState state) ->
                        state.health().failingFor(now).compareTo(LONG_FAILING) < 0)
                .thenComparing(state -> state.health().failingFor(now), Comparator.reverseOrder())
                .thenComparing(SubscriptionState::path);
    }

    private static SubscriptionState neverFetched(Subscription subscription) {
        return new SubscriptionState(0, subscription.id(), subscription.url(), dev.gleaner.store.FetchMemo.NONE,
                new Health(Optional.empty(), Optional.empty(), "", 0, java.util.OptionalInt.empty(), Optional.empty(),
                        false, Optional.empty()));
    }

    private static String json(SubscriptionState state) {
        Health health = state.health();
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("path", state.path());
        row.put("url", state.url());
        row.put("lastSuccess", health.lastSuccess().map(Instant::toString).orElse(null));
        row.put("lastAttempt", health.lastAttempt().map(Instant::toString).orElse(null));
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
