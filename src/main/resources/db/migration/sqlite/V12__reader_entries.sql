-- reader_entry: what the reader APIs know of each published entry: its number, given in the order
-- entries were published and never reused (32 bits, as Miniflux's clients expect), and whether it has
-- been read or starred. Kept apart from entry, so that marking items read never rewrites the rows
-- that hold their bodies. An entry gets its row when it is marked written, whichever way.
CREATE TABLE reader_entry (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_key  TEXT    NOT NULL UNIQUE REFERENCES entry (entry_key) ON DELETE CASCADE,
    is_read    INTEGER NOT NULL DEFAULT 0,
    is_starred INTEGER NOT NULL DEFAULT 0,
    changed_at INTEGER NOT NULL
);
CREATE INDEX reader_entry_unread ON reader_entry (id) WHERE is_read = 0;
CREATE INDEX reader_entry_starred ON reader_entry (id) WHERE is_starred = 1;

INSERT INTO reader_entry (entry_key, changed_at)
SELECT entry_key, COALESCE(written_at, first_seen_at) FROM entry WHERE status = 'written'
ORDER BY COALESCE(written_at, first_seen_at), entry_key;

CREATE TRIGGER reader_entry_inserted AFTER INSERT ON entry WHEN NEW.status = 'written'
BEGIN
    INSERT INTO reader_entry (entry_key, changed_at) VALUES (NEW.entry_key, NEW.first_seen_at)
    ON CONFLICT (entry_key) DO NOTHING;
END;

CREATE TRIGGER reader_entry_written AFTER UPDATE OF status ON entry
WHEN NEW.status = 'written' AND OLD.status IS NOT 'written'
BEGIN
    INSERT INTO reader_entry (entry_key, changed_at) VALUES (NEW.entry_key, COALESCE(NEW.written_at, NEW.first_seen_at))
    ON CONFLICT (entry_key) DO NOTHING;
END;
