-- Schema version 11: measurable habits. A habit may count an amount (minutes, times) against a
-- target over its period instead of yes/no: `unit` (empty for a plain count) and `target` are both
-- set for such a habit and both NULL for a yes/no one; `at_most` makes the target a ceiling. The period is the habit's
-- schedule, once in `days` days (1, 7 or 30), as Loop Habit Tracker keeps it.
--
-- A measurable habit's check-in is `state = 'done'` with the day's `amount` (zero or more), or
-- `state = 'skipped'` with none; whether the target was met is worked out from the amounts.
ALTER TABLE habit ADD COLUMN unit TEXT
    CHECK (unit IS NULL OR length(unit) <= 40);
ALTER TABLE habit ADD COLUMN target REAL
    CHECK ((target IS NULL) = (unit IS NULL) AND (target IS NULL OR target BETWEEN 0 AND 1e9));
ALTER TABLE habit ADD COLUMN at_most INTEGER NOT NULL DEFAULT 0
    CHECK (at_most IN (0, 1));

ALTER TABLE check_in ADD COLUMN amount REAL
    CHECK (amount IS NULL OR (amount BETWEEN 0 AND 1e9 AND state = 'done'));
