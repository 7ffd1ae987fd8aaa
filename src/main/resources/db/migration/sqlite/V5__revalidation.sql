-- How a server is asked whether a feed changed (a fetch.Revalidation name; null for the usual way),
-- kept because servers differ in which validators they honour, and how often asking it worked:
-- fetch_count counts successful fetches, not_modified_count those the server answered with a 304.

ALTER TABLE subscription ADD COLUMN revalidation TEXT;
ALTER TABLE subscription ADD COLUMN fetch_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subscription ADD COLUMN not_modified_count INTEGER NOT NULL DEFAULT 0;
