-- reader_search: the text of each published entry, for the reader's search. FTS5's trigram tokenizer
-- indexes every run of three characters, so a query matches inside words, and Chinese, which has no
-- spaces between words, is found as well as any other text; shorter queries are matched with LIKE over
-- the same text. Rows are numbered as reader_entry is, and filled by the server as entries are published
-- (the text comes from the body's HTML), so a store that is never served carries none of this.
CREATE VIRTUAL TABLE reader_search USING fts5 (title, body, tokenize = 'trigram');

CREATE TRIGGER reader_search_gone AFTER DELETE ON reader_entry
BEGIN
    DELETE FROM reader_search WHERE rowid = OLD.id;
END;
