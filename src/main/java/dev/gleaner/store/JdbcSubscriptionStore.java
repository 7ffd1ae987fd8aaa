package dev.gleaner.store;

import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.Validators;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Subscriptions in the {@code subscription} table. */
final class JdbcSubscriptionStore implements SubscriptionStore {
    private static final String COLUMNS = """
            id, path, url, etag, last_modified, body_hash, instance, last_attempt_at, last_success_at, last_error,
            consecutive_failures, last_status, failing_since, permanent, next_due_at""";

    private final Jdbc jdbc;

    JdbcSubscriptionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SubscriptionState reconcile(Subscription subscription, Instant now) {
        return reconcileAll(List.of(subscription), now).get(0);
    }

    @Override
    public List<SubscriptionState> reconcileAll(List<Subscription> subscriptions, Instant now) {
        return jdbc.inTransaction("reconcile subscriptions", connection -> {
            List<SubscriptionState> states = new ArrayList<>(subscriptions.size());
            for (Subscription subscription : subscriptions) {
                String path = subscription.id();
                Jdbc.update(connection, """
                        INSERT INTO subscription (path, url, created_at) VALUES (?, ?, ?)
                        ON CONFLICT (path) DO UPDATE SET
                            url = excluded.url,
                            etag = CASE WHEN subscription.url = excluded.url THEN subscription.etag END,
                            last_modified = CASE WHEN subscription.url = excluded.url THEN subscription.last_modified END,
                            body_hash = CASE WHEN subscription.url = excluded.url THEN subscription.body_hash END,
                            instance = CASE WHEN subscription.url = excluded.url THEN subscription.instance END,
                            next_due_at = CASE WHEN subscription.url = excluded.url THEN subscription.next_due_at END,
                            permanent = CASE WHEN subscription.url = excluded.url THEN subscription.permanent ELSE 0 END
                        """, path, subscription.url(), now);
                states.addAll(Jdbc.query(connection, "SELECT " + COLUMNS + " FROM subscription WHERE path = ?",
                        JdbcSubscriptionStore::state, path));
            }
            return states;
        });
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
    public void onFetchError(long subscriptionId, Instant at, FetchFailure failure, Instant nextDue) {
        jdbc.update("record fetch error", """
                UPDATE subscription
                SET last_attempt_at = ?, last_error = ?, consecutive_failures = consecutive_failures + 1,
                    last_status = ?, failing_since = COALESCE(failing_since, ?),
                    permanent = CASE WHEN ? THEN 1 ELSE permanent END, next_due_at = ?
                WHERE id = ?
                """, at, failure.reason(), failure.status().isPresent() ? failure.status().getAsInt() : null, at,
                failure.permanent(), nextDue, subscriptionId);
    }

    @Override
    public void onNotModified(long subscriptionId, Instant at, FetchMemo memo, Instant nextDue) {
        jdbc.withConnection("record not-modified fetch",
                connection -> onSuccess(connection, subscriptionId, at, memo, nextDue));
    }

    /** Records a successful fetch, within the caller's connection or transaction. */
    static int onSuccess(Connection connection, long subscriptionId, Instant at, FetchMemo memo, Instant nextDue)
            throws SQLException {
        return Jdbc.update(connection, """
                UPDATE subscription
                SET last_attempt_at = ?, last_success_at = ?, last_error = NULL, consecutive_failures = 0,
                    last_status = NULL, failing_since = NULL, permanent = 0, next_due_at = ?,
                    etag = ?, last_modified = ?, body_hash = COALESCE(?, body_hash), instance = COALESCE(?, instance)
                WHERE id = ?
                """, at, at, nextDue, memo.validators().etag().orElse(null),
                memo.validators().lastModified().orElse(null), memo.bodyHash().orElse(null),
                memo.instance().orElse(null), subscriptionId);
    }

    static SubscriptionState state(ResultSet row) throws SQLException {
        FetchMemo memo = new FetchMemo(
                Validators.of(row.getString("etag"), row.getString("last_modified")),
                Optional.ofNullable(row.getString("body_hash")),
                Optional.ofNullable(row.getString("instance")));
        int status = row.getInt("last_status");
        OptionalInt lastStatus = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(status);
        Health health = new Health(
                Jdbc.instant(row, "last_attempt_at"),
                Jdbc.instant(row, "last_success_at"),
                Optional.ofNullable(row.getString("last_error")).orElse(""),
                row.getInt("consecutive_failures"),
                lastStatus,
                Jdbc.instant(row, "failing_since"),
                row.getInt("permanent") != 0,
                Jdbc.instant(row, "next_due_at"));
        return new SubscriptionState(row.getLong("id"), row.getString("path"), row.getString("url"), memo, health);
    }
}
