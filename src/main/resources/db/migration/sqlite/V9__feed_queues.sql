-- What a pass asks of each feed it fetched, its entries waiting to be published and its adopted posts,
-- read from indexes that hold only those: through entry_by_subscription, SQLite would read every entry
-- the feed ever had, and reach the flags past the bodies, so each pass would cost what the archive holds.
CREATE INDEX entry_pending ON entry (subscription_id, first_seen_at) WHERE status = 'pending';
DROP INDEX entry_adopted;
CREATE INDEX entry_adopted ON entry (subscription_id, first_seen_at, entry_key) WHERE adopted = 1;
