-- Times are milliseconds since the epoch, UTC.

CREATE TABLE subscription (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    path                 TEXT    NOT NULL UNIQUE,  -- category path, the subscription's identity
    url                  TEXT    NOT NULL,
    etag                 TEXT,
    last_modified        TEXT,
    last_attempt_at      INTEGER,
    last_success_at      INTEGER,
    last_error           TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL
);

CREATE TABLE entry (
    entry_key       TEXT    PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    guid            TEXT    NOT NULL,
    link            TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    author          TEXT    NOT NULL,
    published_at    INTEGER,
    updated_at      INTEGER,
    summary         TEXT    NOT NULL,
    content         TEXT    NOT NULL,
    categories      TEXT    NOT NULL,  -- JSON array of strings
    enclosures      TEXT    NOT NULL,  -- JSON array of {url, type, length}
    content_hash    TEXT    NOT NULL,
    first_seen_at   INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'written', 'skipped')),
    post_path       TEXT    UNIQUE,    -- relative to the posts folder; reserved before the file is written
    written_at      INTEGER
);

CREATE INDEX entry_by_status ON entry (status, first_seen_at);
CREATE INDEX entry_by_subscription ON entry (subscription_id, first_seen_at);
