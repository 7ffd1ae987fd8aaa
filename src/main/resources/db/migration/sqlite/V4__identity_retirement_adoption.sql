-- A subscription keeps its identity when it moves in the category tree, and is retired rather than
-- forgotten when it leaves the configuration; posts that were there before the store knew their
-- items are adopted, and a post moving with its subscription is recorded until its file has moved.

-- key_seed: what entry keys are made from. It is the path the subscription was first stored at and
-- stays when the subscription moves, so its items keep their keys (and their posts) under a new path.
ALTER TABLE subscription ADD COLUMN key_seed TEXT NOT NULL DEFAULT '';
UPDATE subscription SET key_seed = path;
-- retired_at: when the subscription left the configuration; its posts and pages stay until pruned.
ALTER TABLE subscription ADD COLUMN retired_at INTEGER;

-- adopted: 1 for a post found on disk whose feed item the store has not seen (gleaner adopt, or a
-- store made anew beside existing posts); the item, when a fetch brings it, takes the post over.
ALTER TABLE entry ADD COLUMN adopted INTEGER NOT NULL DEFAULT 0;
-- moved_from: the post's old path while its subscription's move has not yet moved the file.
ALTER TABLE entry ADD COLUMN moved_from TEXT;

CREATE INDEX entry_adopted ON entry (subscription_id) WHERE adopted = 1;
CREATE INDEX entry_moving ON entry (moved_from) WHERE moved_from IS NOT NULL;
