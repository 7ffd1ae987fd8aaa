package dev.gleaner.cli;

import dev.gleaner.model.Elapsed;
import dev.gleaner.store.Health;
import dev.gleaner.store.SubscriptionState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints subscriptions' health as an aligned table, times relative to now, CJK text counted double-wide. */
final class StatusTable {
    private static final String[] HEADERS = {"SUBSCRIPTION", "POSTS", "LAST SUCCESS", "LAST ATTEMPT", "304/FETCHES", "FAILURES",
        "NEXT DUE", "LAST ERROR"};

    private final Instant now;

    StatusTable(Instant now) {
        this.now = now;
    }

    void print(List<SubscriptionState> states, Map<Long, Integer> posts, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (SubscriptionState state : states) {
            Health health = state.health();
            rows.add(new String[] {
                state.path() + (state.retired() ? " (retired)" : state.paused() ? " (paused)" : ""),
                Integer.toString(posts.getOrDefault(state.id(), 0)),
                ago(health.lastSuccess()),
                ago(health.lastAttempt()),
                health.notModified() + "/" + health.fetches(),
                health.consecutiveFailures() == 0 ? "0"
                        : health.consecutiveFailures() + (health.permanent() ? " (gone)" : "")
                                + health.failingSince().map(since -> " for " + Elapsed.text(Duration.between(since, now))).orElse(""),
                state.retired() ? "-" : due(health.nextDue()),
                health.lastError()});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - width(row[i]) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private String ago(Optional<Instant> when) {
        return when.map(instant -> Elapsed.text(Duration.between(instant, now)) + " ago").orElse("never");
    }

    private String due(Optional<Instant> when) {
        return when.filter(instant -> instant.isAfter(now))
                .map(instant -> "in " + Elapsed.text(Duration.between(now, instant))).orElse("now");
    }

    /** Columns a terminal gives the text: East Asian wide and full-width characters take two. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            boolean wide = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                    || (c >= 0xFF01 && c <= 0xFF60) || (c >= 0x3000 && c <= 0x303F);
            width += wide ? 2 : 1;
        }
        return width;
    }
}
