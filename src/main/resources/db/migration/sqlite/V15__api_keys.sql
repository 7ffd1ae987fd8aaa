-- api_key: the keys Miniflux's clients send as X-Auth-Token, each made for one app and removable on its
-- own. Only the SHA-256 of a key is kept: keys are long random strings, so a fast hash is enough to make
-- a stolen store useless for signing in, and the key itself is shown once, when it is made.
CREATE TABLE api_key (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash   TEXT    NOT NULL UNIQUE,
    description  TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
