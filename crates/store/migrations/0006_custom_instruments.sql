-- Schema version 6: a coach's own instruments. The file's text is kept as imported and parsed
-- again when loaded; an id and version, once imported, never change meaning, because
-- assessments taken on them are re-scored against that text forever.

CREATE TABLE custom_instrument (
    instrument_id      TEXT NOT NULL CHECK (length(instrument_id) BETWEEN 1 AND 100),
    instrument_version INTEGER NOT NULL CHECK (instrument_version >= 1),
    file_text          TEXT NOT NULL CHECK (length(CAST(file_text AS BLOB)) BETWEEN 1 AND 1048576),
    imported_at        TEXT NOT NULL,
    PRIMARY KEY (instrument_id, instrument_version)
) STRICT;
