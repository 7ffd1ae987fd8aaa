-- What the HTML site was last built from, so that a build renders only what changed.
-- site_item: per entry, the fingerprint of what its page showed, and the excerpt and cover taken
-- from its body (list pages, feeds and the search index show them without reading bodies again).
-- site_page: per output file, the fingerprint of what it was rendered from.

-- entry.body_html: the sanitized body as its post holds it, so the site need not sanitize it again;
-- null until the post is written, and again when the item's content changes.
ALTER TABLE entry ADD COLUMN body_html TEXT;

CREATE TABLE site_item (
    entry_key   TEXT PRIMARY KEY REFERENCES entry (entry_key) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    excerpt     TEXT NOT NULL,
    cover       TEXT NOT NULL
);

CREATE TABLE site_page (
    path        TEXT PRIMARY KEY,  -- relative to the site's output folder, with /
    fingerprint TEXT NOT NULL
);
