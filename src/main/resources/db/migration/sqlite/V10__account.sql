-- account: the one person gleaner serve is for, and the credentials its pages and APIs take. The
-- password is kept only as its Argon2id hash in PHC form ($argon2id$v=19$m=…,t=…,p=…$salt$hash).
CREATE TABLE account (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    username      TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    changed_at    INTEGER NOT NULL
);
