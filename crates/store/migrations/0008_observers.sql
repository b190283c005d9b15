-- Schema version 8: observer (360) forms. A person asks observers (a name or a role, nothing
-- more) to answer the instrument's items about them; each request has a random token that ties a
-- returned answers file to it, and is answered once, here at this screen or through that file.
-- Everything goes with the person (ON DELETE CASCADE), so erasing a client erases their
-- observers' answers too.

CREATE TABLE observer_request (
    id                 INTEGER PRIMARY KEY,
    person_id          INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    observer           TEXT NOT NULL CHECK (length(observer) BETWEEN 1 AND 100),
    token              TEXT NOT NULL UNIQUE CHECK (length(token) = 32),
    instrument_id      TEXT NOT NULL CHECK (length(instrument_id) BETWEEN 1 AND 100),
    instrument_version INTEGER NOT NULL CHECK (instrument_version >= 1),
    created_at         TEXT NOT NULL,
    answered_at        TEXT,
    answered_via       TEXT CHECK (answered_via IN ('here', 'file')),
    CHECK ((answered_at IS NULL) = (answered_via IS NULL))
) STRICT;

CREATE INDEX observer_request_by_person ON observer_request (person_id, id);

-- One row per item of the form; NULL: the observer left it unanswered.
CREATE TABLE observer_answer (
    request_id INTEGER NOT NULL REFERENCES observer_request (id) ON DELETE CASCADE,
    item_id    TEXT NOT NULL CHECK (length(item_id) BETWEEN 1 AND 100),
    value      INTEGER,
    PRIMARY KEY (request_id, item_id)
) STRICT, WITHOUT ROWID;
