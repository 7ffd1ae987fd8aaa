-- entry_reader: what the reader's lists need of each published entry, in an index of its own: which
-- subscription, and the dates they are filtered and sorted by. Without it a list, a count or the unread
-- counts per feed read every published row, bodies and all (a second at 50,000 entries); through it
-- they read the index alone, and only the page's own rows after. The reader's queries name it, as the
-- planner otherwise prefers entry_by_status.
CREATE INDEX entry_reader ON entry (entry_key, subscription_id, published_at, updated_at, first_seen_at, status)
WHERE status = 'written';
