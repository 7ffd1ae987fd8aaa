package dev.gleaner.store;

import java.util.Optional;

/** The account in the {@code account} table's one row. */
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
        jdbc.update("set the account", """
                INSERT INTO account (id, username, password_hash, changed_at) VALUES (1, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET username = excluded.username, password_hash = excluded.password_hash,
                    changed_at = excluded.changed_at
                """, account.username(), account.passwordHash(), account.changedAt());
    }
}
