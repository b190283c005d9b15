-- Schema version 12: the journal's search ignores case and accents in every script. The trigram
-- tokenizer folds case and removes diacritics for Latin letters only ("ελενη" did not find
-- "Ελένη", nor a lower-case Greek word its capitals). The index now holds each entry's text as
-- search compares it, folded by the store's `lb_fold` (lower case, accents of Latin, Greek,
-- Cyrillic, Hebrew and Arabic dropped, letters of other scripts as written: see
-- crates/store/src/fold.rs), and the store folds typed words the same way. The index keeps that
-- folded text itself (the journal shows journal_entry's text, never the index's): a row leaves the
-- index by its id alone, whatever folding it was written with, and words too short for the index
-- are looked for in its text by a plain scan.
--
-- Every connection that writes the journal's sources (check-ins, reflections, journal notes) must
-- know `lb_fold`; the store registers it on each one it opens.
DROP TRIGGER journal_entry_ai;
DROP TRIGGER journal_entry_ad;
DROP TRIGGER journal_entry_au;
DROP TABLE journal_search;

CREATE VIRTUAL TABLE journal_search USING fts5 (
    text,
    -- Folded text is already in lower case.
    tokenize = 'trigram case_sensitive 1'
);

INSERT INTO journal_search (rowid, text) SELECT id, lb_fold(text) FROM journal_entry;

CREATE TRIGGER journal_entry_ai AFTER INSERT ON journal_entry BEGIN
    INSERT INTO journal_search (rowid, text) VALUES (new.id, lb_fold(new.text));
END;
CREATE TRIGGER journal_entry_ad AFTER DELETE ON journal_entry BEGIN
    DELETE FROM journal_search WHERE rowid = old.id;
END;
CREATE TRIGGER journal_entry_au AFTER UPDATE OF id, text ON journal_entry BEGIN
    DELETE FROM journal_search WHERE rowid = old.id;
    INSERT INTO journal_search (rowid, text) VALUES (new.id, lb_fold(new.text));
END;
