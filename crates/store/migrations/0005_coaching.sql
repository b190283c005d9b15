-- Schema version 5: a coach's clients (contact, tags, consent with its history), the sessions
-- held with them and the homework set in those sessions. Everything about a person goes when the
-- person row does (ON DELETE CASCADE): erasing a client is one DELETE.

ALTER TABLE person ADD COLUMN contact TEXT CHECK (contact IS NULL OR length(contact) BETWEEN 1 AND 200);

CREATE TABLE person_tag (
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    tag       TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
    PRIMARY KEY (person_id, tag)
) STRICT, WITHOUT ROWID;

-- One row per change; the newest is the current consent, older ones are its history.
CREATE TABLE consent (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    agreed_on    TEXT NOT NULL,
    terms        TEXT NOT NULL CHECK (length(terms) BETWEEN 1 AND 2000),
    withdrawn_on TEXT,
    recorded_at  TEXT NOT NULL
) STRICT;

CREATE INDEX consent_by_person ON consent (person_id, id);

-- starts_at is the coach's local date and time ("2026-11-22T09:30:00"); notes are Markdown.
CREATE TABLE session (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    starts_at  TEXT NOT NULL,
    agenda     TEXT NOT NULL DEFAULT '' CHECK (length(agenda) <= 2000),
    notes      TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX session_by_person ON session (person_id, starts_at);

-- A habit the client took on or an exercise to do, set in a session.
CREATE TABLE homework (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('habit', 'exercise')),
    habit_id    INTEGER REFERENCES habit (id) ON DELETE CASCADE,
    exercise_id TEXT CHECK (exercise_id IS NULL OR length(exercise_id) BETWEEN 1 AND 100),
    assigned_on TEXT NOT NULL,
    CHECK ((kind = 'habit' AND habit_id IS NOT NULL AND exercise_id IS NULL)
        OR (kind = 'exercise' AND exercise_id IS NOT NULL AND habit_id IS NULL))
) STRICT;

CREATE INDEX homework_by_person ON homework (person_id, assigned_on);
CREATE INDEX homework_by_session ON homework (session_id);
