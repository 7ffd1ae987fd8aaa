-- reader_category: the numbers the reader APIs give the categories of the tree. Miniflux's categories
-- are flat, so a feed's category there is the path above it (社交媒体/知乎, shown 社交媒体 › 知乎); each is
-- numbered the first time an API names it and keeps its number, so that a client's ids stay put (and
-- fit in 32 bits) while the tree changes around it.
CREATE TABLE reader_category (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT    NOT NULL UNIQUE
);
