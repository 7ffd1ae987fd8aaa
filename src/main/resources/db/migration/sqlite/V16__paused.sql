-- paused_at: when a subscription was paused from the reader's page; NULL while it is fetched. A paused
-- subscription stays followed (its entries, posts and place in the tree are kept) but no pass fetches it
-- until it is resumed. Unlike an edit, a pause is the store's alone, for feeds the configuration file
-- declares too: the file says what is followed, not when one is given a rest.
ALTER TABLE subscription ADD COLUMN paused_at INTEGER;
