package dev.gleaner.store;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.Validators;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
            revalidation, fetch_count, not_modified_count, origin, position, author, item_limit, interval_ms,
            comments, cover_image, update_items, paused_at""";
    /** Declared subscriptions in the configuration's order, then added ones in the order they came. */
    private static final String TREE_ORDER = "ORDER BY CASE origin WHEN 'config' THEN 0 ELSE 1 END, position, id";

    private final Jdbc jdbc;

    JdbcSubscriptionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SubscriptionState reconcile(Subscription subscription, Instant now) {
        return jdbc.inTransaction("reconcile subscription " + subscription.id(), connection -> {
            upsert(connection, subscription, now, position(connection, subscription.id()));
            return byPath(connection, subscription.id()).orElseThrow();
        });
    }

    @Override
    public Reconciliation reconcileAll(List<Subscription> declared, Instant now) {
        return jdbc.inTransaction("reconcile subscriptions", connection -> {
            Map<String, SubscriptionState> byPath = new HashMap<>();
            for (SubscriptionState state : Jdbc.query(connection,
                    "SELECT " + COLUMNS + " FROM subscription ORDER BY id", JdbcSubscriptionStore::state)) {
                byPath.put(state.path(), state);
            }
            Set<String> configured = new HashSet<>();
            declared.forEach(subscription -> configured.add(subscription.id()));
            // Stored subscriptions the configuration owned and no longer names by path: each may have moved.
            List<SubscriptionState> unclaimed = new ArrayList<>();
            byPath.values().stream()
                    .filter(state -> state.origin() == Origin.CONFIG && !configured.contains(state.path()))
                    .sorted(Comparator.comparing(SubscriptionState::retired).thenComparingLong(SubscriptionState::id))
                    .forEach(unclaimed::add);
            List<Reconciliation.Move> moved = new ArrayList<>();
            List<String> restored = new ArrayList<>();
            int position = 0;
            for (Subscription subscription : declared) {
                position++;
                SubscriptionState known = byPath.get(subscription.id());
                if (known == null) {
                    Optional<SubscriptionState> mover = unclaimed.stream()
                            .filter(state -> state.url().equals(subscription.url())).findFirst();
                    if (mover.isPresent()) {
                        unclaimed.remove(mover.get());
                        moved.add(move(connection, mover.get(), subscription.id()));
                    }
                } else if (known.retired()) {
                    restored.add(known.path());
                }
                upsert(connection, subscription, now, position);
            }
            List<String> retired = new ArrayList<>();
            for (SubscriptionState left : unclaimed) {
                if (!left.retired()) {
                    Jdbc.update(connection, "UPDATE subscription SET retired_at = ? WHERE id = ?", now, left.id());
                    retired.add(left.path());
                }
            }
            return new Reconciliation(followed(connection), moved, retired, restored);
        });
    }

    @Override
    public List<SubscriptionState> addAll(List<Subscription> subscriptions, Instant now) {
        String what = subscriptions.size() == 1 ? "add subscription " + subscriptions.get(0).id()
                : "add " + subscriptions.size() + " subscriptions";
        return jdbc.inTransaction(what, connection -> {
            List<SubscriptionState> followed = new ArrayList<>(followed(connection));
            List<SubscriptionState> added = new ArrayList<>();
            for (Subscription subscription : subscriptions) {
                refuseConflicts(connection, subscription, followed);
                Integer last = Jdbc.query(connection, "SELECT MAX(position) AS last FROM subscription",
                        row -> row.getInt("last")).get(0);
                upsert(connection, subscription, now, last + 1);
                Jdbc.update(connection, "UPDATE subscription SET origin = ? WHERE path = ?", Origin.ADDED.column(),
                        subscription.id());
                SubscriptionState state = byPath(connection, subscription.id()).orElseThrow();
                followed.add(state);
                added.add(state);
            }
            return added;
        });
    }

    /** A path taken, a feed above or below another, or a URL followed twice: said, and nothing is added. */
    private static void refuseConflicts(Connection connection, Subscription subscription,
            List<SubscriptionState> followed) throws SQLException {
        Optional<SubscriptionState> atPath = byPath(connection, subscription.id());
        if (atPath.isPresent() && !atPath.get().retired()) {
            throw new SubscriptionConflictException(subscription.id() + " is already followed, from "
                    + atPath.get().url());
        }
        for (SubscriptionState other : followed) {
            if (other.url().equals(subscription.url())) {
                throw new SubscriptionConflictException(subscription.url() + " is already followed, as "
                        + other.path());
            }
            CategoryPath path = other.subscription().path();
            if (path.startsWith(subscription.path()) || subscription.path().startsWith(path)) {
                throw new SubscriptionConflictException(subscription.id() + " would put a feed "
                        + (path.startsWith(subscription.path()) ? "above " : "below ") + "the feed " + other.path());
            }
        }
    }

    @Override
    public List<SubscriptionState> retire(CategoryPath prefix, Instant now) {
        return jdbc.inTransaction("remove " + prefix, connection -> {
            List<SubscriptionState> under = changeable(connection, prefix, "removed");
            for (SubscriptionState state : under) {
                Jdbc.update(connection, "UPDATE subscription SET retired_at = ? WHERE id = ?", now, state.id());
            }
            return under;
        });
    }

    @Override
    public boolean pause(long subscriptionId, boolean paused, Instant now) {
        return jdbc.update(paused ? "pause subscription " + subscriptionId : "resume subscription " + subscriptionId,
                "UPDATE subscription SET paused_at = CASE WHEN ? THEN COALESCE(paused_at, ?) END"
                        + " WHERE id = ? AND retired_at IS NULL", paused ? 1 : 0, now, subscriptionId) == 1;
    }

    @Override
    public SubscriptionState edit(long subscriptionId, String author, OptionalInt limit, Duration interval,
            boolean update) {
        return jdbc.inTransaction("edit subscription " + subscriptionId, connection -> {
            SubscriptionState state = followed(connection).stream().filter(one -> one.id() == subscriptionId)
                    .findFirst().orElseThrow(() -> new SubscriptionConflictException(
                            "no subscription is followed with the number " + subscriptionId));
            if (state.origin() == Origin.CONFIG) {
                throw new SubscriptionConflictException(state.path()
                        + " is declared in the configuration file: it is changed there, not from a command");
            }
            Subscription old = state.subscription();
            Jdbc.update(connection, "UPDATE subscription SET author = ?, item_limit = ?, interval_ms = ?, update_items = ?"
                    + " WHERE id = ?", author.equals(old.path().site()) ? null : author,
                    limit.isPresent() ? limit.getAsInt() : null,
                    interval.equals(Subscription.DEFAULT_INTERVAL) ? null : interval.toMillis(), update ? 1 : 0,
                    subscriptionId);
            return followed(connection).stream().filter(one -> one.id() == subscriptionId).findFirst().orElseThrow();
        });
    }

    @Override
    public List<Reconciliation.Move> move(CategoryPath from, CategoryPath to) {
        return jdbc.inTransaction("move " + from + " to " + to, connection -> {
            List<SubscriptionState> under = changeable(connection, from, "moved");
            Map<SubscriptionState, String> targets = new LinkedHashMap<>();
            Set<Long> moving = new HashSet<>();
            under.forEach(state -> moving.add(state.id()));
            for (SubscriptionState state : under) {
                List<String> levels = CategoryPath.parse(state.path()).levels();
                List<String> moved = new ArrayList<>(to.levels());
                moved.addAll(levels.subList(from.levels().size(), levels.size()));
                String target = new CategoryPath(moved).toString();
                Optional<SubscriptionState> taken = byPath(connection, target);
                if (taken.isPresent() && !moving.contains(taken.get().id())) {
                    throw new SubscriptionConflictException(target + " is already "
                            + (taken.get().retired() ? "kept for a retired subscription (prune it first)" : "followed"));
                }
                targets.put(state, target);
            }
            // Each row steps aside first, so paths that trade places never meet the unique index.
            for (SubscriptionState state : under) {
                Jdbc.update(connection, "UPDATE subscription SET path = ? WHERE id = ?", "\0moving " + state.id(),
                        state.id());
            }
            List<Reconciliation.Move> moves = new ArrayList<>();
            for (Map.Entry<SubscriptionState, String> target : targets.entrySet()) {
                moves.add(move(connection, target.getKey(), target.getValue()));
            }
            return moves;
        });
    }

    /** The followed subscriptions at or below {@code prefix}, when a command may change every one of them. */
    private List<SubscriptionState> changeable(Connection connection, CategoryPath prefix, String done)
            throws SQLException {
        List<SubscriptionState> under = followed(connection).stream()
                .filter(state -> state.subscription().path().startsWith(prefix)).toList();
        if (under.isEmpty()) {
            throw new SubscriptionConflictException("no subscription is followed at " + prefix);
        }
        for (SubscriptionState state : under) {
            if (state.origin() == Origin.CONFIG) {
                throw new SubscriptionConflictException(state.path()
                        + " is declared in the configuration file: it is " + done + " there, not from a command");
            }
        }
        return under;
    }

    /** Where a subscription the configuration declares alone sits in the tree: after every other. */
    private static int position(Connection connection, String path) throws SQLException {
        return Jdbc.query(connection, """
                SELECT COALESCE((SELECT position FROM subscription WHERE path = ?),
                                (SELECT COALESCE(MAX(position), 0) + 1 FROM subscription)) AS position
                """, row -> row.getInt("position"), path).get(0);
    }

    /** Adds the subscription at its path, or brings the stored one there up to date. */
    private static void upsert(Connection connection, Subscription subscription, Instant now, int position)
            throws SQLException {
        String path = subscription.id();
        Jdbc.update(connection, """
                INSERT INTO subscription (path, url, key_seed, created_at, origin, position, author, item_limit,
                                          interval_ms, comments, cover_image, update_items)
                VALUES (?, ?, ?, ?, 'config', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (path) DO UPDATE SET
                    url = excluded.url,
                    retired_at = NULL,
                    origin = 'config',
                    position = excluded.position,
                    author = excluded.author,
                    item_limit = excluded.item_limit,
                    interval_ms = excluded.interval_ms,
                    comments = excluded.comments,
                    cover_image = excluded.cover_image,
                    update_items = excluded.update_items,
                    etag = CASE WHEN subscription.url = excluded.url THEN subscription.etag END,
                    last_modified = CASE WHEN subscription.url = excluded.url THEN subscription.last_modified END,
                    revalidation = CASE WHEN subscription.url = excluded.url THEN subscription.revalidation END,
                    body_hash = CASE WHEN subscription.url = excluded.url THEN subscription.body_hash END,
                    instance = CASE WHEN subscription.url = excluded.url THEN subscription.instance END,
                    next_due_at = CASE WHEN subscription.url = excluded.url THEN subscription.next_due_at END,
                    permanent = CASE WHEN subscription.url = excluded.url THEN subscription.permanent ELSE 0 END
                """, path, subscription.url().text(), path, now, position,
                subscription.author().equals(subscription.path().site()) ? null : subscription.author(),
                subscription.limit().isPresent() ? subscription.limit().getAsInt() : null,
                subscription.interval().equals(Subscription.DEFAULT_INTERVAL) ? null
                        : subscription.interval().toMillis(),
                subscription.comments() ? 1 : 0, subscription.image().orElse(null), subscription.update() ? 1 : 0);
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

    private static List<SubscriptionState> followed(Connection connection) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM subscription WHERE retired_at IS NULL " + TREE_ORDER,
                JdbcSubscriptionStore::state);
    }

    @Override
    public List<SubscriptionState> followed() {
        return jdbc.withConnection("list followed subscriptions", JdbcSubscriptionStore::followed);
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
                SELECT subscription_id, COUNT(*) AS posts FROM entry INDEXED BY entry_written
                WHERE status = 'written' GROUP BY subscription_id
                """, row -> counts.put(row.getLong("subscription_id"), row.getInt("posts")));
        return counts;
    }

    @Override
    public Map<Long, Integer> entryCounts() {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query("count entries", "SELECT subscription_id, COUNT(*) AS entries FROM entry GROUP BY subscription_id",
                row -> counts.put(row.getLong("subscription_id"), row.getInt("entries")));
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

    @Override
    public int dueNow(Optional<Long> subscriptionId, Instant now) {
        return subscriptionId.isPresent()
                ? jdbc.update("make subscription " + subscriptionId.get() + " due",
                        "UPDATE subscription SET next_due_at = ? WHERE id = ? AND retired_at IS NULL", now,
                        subscriptionId.get())
                : jdbc.update("make every subscription due",
                        "UPDATE subscription SET next_due_at = ? WHERE retired_at IS NULL", now);
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
        return new SubscriptionState(row.getLong("id"), subscription(row), Origin.ofColumn(row.getString("origin")),
                seed.isEmpty() ? path : seed, Jdbc.instant(row, "retired_at"), memo, health,
                Jdbc.instant(row, "paused_at"));
    }

    /** The subscription a row declares; an option left null has its default. */
    private static Subscription subscription(ResultSet row) throws SQLException {
        CategoryPath path = CategoryPath.parse(row.getString("path"));
        int limit = row.getInt("item_limit");
        OptionalInt itemLimit = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(limit);
        long interval = row.getLong("interval_ms");
        Duration every = row.wasNull() ? Subscription.DEFAULT_INTERVAL : Duration.ofMillis(interval);
        return new Subscription(path, row.getString("url"),
                Optional.ofNullable(row.getString("author")).orElse(path.site()), itemLimit, every,
                row.getInt("comments") != 0, Optional.ofNullable(row.getString("cover_image")),
                row.getInt("update_items") != 0);
    }
}
