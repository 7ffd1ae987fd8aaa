package dev.gleaner.store;

import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.Validators;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Subscriptions in the {@code subscription} table. */
final class JdbcSubscriptionStore implements SubscriptionStore {
    private static final String COLUMNS = """
            id, path, url, etag, last_modified, last_attempt_at, last_success_at, last_error, consecutive_failures""";

    private final Jdbc jdbc;

    JdbcSubscriptionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SubscriptionState reconcile(Subscription subscription, Instant now) {
        String path = subscription.id();
        jdbc.update("reconcile subscription " + path, """
                INSERT INTO subscription (path, url, created_at) VALUES (?, ?, ?)
                ON CONFLICT (path) DO UPDATE SET
                    url = excluded.url,
                    etag = CASE WHEN subscription.url = excluded.url THEN subscription.etag END,
                    last_modified = CASE WHEN subscription.url = excluded.url THEN subscription.last_modified END
                """, path, subscription.url(), now);
        return find(path).orElseThrow(() -> new IllegalStateException("subscription vanished: " + path));
    }

    @Override
    public Optional<SubscriptionState> find(String path) {
        return jdbc.query("find subscription " + path,
                "SELECT " + COLUMNS + " FROM subscription WHERE path = ?", JdbcSubscriptionStore::state, path)
                .stream().findFirst();
    }

    @Override
    public List<SubscriptionState> all() {
        return jdbc.query("list subscriptions", "SELECT " + COLUMNS + " FROM subscription ORDER BY path",
                JdbcSubscriptionStore::state);
    }

    @Override
    public void onFetchError(long subscriptionId, Instant at, String reason) {
        jdbc.update("record fetch error", """
                UPDATE subscription
                SET last_attempt_at = ?, last_error = ?, consecutive_failures = consecutive_failures + 1
                WHERE id = ?
                """, at, reason, subscriptionId);
    }

    @Override
    public void onNotModified(long subscriptionId, Instant at, Validators validators) {
        jdbc.update("record not-modified fetch", """
                UPDATE subscription
                SET last_attempt_at = ?, last_success_at = ?, last_error = NULL, consecutive_failures = 0,
                    etag = ?, last_modified = ?
                WHERE id = ?
                """, at, at, validators.etag().orElse(null), validators.lastModified().orElse(null), subscriptionId);
    }

    static SubscriptionState state(ResultSet row) throws SQLException {
        return new SubscriptionState(
                row.getLong("id"),
                row.getString("path"),
                row.getString("url"),
                Validators.of(row.getString("etag"), row.getString("last_modified")),
                Jdbc.instant(row, "last_attempt_at"),
                Jdbc.instant(row, "last_success_at"),
                Optional.ofNullable(row.getString("last_error")).orElse(""),
                row.getInt("consecutive_failures"));
    }
}
