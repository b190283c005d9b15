-- Sync between a person's computers. A row is known on every device by its primary key, so keys
-- must be ones no other device can make: new rows get a key from the time they were made and a
-- random part (see ids.rs), and the hook that runs with this step gives every existing row such a
-- key, in the same order, changing every reference to it. What follows is what a device keeps
-- for sync beside the data; none of it is exported.

-- Rules that two computers could each keep alone and break together, before they hear from each
-- other, become rules of the code that reads: one reminder a habit a time of day (two made at once
-- read as one), one unfinished assessment and exercise run a person (the newest is resumed).
CREATE TABLE reminder_without_unique (
    id       INTEGER PRIMARY KEY,
    habit_id INTEGER NOT NULL REFERENCES habit (id) ON DELETE CASCADE,
    time     TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
    weekdays INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127)
) STRICT;
INSERT INTO reminder_without_unique (id, habit_id, time, weekdays)
    SELECT id, habit_id, time, weekdays FROM reminder;
DROP TABLE reminder;
ALTER TABLE reminder_without_unique RENAME TO reminder;
CREATE INDEX reminder_by_habit ON reminder (habit_id, time);

DROP INDEX assessment_one_open;
CREATE INDEX assessment_open ON assessment (person_id) WHERE completed_at IS NULL;
DROP INDEX exercise_run_one_open;
CREATE INDEX exercise_run_open ON exercise_run (person_id) WHERE finished_at IS NULL;

-- When each synced row came to be ("born") and when each column changed after that ("cells",
-- a JSON object of column number to stamp): the later change wins, column by column.
CREATE TABLE sync_row (
    tbl   TEXT NOT NULL,
    pk    TEXT NOT NULL,
    born  TEXT NOT NULL,
    cells TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (tbl, pk)
) STRICT, WITHOUT ROWID;

-- Rows deleted, and when: a row deleted later than another device made it stays deleted there.
-- For a row of a person's writing, whose it was and its day: an edit to it made elsewhere before
-- the deletion was known is kept in that person's journal.
CREATE TABLE sync_gone (
    tbl        TEXT NOT NULL,
    pk         TEXT NOT NULL,
    stamp      TEXT NOT NULL,
    owner      INTEGER,
    owner_day  TEXT,
    PRIMARY KEY (tbl, pk)
) STRICT, WITHOUT ROWID;

-- This device's changes not yet written to the sync folder: one changeset per transaction.
-- Without a rowid, so that recording a change leaves last_insert_rowid() to the change itself.
CREATE TABLE sync_outbox (
    seq     INTEGER NOT NULL PRIMARY KEY,
    stamp   TEXT NOT NULL,
    changes BLOB NOT NULL
) STRICT, WITHOUT ROWID;
