//! `derived_habit`: each habit's daily strength and streaks as of the last day a screen asked for
//! (core's [`DerivedHabit`]), so that screens read them instead of walking years of check-ins.
//!
//! Never the source of truth, and never exported or synced: the table is not part of the versioned
//! schema but made when the store opens, the JSON export leaves out every table named `derived_*`
//! and so does sync. Triggers on `check_in` note the earliest day that changed
//! (`stale_from`), whoever wrote it (the app, an import, a restore, sync applying another device's
//! changes); the next read recomputes from that day on. A row written by another schema or format
//! version, for another schedule, or that does not decode is rebuilt from the check-ins.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use leadback_core::habits::{
    CheckIns, DerivedHabit, Schedule, StreakCheckpoint, StreakFold, Streaks,
};
use rusqlite::{Connection, OptionalExtension, params};

use crate::check_ins::{parse_day, parse_state};
use crate::migrations::latest_schema_version;
use crate::{HabitRecord, Store, StoreError};

/// Bumped whenever the encoding or a formula changes: every row of another version is rebuilt.
const FORMAT: i64 = 1;

fn version() -> i64 {
    latest_schema_version() * 1_000 + FORMAT
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS derived_habit (
    habit_id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    times INTEGER NOT NULL,
    days INTEGER NOT NULL,
    first TEXT NOT NULL,
    -- The earliest day whose check-in changed since the row was written; NULL: none.
    stale_from TEXT,
    streaks BLOB NOT NULL,
    checkpoints BLOB NOT NULL,
    strength BLOB NOT NULL
);
CREATE TRIGGER IF NOT EXISTS derived_check_in_added AFTER INSERT ON check_in BEGIN
    UPDATE derived_habit SET stale_from = min(coalesce(stale_from, NEW.day), NEW.day)
    WHERE habit_id = NEW.habit_id;
END;
CREATE TRIGGER IF NOT EXISTS derived_check_in_changed AFTER UPDATE ON check_in
WHEN OLD.state IS NOT NEW.state OR OLD.amount IS NOT NEW.amount OR OLD.day IS NOT NEW.day
  OR OLD.habit_id IS NOT NEW.habit_id
BEGIN
    UPDATE derived_habit SET stale_from = min(coalesce(stale_from, OLD.day), OLD.day, NEW.day)
    WHERE habit_id IN (OLD.habit_id, NEW.habit_id);
END;
CREATE TRIGGER IF NOT EXISTS derived_check_in_removed AFTER DELETE ON check_in BEGIN
    UPDATE derived_habit SET stale_from = min(coalesce(stale_from, OLD.day), OLD.day)
    WHERE habit_id = OLD.habit_id;
END;
CREATE TRIGGER IF NOT EXISTS derived_habit_removed AFTER DELETE ON habit BEGIN
    DELETE FROM derived_habit WHERE habit_id = OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS derived_habit_measured AFTER UPDATE OF unit, target, at_most ON habit
BEGIN
    DELETE FROM derived_habit WHERE habit_id = OLD.id;
END;
";

/// Every object [`SCHEMA`] makes.
const OBJECTS: [&str; 6] = [
    "derived_habit",
    "derived_check_in_added",
    "derived_check_in_changed",
    "derived_check_in_removed",
    "derived_habit_removed",
    "derived_habit_measured",
];

/// Makes the table and its triggers if they are missing (a new file, one from before them, or a
/// migration that rebuilt `check_in`), and forgets rows of another version.
/// Reads first, so that opening a database that has them all writes nothing.
pub(crate) fn prepare(conn: &Connection) -> Result<(), StoreError> {
    let names = OBJECTS.map(|name| format!("'{name}'")).join(", ");
    let (present, current): (usize, bool) = conn.query_row(
        &format!(
            "SELECT count(*), coalesce(max(name = 'derived_check_in_changed' AND sql LIKE '%amount%'), 0)
             FROM sqlite_schema WHERE name IN ({names})"
        ),
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if present < OBJECTS.len() || !current {
        // Before measurable habits, a changed amount did not mark the row stale.
        conn.execute_batch("DROP TRIGGER IF EXISTS derived_check_in_changed")?;
        conn.execute_batch(SCHEMA)?;
    }
    let other_version: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM derived_habit WHERE version <> ?1)",
        [version()],
        |row| row.get(0),
    )?;
    if other_version {
        conn.execute("DELETE FROM derived_habit WHERE version <> ?1", [version()])?;
    }
    Ok(())
}

impl Store {
    /// The derived values of `habits` as of `to`, brought up to date from the check-ins that
    /// changed, and kept for next time. A habit with no check-in up to `to` has none.
    pub fn derived_habits(
        &self,
        habits: &[HabitRecord],
        to: NaiveDate,
    ) -> Result<BTreeMap<i64, DerivedHabit>, StoreError> {
        // One savepoint for the read and the write-back: a check-in another connection commits
        // in between makes the write fail rather than be forgotten.
        self.conn.execute_batch("SAVEPOINT derived")?;
        let result = self.refresh(habits, to);
        let finish = match &result {
            Ok((_, wrote)) if *wrote => "RELEASE derived",
            _ => "ROLLBACK TO derived; RELEASE derived",
        };
        if self.conn.execute_batch(finish).is_err() {
            // Keeping the values failed (another writer, a read-only file): they are still right,
            // and the next read computes them again.
            self.conn
                .execute_batch("ROLLBACK TO derived; RELEASE derived")
                .ok();
        }
        result.map(|(derived, _)| derived)
    }

    fn refresh(
        &self,
        habits: &[HabitRecord],
        to: NaiveDate,
    ) -> Result<(BTreeMap<i64, DerivedHabit>, bool), StoreError> {
        let mut all = BTreeMap::new();
        let mut wrote = false;
        for habit in habits {
            let kept = self.kept_derived(habit)?;
            let fresh = match kept {
                Some((derived, None)) if derived.through() == to => {
                    all.insert(habit.id, derived);
                    continue;
                }
                Some((mut derived, stale)) => match derived.reads_from(stale, to) {
                    Some(from) if habit.measure.is_some() => {
                        let amounts = self.habit_amounts_from(habit.id, from)?;
                        derived.update_measured(&amounts, stale, to);
                        Some(derived)
                    }
                    Some(from) => {
                        let check_ins = self.check_ins_from(habit.id, from)?;
                        derived.update(&check_ins, stale, to);
                        Some(derived)
                    }
                    None => self.build(habit, to)?,
                },
                None => self.build(habit, to)?,
            };
            wrote |= self.keep_derived(habit.id, fresh.as_ref()).is_ok();
            if let Some(derived) = fresh {
                all.insert(habit.id, derived);
            }
        }
        Ok((all, wrote))
    }

    fn build(
        &self,
        habit: &HabitRecord,
        to: NaiveDate,
    ) -> Result<Option<DerivedHabit>, StoreError> {
        if let Some(measure) = &habit.measure {
            let amounts = self.habit_amounts_from(habit.id, NaiveDate::MIN)?;
            return Ok(DerivedHabit::build_measured(
                measure,
                habit.schedule,
                &amounts,
                to,
            ));
        }
        let check_ins = self.check_ins_from(habit.id, NaiveDate::MIN)?;
        Ok(DerivedHabit::build(habit.schedule, &check_ins, to))
    }

    /// A habit's states from `from` on.
    fn check_ins_from(&self, habit_id: i64, from: NaiveDate) -> Result<CheckIns, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT day, state FROM check_in
             WHERE habit_id = ?1 AND day >= ?2 AND state IS NOT NULL ORDER BY day",
        )?;
        let from = if from == NaiveDate::MIN {
            "0000".to_owned()
        } else {
            day_text(from)
        };
        let mut rows = stmt.query(params![habit_id, from])?;
        let mut states = Vec::new();
        while let Some(row) = rows.next()? {
            let day = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let day = parse_day(day)
                .ok_or_else(|| StoreError::InvalidRecord(format!("check-in day {day:?}")))?;
            let state = parse_state(row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?;
            states.push((day, state));
        }
        Ok(states.into_iter().collect())
    }

    /// The kept row and the day it went stale from; `None` when there is none that can be used.
    fn kept_derived(
        &self,
        habit: &HabitRecord,
    ) -> Result<Option<(DerivedHabit, Option<NaiveDate>)>, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT version, times, days, first, stale_from, streaks, checkpoints, strength
                 FROM derived_habit WHERE habit_id = ?1",
            )?
            .query_row([habit.id], |row| {
                let version: i64 = row.get(0)?;
                let schedule = (row.get::<_, i64>(1)?, row.get::<_, i64>(2)?);
                let first: String = row.get(3)?;
                let stale: Option<String> = row.get(4)?;
                let blobs = (
                    row.get_ref(5)?.as_blob().map(<[u8]>::to_vec),
                    row.get_ref(6)?.as_blob().map(<[u8]>::to_vec),
                    row.get_ref(7)?.as_blob().map(decode_strength),
                );
                Ok((version, schedule, first, stale, blobs))
            })
            .optional()?;
        let Some((version_found, (times, days), first, stale, blobs)) = row else {
            return Ok(None);
        };
        let same_schedule = Schedule::new(times, days).ok() == Some(habit.schedule);
        let decoded = (|| {
            let (Ok(streaks), Ok(checkpoints), Ok(Some(strength))) = blobs else {
                return None;
            };
            let derived = DerivedHabit {
                schedule: habit.schedule,
                // A row of the habit's old measure is gone (`derived_habit_measured`).
                measure: habit.measure.clone(),
                first: parse_day(&first)?,
                strength,
                streaks: decode_streaks(&streaks)?,
                checkpoints: decode_checkpoints(&checkpoints)?,
            };
            let stale = match stale {
                Some(day) => Some(parse_day(&day)?),
                None => None,
            };
            Some((derived, stale))
        })();
        Ok(decoded.filter(|_| version_found == version() && same_schedule))
    }

    /// Keeps `derived` for the habit (none: forgets what was kept).
    fn keep_derived(
        &self,
        habit_id: i64,
        derived: Option<&DerivedHabit>,
    ) -> Result<(), StoreError> {
        let Some(derived) = derived else {
            self.conn
                .prepare_cached("DELETE FROM derived_habit WHERE habit_id = ?1")?
                .execute([habit_id])?;
            return Ok(());
        };
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO derived_habit
                   (habit_id, version, times, days, first, stale_from, streaks, checkpoints, strength)
                 VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, ?8)",
            )?
            .execute(params![
                habit_id,
                version(),
                derived.schedule.times(),
                derived.schedule.days(),
                day_text(derived.first),
                encode_streaks(&derived.streaks),
                encode_checkpoints(&derived.checkpoints),
                encode_strength(&derived.strength),
            ])?;
        Ok(())
    }
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Little-endian f64s; `None` unless every value is a strength (0–1).
fn decode_strength(bytes: &[u8]) -> Option<Vec<f64>> {
    if bytes.is_empty() || !bytes.len().is_multiple_of(8) {
        return None;
    }
    bytes
        .chunks_exact(8)
        .map(|chunk| {
            let value = f64::from_le_bytes(chunk.try_into().ok()?);
            (0.0..=1.0).contains(&value).then_some(value)
        })
        .collect()
}

fn encode_strength(values: &[f64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Dates as days from the common era, `i32::MIN` for none.
fn date_word(date: Option<NaiveDate>) -> [u8; 4] {
    date.map_or(i32::MIN, |d| d.num_days_from_ce())
        .to_le_bytes()
}

struct Words<'a>(std::slice::ChunksExact<'a, u8>);

impl Words<'_> {
    fn next_i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.0.next()?.try_into().ok()?))
    }

    fn count(&mut self) -> Option<u32> {
        u32::try_from(self.next_i32()?).ok()
    }

    fn date(&mut self) -> Option<Option<NaiveDate>> {
        match self.next_i32()? {
            i32::MIN => Some(None),
            days => NaiveDate::from_num_days_from_ce_opt(days).map(Some),
        }
    }

    fn fold(&mut self) -> Option<StreakFold> {
        Some(StreakFold {
            run: self.count()?,
            run_start: self.date()?,
            run_end: self.date()?,
            best: self.count()?,
            best_start: self.date()?,
            best_end: self.date()?,
        })
    }
}

fn count_word(count: u32) -> [u8; 4] {
    i32::try_from(count).unwrap_or(i32::MAX).to_le_bytes()
}

fn fold_words(fold: &StreakFold) -> Vec<[u8; 4]> {
    vec![
        count_word(fold.run),
        date_word(fold.run_start),
        date_word(fold.run_end),
        count_word(fold.best),
        date_word(fold.best_start),
        date_word(fold.best_end),
    ]
}

fn encode_streaks(streaks: &Streaks) -> Vec<u8> {
    [
        count_word(streaks.current),
        date_word(streaks.current_start),
        count_word(streaks.best),
        date_word(streaks.best_start),
        date_word(streaks.best_end),
    ]
    .concat()
}

fn decode_streaks(bytes: &[u8]) -> Option<Streaks> {
    if bytes.len() != 20 {
        return None;
    }
    let mut words = Words(bytes.chunks_exact(4));
    Some(Streaks {
        current: words.count()?,
        current_start: words.date()?,
        best: words.count()?,
        best_start: words.date()?,
        best_end: words.date()?,
    })
}

const CHECKPOINT_BYTES: usize = 40;

fn encode_checkpoints(checkpoints: &[StreakCheckpoint]) -> Vec<u8> {
    checkpoints
        .iter()
        .flat_map(|c| {
            let mut words = vec![
                count_word(c.entries),
                date_word(Some(c.through)),
                date_word(Some(c.stable_after)),
                date_word(Some(c.resume_from)),
            ];
            words.extend(fold_words(&c.fold));
            words.concat()
        })
        .collect()
}

fn decode_checkpoints(bytes: &[u8]) -> Option<Vec<StreakCheckpoint>> {
    if !bytes.len().is_multiple_of(CHECKPOINT_BYTES) {
        return None;
    }
    bytes
        .chunks_exact(CHECKPOINT_BYTES)
        .map(|chunk| {
            let mut words = Words(chunk.chunks_exact(4));
            Some(StreakCheckpoint {
                entries: words.count()?,
                through: words.date()??,
                stable_after: words.date()??,
                resume_from: words.date()??,
                fold: words.fold()?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_kept_reads_back_and_damage_is_refused() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let fold = StreakFold {
            run: 3,
            run_start: Some(day),
            run_end: Some(day),
            best: 9,
            best_start: None,
            best_end: Some(day),
        };
        let checkpoint = StreakCheckpoint {
            entries: 64,
            through: day,
            stable_after: day,
            resume_from: day,
            fold,
        };
        let bytes = encode_checkpoints(&[checkpoint, checkpoint]);
        assert_eq!(
            decode_checkpoints(&bytes),
            Some(vec![checkpoint, checkpoint])
        );
        assert_eq!(decode_checkpoints(&bytes[1..]), None);
        let streaks = fold.streaks();
        assert_eq!(decode_streaks(&encode_streaks(&streaks)), Some(streaks));
        assert_eq!(
            decode_strength(&encode_strength(&[0.0, 0.5, 1.0])),
            Some(vec![0.0, 0.5, 1.0])
        );
        assert_eq!(
            decode_strength(&encode_strength(&[0.5, 2.0])),
            None,
            "not a strength"
        );
        assert_eq!(decode_strength(&encode_strength(&[f64::NAN])), None);
        assert_eq!(decode_strength(&[]), None);
    }
}
