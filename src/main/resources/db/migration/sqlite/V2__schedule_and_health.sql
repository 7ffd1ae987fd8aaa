-- What scheduling and health need: when a subscription is due, what its last body was, which
-- RSSHub instance answered, and how long and how badly it has been failing.

ALTER TABLE subscription ADD COLUMN next_due_at INTEGER;
ALTER TABLE subscription ADD COLUMN body_hash TEXT;
ALTER TABLE subscription ADD COLUMN instance TEXT;
ALTER TABLE subscription ADD COLUMN last_status INTEGER;
ALTER TABLE subscription ADD COLUMN failing_since INTEGER;
ALTER TABLE subscription ADD COLUMN permanent INTEGER NOT NULL DEFAULT 0;

CREATE INDEX subscription_by_due ON subscription (next_due_at);
