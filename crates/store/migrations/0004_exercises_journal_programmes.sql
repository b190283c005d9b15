-- Schema version 4: guided exercises and their reflections, free journal notes and the journal's
-- full-text index, retreat programmes and a person's progress in them, and the participant results
-- a facilitator imports.

-- One run of an exercise; unfinished runs are resumed (one at a time per person).
CREATE TABLE exercise_run (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    exercise_id      TEXT NOT NULL,
    exercise_version INTEGER NOT NULL CHECK (exercise_version >= 1),
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    -- The step to resume on.
    step             INTEGER NOT NULL DEFAULT 0 CHECK (step >= 0),
    -- "programme-id/item-key" when run as part of a programme.
    programme_item   TEXT
) STRICT;

CREATE INDEX exercise_run_by_person ON exercise_run (person_id, finished_at);
CREATE UNIQUE INDEX exercise_run_one_open ON exercise_run (person_id) WHERE finished_at IS NULL;

-- A reflection typed (or a rating given) during a run, saved as it is written.
CREATE TABLE reflection (
    run_id     INTEGER NOT NULL REFERENCES exercise_run (id) ON DELETE CASCADE,
    prompt_id  TEXT NOT NULL,
    step       INTEGER NOT NULL CHECK (step >= 0),
    text       TEXT,
    rating     INTEGER CHECK (rating BETWEEN 1 AND 5),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (run_id, prompt_id),
    CHECK (text IS NOT NULL OR rating IS NOT NULL)
) STRICT, WITHOUT ROWID;

-- A note written straight into the journal, outside any exercise or check-in.
CREATE TABLE journal_note (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    text       TEXT NOT NULL CHECK (length(text) >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Every piece of writing in one place, kept up to date by the triggers below, so the journal can
-- list and search reflections, check-in notes and journal notes together.
CREATE TABLE journal_entry (
    id          INTEGER PRIMARY KEY,
    -- 'reflection:<run>/<prompt>', 'check-in:<habit>/<day>' or 'note:<id>'.
    source      TEXT NOT NULL UNIQUE,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    stance      TEXT,
    exercise_id TEXT,
    habit_id    INTEGER,
    text        TEXT NOT NULL
) STRICT;

CREATE INDEX journal_entry_by_day ON journal_entry (person_id, day);

CREATE VIRTUAL TABLE journal_search USING fts5 (
    text,
    content = 'journal_entry',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER journal_entry_ai AFTER INSERT ON journal_entry BEGIN
    INSERT INTO journal_search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER journal_entry_ad AFTER DELETE ON journal_entry BEGIN
    INSERT INTO journal_search (journal_search, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER journal_entry_au AFTER UPDATE ON journal_entry BEGIN
    INSERT INTO journal_search (journal_search, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO journal_search (rowid, text) VALUES (new.id, new.text);
END;

-- Check-in notes feed the journal.
CREATE TRIGGER check_in_journal_ai AFTER INSERT ON check_in WHEN new.note IS NOT NULL BEGIN
    INSERT INTO journal_entry (source, person_id, day, stance, habit_id, text)
    SELECT 'check-in:' || new.habit_id || '/' || new.day, h.person_id, new.day, h.stance, h.id, new.note
    FROM habit h WHERE h.id = new.habit_id;
END;
CREATE TRIGGER check_in_journal_au AFTER UPDATE ON check_in BEGIN
    DELETE FROM journal_entry WHERE source = 'check-in:' || old.habit_id || '/' || old.day;
    INSERT INTO journal_entry (source, person_id, day, stance, habit_id, text)
    SELECT 'check-in:' || new.habit_id || '/' || new.day, h.person_id, new.day, h.stance, h.id, new.note
    FROM habit h WHERE h.id = new.habit_id AND new.note IS NOT NULL;
END;
CREATE TRIGGER check_in_journal_ad AFTER DELETE ON check_in BEGIN
    DELETE FROM journal_entry WHERE source = 'check-in:' || old.habit_id || '/' || old.day;
END;

-- Free-text reflections feed the journal (ratings are numbers, not writing).
CREATE TRIGGER reflection_journal_ai AFTER INSERT ON reflection WHEN new.text IS NOT NULL BEGIN
    INSERT INTO journal_entry (source, person_id, day, exercise_id, text)
    SELECT 'reflection:' || new.run_id || '/' || new.prompt_id, r.person_id,
           substr(r.started_at, 1, 10), r.exercise_id, new.text
    FROM exercise_run r WHERE r.id = new.run_id;
END;
CREATE TRIGGER reflection_journal_au AFTER UPDATE ON reflection BEGIN
    DELETE FROM journal_entry WHERE source = 'reflection:' || old.run_id || '/' || old.prompt_id;
    INSERT INTO journal_entry (source, person_id, day, exercise_id, text)
    SELECT 'reflection:' || new.run_id || '/' || new.prompt_id, r.person_id,
           substr(r.started_at, 1, 10), r.exercise_id, new.text
    FROM exercise_run r WHERE r.id = new.run_id AND new.text IS NOT NULL;
END;
CREATE TRIGGER reflection_journal_ad AFTER DELETE ON reflection BEGIN
    DELETE FROM journal_entry WHERE source = 'reflection:' || old.run_id || '/' || old.prompt_id;
END;

CREATE TRIGGER note_journal_ai AFTER INSERT ON journal_note BEGIN
    INSERT INTO journal_entry (source, person_id, day, text)
    VALUES ('note:' || new.id, new.person_id, new.day, new.text);
END;
CREATE TRIGGER note_journal_au AFTER UPDATE ON journal_note BEGIN
    UPDATE journal_entry SET day = new.day, text = new.text WHERE source = 'note:' || new.id;
END;
CREATE TRIGGER note_journal_ad AFTER DELETE ON journal_note BEGIN
    DELETE FROM journal_entry WHERE source = 'note:' || old.id;
END;

-- Check-in notes written before this version join the journal too.
INSERT INTO journal_entry (source, person_id, day, stance, habit_id, text)
SELECT 'check-in:' || c.habit_id || '/' || c.day, h.person_id, c.day, h.stance, h.id, c.note
FROM check_in c JOIN habit h ON h.id = c.habit_id WHERE c.note IS NOT NULL;

-- Programmes a person has: the built-in one is loaded from assets, not stored; imported and
-- authored ones are kept as their exchange file (JSON), re-validated whenever they are read.
CREATE TABLE programme (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version >= 1),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('imported', 'authored')),
    saved_at    TEXT NOT NULL
) STRICT;

-- Which programme items a person has done.
CREATE TABLE programme_progress (
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    programme_id TEXT NOT NULL,
    item_key     TEXT NOT NULL,
    done_at      TEXT NOT NULL,
    PRIMARY KEY (person_id, programme_id, item_key)
) STRICT, WITHOUT ROWID;

-- Participants' results files a facilitator imported; a participant's newer file replaces theirs.
CREATE TABLE cohort_result (
    programme_id     TEXT NOT NULL,
    participant_code TEXT NOT NULL,
    body             TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    PRIMARY KEY (programme_id, participant_code)
) STRICT, WITHOUT ROWID;
