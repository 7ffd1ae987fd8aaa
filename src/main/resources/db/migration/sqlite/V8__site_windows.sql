-- What lets a build after a few new items read only what they touch, whatever the archive's size.

-- site_order: where the site lists an entry, newest first: its date (published, else updated), but
-- never later than when a fetch first found it. The index gives every list its order without a sort.
ALTER TABLE entry ADD COLUMN site_order INTEGER
    GENERATED ALWAYS AS (MIN(COALESCE(published_at, updated_at, first_seen_at), first_seen_at)) VIRTUAL;
CREATE INDEX entry_on_site ON entry (site_order DESC, entry_key, subscription_id) WHERE status = 'written';
-- The count of each feed's posts (status) reads this index alone.
CREATE INDEX entry_written ON entry (subscription_id, status) WHERE status = 'written';

-- site_change: every change to what the site shows since its last build, written by the triggers
-- below in the change's own transaction, so a build knows what changed without reading the archive.
-- A row names the entry and where the site listed it before (its subscription and site_order; null
-- when it was not shown). A row without an entry says that more than entries changed (a
-- subscription's path or address): the next build renders everything. Nothing is written before a
-- first build, which renders everything anyway; a build deletes the rows it saw.
CREATE TABLE site_change (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_key           TEXT,
    old_subscription_id INTEGER,
    old_order           INTEGER
);

CREATE TRIGGER site_entry_inserted AFTER INSERT ON entry
WHEN NEW.status = 'written' AND (SELECT built_key FROM site_state) IS NOT NULL
BEGIN INSERT INTO site_change (entry_key) VALUES (NEW.entry_key); END;

CREATE TRIGGER site_entry_updated AFTER UPDATE ON entry
WHEN (OLD.status = 'written' OR NEW.status = 'written') AND (SELECT built_key FROM site_state) IS NOT NULL
    AND (OLD.entry_key IS NOT NEW.entry_key OR OLD.subscription_id IS NOT NEW.subscription_id
    OR OLD.guid IS NOT NEW.guid OR OLD.link IS NOT NEW.link
    OR OLD.title IS NOT NEW.title OR OLD.author IS NOT NEW.author OR OLD.published_at IS NOT NEW.published_at
    OR OLD.updated_at IS NOT NEW.updated_at OR OLD.summary IS NOT NEW.summary OR OLD.content IS NOT NEW.content
    OR OLD.categories IS NOT NEW.categories OR OLD.enclosures IS NOT NEW.enclosures
    OR OLD.content_hash IS NOT NEW.content_hash OR OLD.first_seen_at IS NOT NEW.first_seen_at
    OR OLD.status IS NOT NEW.status OR OLD.body_html IS NOT NEW.body_html)
BEGIN
    INSERT INTO site_change (entry_key, old_subscription_id, old_order)
    VALUES (OLD.entry_key, OLD.subscription_id, CASE WHEN OLD.status = 'written' THEN OLD.site_order END);
    INSERT INTO site_change (entry_key) SELECT NEW.entry_key WHERE NEW.entry_key IS NOT OLD.entry_key;
END;

CREATE TRIGGER site_entry_deleted AFTER DELETE ON entry
WHEN OLD.status = 'written' AND (SELECT built_key FROM site_state) IS NOT NULL
BEGIN
    INSERT INTO site_change (entry_key, old_subscription_id, old_order)
    VALUES (OLD.entry_key, OLD.subscription_id, OLD.site_order);
END;

CREATE TRIGGER site_subscription_changed AFTER UPDATE ON subscription
WHEN (OLD.path IS NOT NEW.path OR OLD.url IS NOT NEW.url OR OLD.retired_at IS NOT NEW.retired_at)
    AND (SELECT built_key FROM site_state) IS NOT NULL
BEGIN INSERT INTO site_change (entry_key) VALUES (NULL); END;

CREATE TRIGGER site_subscription_deleted AFTER DELETE ON subscription
WHEN (SELECT built_key FROM site_state) IS NOT NULL
BEGIN INSERT INTO site_change (entry_key) VALUES (NULL); END;

-- A build now renders what site_change names, and records in site_page only which files it made.
UPDATE site_page SET fingerprint = '' WHERE path NOT LIKE 'search/%';
UPDATE site_state SET built_key = NULL;
