package dev.gleaner.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The account in the {@code account} table's one row, and its API password in {@code api_password}'s. */
final class JdbcAccountStore implements AccountStore {
    private final Jdbc jdbc;

    JdbcAccountStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> account() {
        return jdbc.query("read the account", "SELECT username, password_hash, changed_at FROM account WHERE id = 1",
                row -> new Account(row.getString(1), row.getString(2), Jdbc.instant(row, "changed_at").orElseThrow()))
                .stream().findFirst();
    }

    @Override
    public void set(Account account) {
        jdbc.inTransaction("set the account", connection -> {
            Jdbc.update(connection, "DELETE FROM api_password WHERE username <> ?", account.username());
            return Jdbc.update(connection, """
                    INSERT INTO account (id, username, password_hash, changed_at) VALUES (1, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET username = excluded.username, password_hash = excluded.password_hash,
                        changed_at = excluded.changed_at
                    """, account.username(), account.passwordHash(), account.changedAt());
        });
    }

    @Override
    public Optional<ApiPassword> apiPassword() {
        return jdbc.query("read the API password", """
                SELECT p.username, p.password_hash, p.fever_key, p.changed_at FROM api_password p
                JOIN account a ON a.id = p.id AND a.username = p.username
                """, row -> new ApiPassword(row.getString(1), row.getString(2), row.getString(3),
                        Jdbc.instant(row, "changed_at").orElseThrow()))
                .stream().findFirst();
    }

    @Override
    public boolean setApiPassword(ApiPassword password) {
        return jdbc.update("set the API password", """
                INSERT INTO api_password (id, username, password_hash, fever_key, changed_at)
                SELECT 1, ?, ?, ?, ? FROM account WHERE id = 1 AND username = ?
                ON CONFLICT (id) DO UPDATE SET username = excluded.username, password_hash = excluded.password_hash,
                    fever_key = excluded.fever_key, changed_at = excluded.changed_at
                """, password.username(), password.passwordHash(), password.feverKey(), password.changedAt(),
                password.username()) == 1;
    }

    @Override
    public List<ApiKey> apiKeys() {
        return jdbc.query("list the API keys", "SELECT id, description, created_at, last_used_at FROM api_key ORDER BY id",
                JdbcAccountStore::apiKey);
    }

    @Override
    public Optional<ApiKey> addApiKey(String description, String tokenHash, Instant at) {
        return jdbc.inTransaction("add an API key", connection -> {
            if (Jdbc.update(connection, "INSERT INTO api_key (token_hash, description, created_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", tokenHash, description, at) == 0) {
                return Optional.empty();
            }
            return Jdbc.query(connection, "SELECT id, description, created_at, last_used_at FROM api_key"
                    + " WHERE token_hash = ?", JdbcAccountStore::apiKey, tokenHash).stream().findFirst();
        });
    }

    @Override
    public Optional<ApiKey> useApiKey(String tokenHash, Instant at) {
        return jdbc.inTransaction("sign in with an API key", connection -> {
            Jdbc.update(connection, "UPDATE api_key SET last_used_at = ? WHERE token_hash = ?", at, tokenHash);
            return Jdbc.query(connection, "SELECT id, description, created_at, last_used_at FROM api_key"
                    + " WHERE token_hash = ?", JdbcAccountStore::apiKey, tokenHash).stream().findFirst();
        });
    }

    @Override
    public boolean removeApiKey(long id) {
        return jdbc.update("remove an API key", "DELETE FROM api_key WHERE id = ?", id) == 1;
    }

    private static ApiKey apiKey(ResultSet row) throws SQLException {
        return new ApiKey(row.getLong("id"), row.getString("description"),
                Jdbc.instant(row, "created_at").orElseThrow(), Jdbc.instant(row, "last_used_at"));
    }
}
