-- api_password: the password of the reader apps' APIs (Google Reader, Fever), set apart from the
-- account's so that an app holding it cannot sign in to the pages. Google Reader's ClientLogin checks it
-- against its Argon2id hash; Fever's clients send md5(username:password) on every call, so that md5 is
-- what Fever can be checked against, and it is kept as such. Both belong to the account's name: when
-- the name changes the row goes (the md5 would no longer match anything a client could send).
CREATE TABLE api_password (
    id            INTEGER PRIMARY KEY CHECK (id = 1) REFERENCES account (id) ON DELETE CASCADE,
    username      TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    fever_key     TEXT    NOT NULL,
    changed_at    INTEGER NOT NULL
);
