package dev.gleaner.store;

import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.Validators;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Subscriptions in the {@code subscription} table. */
final class JdbcSubscriptionStore implements SubscriptionStore {
    private static final String COLUMNS = """
            id, path, url, key_seed, retired_at, etag, last_modified, body_hash, instance, last_attempt_at,
            last_success_at, last_error, consecutive_failures, last_status, failing_since, permanent, next_due_at,
            revalidation, fetch_count, not_modified_count""";

    private final Jdbc jdbc;

    JdbcSubscriptionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SubscriptionState reconcile(Subscription subscription, Instant now) {
        return jdbc.inTransaction("reconcile subscription " + subscription.id(), connection -> {
            upsert(connection, subscription, now);
            return byPath(connection, subscription.id()).orElseThrow();
        });
    }

    @Override
    public Reconciliation reconcileAll(List<Subscription> subscriptions, Instant now) {
        return jdbc.inTransaction("reconcile subscriptions", connection -> {
            Map<String, SubscriptionState> byPath = new HashMap<>();
            for (SubscriptionState state : Jdbc.query(connection,
                    "SELECT " + COLUMNS + " FROM subscription ORDER BY id", JdbcSubscriptionStore::state)) {
                byPath.put(state.path(), state);
            }
            Set<String> configured = new HashSet<>();
            subscriptions.forEach(subscription -> configured.add(subscription.id()));
            // Stored subscriptions the configuration no longer names by path: each may have moved.
            List<SubscriptionState> unclaimed = new ArrayList<>();
            byPath.values().stream().filter(state -> !configured.contains(state.path()))
                    .sorted(java.util.Comparator.comparing(SubscriptionState::retired)
                            .thenComparingLong(SubscriptionState::id))
                    .forEach(unclaimed::add);
            List<Reconciliation.Move> moved = new ArrayList<>();
            List<String> restored = new ArrayList<>();
            for (Subscription subscription : subscriptions) {
                SubscriptionState known = byPath.get(subscription.id());
                if (known == null) {
                    Optional<SubscriptionState> mover = unclaimed.stream()
                            .filter(state -> state.url().equals(subscription.url())).findFirst();
                    if (mover.isPresent()) {
                        unclaimed.remove(mover.get());
                        moved.add(move(connection, mover.get(), subscription.id()));
                        continue;
                    }
                } else if (known.retired()) {
                    restored.add(known.path());
                }
                upsert(connection, subscription, now);
            }
            List<String> retired = new ArrayList<>();
            for (SubscriptionState left : unclaimed) {
                if (!left.retired()) {
                    Jdbc.update(connection, "UPDATE subscription SET retired_at = ? WHERE id = ?", now, left.id());
                    retired.add(left.path());
                }
            }
            List<SubscriptionState> states = new ArrayList<>(subscriptions.size());
            for (Subscription subscription : subscriptions) {
                states.add(byPath(connection, subscription.id()).orElseThrow());
            }
            return new Reconciliation(states, moved, retired, restored);
        });
    }

    /** Adds the subscription at its path, or brings the stored one there up to date. */
    private static void upsert(Connection connection, Subscription subscription, Instant now) throws SQLException {
        String path = subscription.id();
        Jdbc.update(connection, """
                INSERT INTO subscription (path, url, key_seed, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (path) DO UPDATE SET
                    url = excluded.url,
                    retired_at = NULL,
                    etag = CASE WHEN subscription.url = excluded.url THEN subscription.etag END,
                    last_modified = CASE WHEN subscription.url = excluded.url THEN subscription.last_modified END,
                    revalidation = CASE WHEN subscription.url = excluded.url THEN subscription.revalidation END,
                    body_hash = CASE WHEN subscription.url = excluded.url THEN subscription.body_hash END,
                    instance = CASE WHEN subscription.url = excluded.url THEN subscription.instance END,
                    next_due_at = CASE WHEN subscription.url = excluded.url THEN subscription.next_due_at END,
                    permanent = CASE WHEN subscription.url = excluded.url THEN subscription.permanent ELSE 0 END
                """, path, subscription.url(), path, now);
    }

    /** Moves a subscription to {@code path}, marking each of its posts to move with it. */
    private static Reconciliation.Move move(Connection connection, SubscriptionState state, String path)
            throws SQLException {
        Jdbc.update(connection, "UPDATE subscription SET path = ?, retired_at = NULL WHERE id = ?", path, state.id());
        int posts = Jdbc.update(connection, """
                UPDATE entry SET moved_from = post_path
                WHERE subscription_id = ? AND post_path IS NOT NULL AND moved_from IS NULL
                """, state.id());
        return new Reconciliation.Move(state.path(), path, posts);
    }

    private static Optional<SubscriptionState> byPath(Connection connection, String path) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM subscription WHERE path = ?",
                JdbcSubscriptionStore::state, path).stream().findFirst();
    }

    @Override
    public Optional<SubscriptionState> find(String path) {
        return jdbc.withConnection("find subscription " + path, connection -> byPath(connection, path));
    }

    @Override
    public List<SubscriptionState> all() {
        return jdbc.query("list subscriptions", "SELECT " + COLUMNS + " FROM subscription ORDER BY path",
                JdbcSubscriptionStore::state);
    }

    @Override
    public Map<Long, Integer> postCounts() {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query("count posts", """
                SELECT subscription_id, COUNT(*) AS posts FROM entry WHERE status = 'written' GROUP BY subscription_id
                """, row -> counts.put(row.getLong("subscription_id"), row.getInt("posts")));
        return counts;
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
    public void onNotModified(long subscriptionId, Instant at, FetchMemo memo, Instant nextDue, boolean revalidated) {
        jdbc.withConnection("record not-modified fetch",
                connection -> onSuccess(connection, subscriptionId, at, memo, nextDue, revalidated));
    }

    @Override
    public void delete(long subscriptionId) {
        // Entries go with it (ON DELETE CASCADE), and their site memo with them.
        jdbc.update("delete subscription", "DELETE FROM subscription WHERE id = ?", subscriptionId);
    }

    /**
     * Records a successful fetch, within the caller's connection or transaction.
     *
     * @param revalidated whether the server answered {@code 304 Not Modified}
     */
    static int onSuccess(Connection connection, long subscriptionId, Instant at, FetchMemo memo, Instant nextDue,
            boolean revalidated) throws SQLException {
        Validators validators = memo.validators();
        return Jdbc.update(connection, """
                UPDATE subscription
                SET last_attempt_at = ?, last_success_at = ?, last_error = NULL, consecutive_failures = 0,
                    last_status = NULL, failing_since = NULL, permanent = 0, next_due_at = ?,
                    etag = ?, last_modified = ?, revalidation = ?,
                    body_hash = COALESCE(?, body_hash), instance = COALESCE(?, instance),
                    fetch_count = fetch_count + 1, not_modified_count = not_modified_count + ?
                WHERE id = ?
                """, at, at, nextDue, validators.etag().orElse(null), validators.lastModified().orElse(null),
                validators.isEmpty() ? null : validators.revalidation().name(), memo.bodyHash().orElse(null),
                memo.instance().orElse(null), revalidated ? 1 : 0, subscriptionId);
    }

    static SubscriptionState state(ResultSet row) throws SQLException {
        FetchMemo memo = new FetchMemo(
                Validators.of(row.getString("etag"), row.getString("last_modified"), row.getString("revalidation")),
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
                Jdbc.instant(row, "next_due_at"),
                row.getInt("fetch_count"),
                row.getInt("not_modified_count"));
        String path = row.getString("path");
        String seed = row.getString("key_seed");
        return new SubscriptionState(row.getLong("id"), path, row.getString("url"), seed.isEmpty() ? path : seed,
                Jdbc.instant(row, "retired_at"), memo, health);
    }
}
