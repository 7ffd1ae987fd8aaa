-- Subscriptions live in the store: what a configuration file declares is reconciled into it at start
-- (origin 'config', and the file owns it), and what is added from the command line lives here alone
-- (origin 'added'). Every option of a subscription is kept, so everything downstream reads the store.

ALTER TABLE subscription ADD COLUMN origin TEXT NOT NULL DEFAULT 'config' CHECK (origin IN ('config', 'added'));
-- position: the order of the tree, as the configuration lists it; added subscriptions come after.
ALTER TABLE subscription ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
-- The options; null is the default (author: the site level of the path; interval: 30 minutes).
ALTER TABLE subscription ADD COLUMN author TEXT;
ALTER TABLE subscription ADD COLUMN item_limit INTEGER;
ALTER TABLE subscription ADD COLUMN interval_ms INTEGER;
ALTER TABLE subscription ADD COLUMN comments INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subscription ADD COLUMN cover_image TEXT;
ALTER TABLE subscription ADD COLUMN update_items INTEGER NOT NULL DEFAULT 0;

UPDATE subscription SET position = id;
