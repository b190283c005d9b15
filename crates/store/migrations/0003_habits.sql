-- Schema version 3: habits and their check-ins, reminders, the daily energy check-in, and the
-- app's own settings.

CREATE TABLE habit (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- The library habit it was added from; NULL for the person's own.
    library_id  TEXT,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- NULL: not about a stance (an imported habit, say); left out of the per-stance roll-up.
    stance      TEXT CHECK (stance IN ('front', 'behind', 'servant', 'rest')),
    why         TEXT,
    -- The schedule: `times` check-ins in every `days` days (daily = 1/1, three a week = 3/7).
    times       INTEGER NOT NULL CHECK (times >= 1),
    days        INTEGER NOT NULL CHECK (days >= times AND days <= 365),
    position    INTEGER NOT NULL,
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    -- Where an imported habit came from ("loop:<key>"): importing the same file twice adds nothing.
    import_key  TEXT
) STRICT;

CREATE INDEX habit_by_person ON habit (person_id, archived_at, position);
CREATE UNIQUE INDEX habit_import_once ON habit (person_id, import_key) WHERE import_key IS NOT NULL;

-- One row per habit and local calendar day. A NULL state is a note on a day with no check-in
-- (kept from imports, so no note is ever dropped).
CREATE TABLE check_in (
    habit_id    INTEGER NOT NULL REFERENCES habit (id) ON DELETE CASCADE,
    day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    state       TEXT CHECK (state IN ('done', 'not_done', 'skipped')),
    note        TEXT,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (habit_id, day),
    CHECK (state IS NOT NULL OR note IS NOT NULL)
) STRICT, WITHOUT ROWID;

-- A reminder: a local time of day on some weekdays (bit 0 = Monday … bit 6 = Sunday).
CREATE TABLE reminder (
    id       INTEGER PRIMARY KEY,
    habit_id INTEGER NOT NULL REFERENCES habit (id) ON DELETE CASCADE,
    time     TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
    weekdays INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
    UNIQUE (habit_id, time)
) STRICT;

CREATE TABLE energy_check_in (
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    note        TEXT,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (person_id, day)
) STRICT, WITHOUT ROWID;

-- Small app preferences (a notice shown once, sounds muted…). Anything a person wrote lives in
-- the tables above, never here.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
