-- The journal's search finds words inside text in any script. The word tokenizer took a run of
-- Chinese or Thai characters (scripts without spaces) as one word, so a word inside a sentence was
-- never found; the trigram tokenizer indexes every three characters, so any part of three or more
-- characters is found (shorter queries are matched by a plain scan in the store). Case and Latin
-- diacritics are still ignored. The index is derived from journal_entry: rebuilt here, and kept
-- up to date by the same triggers, which name it and so carry on unchanged.
DROP TABLE journal_search;

CREATE VIRTUAL TABLE journal_search USING fts5 (
    text,
    content = 'journal_entry',
    content_rowid = 'id',
    tokenize = 'trigram remove_diacritics 1'
);

INSERT INTO journal_search (journal_search) VALUES ('rebuild');
