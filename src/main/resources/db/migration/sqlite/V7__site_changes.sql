-- site_state: one row, so that a build with nothing new can tell so whatever the size of the archive.
-- changes counts every change to what the site is built from (its entries, and the paths of their
-- subscriptions), kept by the triggers below. built_key is what the last finished build was made
-- from (its inputs and the count it saw); built_folders and built_witness are the output folders it
-- left (newline-separated) and a digest of their modification times, which a deleted page changes.
CREATE TABLE site_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    changes       INTEGER NOT NULL,
    built_key     TEXT,
    built_items   INTEGER NOT NULL DEFAULT 0,
    built_files   INTEGER NOT NULL DEFAULT 0,
    built_folders TEXT NOT NULL DEFAULT '',
    built_witness TEXT NOT NULL DEFAULT ''
);
INSERT INTO site_state (id, changes) VALUES (1, 0);

CREATE TRIGGER entry_inserted AFTER INSERT ON entry
BEGIN UPDATE site_state SET changes = changes + 1; END;
-- Only a change of what the site shows counts: a fetch that sees known items again (last_seen_at),
-- the posts' own bookkeeping (post_path, written_at, adopted, moved_from) and a pass that writes the
-- same subscription again change nothing on it.
CREATE TRIGGER entry_updated AFTER UPDATE ON entry
WHEN OLD.subscription_id IS NOT NEW.subscription_id OR OLD.guid IS NOT NEW.guid OR OLD.link IS NOT NEW.link
    OR OLD.title IS NOT NEW.title OR OLD.author IS NOT NEW.author OR OLD.published_at IS NOT NEW.published_at
    OR OLD.updated_at IS NOT NEW.updated_at OR OLD.summary IS NOT NEW.summary OR OLD.content IS NOT NEW.content
    OR OLD.categories IS NOT NEW.categories OR OLD.enclosures IS NOT NEW.enclosures
    OR OLD.content_hash IS NOT NEW.content_hash OR OLD.first_seen_at IS NOT NEW.first_seen_at
    OR OLD.status IS NOT NEW.status OR OLD.body_html IS NOT NEW.body_html
BEGIN UPDATE site_state SET changes = changes + 1; END;
CREATE TRIGGER entry_deleted AFTER DELETE ON entry
BEGIN UPDATE site_state SET changes = changes + 1; END;
CREATE TRIGGER subscription_changed AFTER UPDATE ON subscription
WHEN OLD.path IS NOT NEW.path OR OLD.url IS NOT NEW.url OR OLD.retired_at IS NOT NEW.retired_at
BEGIN UPDATE site_state SET changes = changes + 1; END;
