-- Schema version 1: the people the app knows about.
-- Migrations are append-only: never edit a shipped file, add the next one instead.

CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('me', 'client')),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- There is exactly one "me" at most.
CREATE UNIQUE INDEX person_single_me ON person (kind) WHERE kind = 'me';
