-- Schema version 2: self-assessments. Only raw answers and the instrument's id and version are
-- stored; scores are always recomputed from them, so a fixed scoring bug fixes history too.

CREATE TABLE assessment (
    id                 INTEGER PRIMARY KEY,
    person_id          INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    instrument_id      TEXT NOT NULL CHECK (length(instrument_id) BETWEEN 1 AND 100),
    instrument_version INTEGER NOT NULL CHECK (instrument_version >= 1),
    started_at         TEXT NOT NULL,
    completed_at       TEXT,
    -- The questionnaire step to reopen an unfinished assessment on.
    position           INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0)
) STRICT;

CREATE INDEX assessment_by_person ON assessment (person_id, completed_at);

-- At most one unfinished assessment per person: reopening the app resumes it.
CREATE UNIQUE INDEX assessment_one_open ON assessment (person_id) WHERE completed_at IS NULL;

-- A Likert answer; NULL value means the person chose to skip the item.
CREATE TABLE assessment_answer (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    item_id       TEXT NOT NULL,
    value         INTEGER,
    answered_at   TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_id)
) STRICT, WITHOUT ROWID;

-- A situational-judgement choice; NULL option means the scenario was skipped.
CREATE TABLE assessment_choice (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    scenario_id   TEXT NOT NULL,
    option_id     TEXT,
    answered_at   TEXT NOT NULL,
    PRIMARY KEY (assessment_id, scenario_id)
) STRICT, WITHOUT ROWID;
