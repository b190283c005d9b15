-- Schema version 7: what was run or used in a coaching session (an assessment taken together, a
-- habit talked through, an exercise done, a programme started), and an optional day by which
-- homework is due. Everything goes with the session or the person (ON DELETE CASCADE), and with
-- the assessment or habit it points at, so erasing a client still leaves nothing behind.

ALTER TABLE homework ADD COLUMN due_on TEXT
    CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- Exercises and programmes are named by their library id (the library is data, not rows);
-- assessments and habits by their row, so the item follows them when they are deleted.
CREATE TABLE session_item (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('assessment', 'habit', 'exercise', 'programme')),
    assessment_id INTEGER REFERENCES assessment (id) ON DELETE CASCADE,
    habit_id      INTEGER REFERENCES habit (id) ON DELETE CASCADE,
    library_id    TEXT CHECK (library_id IS NULL OR length(library_id) BETWEEN 1 AND 100),
    added_at      TEXT NOT NULL,
    CHECK ((kind = 'assessment' AND assessment_id IS NOT NULL
            AND habit_id IS NULL AND library_id IS NULL)
        OR (kind = 'habit' AND habit_id IS NOT NULL
            AND assessment_id IS NULL AND library_id IS NULL)
        OR (kind IN ('exercise', 'programme') AND library_id IS NOT NULL
            AND assessment_id IS NULL AND habit_id IS NULL))
) STRICT;

CREATE INDEX session_item_by_session ON session_item (session_id, id);
CREATE INDEX session_item_by_person ON session_item (person_id);
CREATE INDEX session_item_by_assessment ON session_item (assessment_id)
    WHERE assessment_id IS NOT NULL;
CREATE INDEX session_item_by_habit ON session_item (habit_id) WHERE habit_id IS NOT NULL;
