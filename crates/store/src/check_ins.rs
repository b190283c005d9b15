//! The `check_in` and `energy_check_in` tables: one entry per habit (or person) and day. A check-in
//! is committed before the call returns, so whatever the UI shows as saved is on disk.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use leadback_core::habits::{Amounts, CheckIns, CheckState, DayAmount};
use rusqlite::{Row, params};
use serde::Serialize;
use ts_rs::TS;

use crate::habits::ensure_habit;
use crate::values::timestamp;
use crate::{Store, StoreError};

/// One day's entry for a habit: a state, a note, or both; for a measurable habit, the amount.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CheckInRecord {
    pub habit_id: i64,
    pub day: NaiveDate,
    /// Null for a note on a day with no check-in (kept from an import).
    pub state: Option<CheckState>,
    /// A measurable habit's amount for the day (its state is then "done"); null otherwise.
    pub amount: Option<f64>,
    pub note: Option<String>,
}

/// One day's energy, 1 (drained) to 5 (full).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EnergyRecord {
    pub day: NaiveDate,
    pub level: i64,
    pub note: Option<String>,
}

impl Store {
    /// Records (or replaces) a day's check-in. With neither a state nor a note the day goes back
    /// to "not entered".
    pub fn check_in(
        &mut self,
        habit_id: i64,
        day: NaiveDate,
        state: Option<CheckState>,
        note: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Option<CheckInRecord>, StoreError> {
        let tx = self.conn.transaction()?;
        let measurable = ensure_habit(&tx, habit_id)?;
        if measurable && matches!(state, Some(CheckState::Done | CheckState::NotDone)) {
            return Err(entry_kind(&tx, habit_id, true));
        }
        if state.is_none() && note.is_none() {
            tx.prepare_cached("DELETE FROM check_in WHERE habit_id = ?1 AND day = ?2")?
                .execute(params![habit_id, day])?;
        } else {
            // Kept prepared: compiling this upsert and the triggers it fires was a third of a
            // check-in's write.
            tx.prepare_cached(
                "INSERT INTO check_in (habit_id, day, state, note, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (habit_id, day) DO UPDATE SET
                   state = excluded.state, amount = NULL, note = excluded.note,
                   recorded_at = excluded.recorded_at",
            )?
            .execute(params![habit_id, day, state.map(CheckState::as_str), note, timestamp(now)])?;
        }
        tx.commit()?;
        Ok((state.is_some() || note.is_some()).then(|| CheckInRecord {
            habit_id,
            day,
            state,
            amount: None,
            note: note.map(str::to_owned),
        }))
    }

    /// Records (or replaces) a measurable habit's amount for a day, with its note. The amount is
    /// already checked (`leadback_core::habits::checked`).
    pub fn check_in_amount(
        &mut self,
        habit_id: i64,
        day: NaiveDate,
        amount: f64,
        note: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<CheckInRecord, StoreError> {
        let tx = self.conn.transaction()?;
        if !ensure_habit(&tx, habit_id)? {
            return Err(entry_kind(&tx, habit_id, false));
        }
        tx.prepare_cached(
            "INSERT INTO check_in (habit_id, day, state, amount, note, recorded_at)
             VALUES (?1, ?2, 'done', ?3, ?4, ?5)
             ON CONFLICT (habit_id, day) DO UPDATE SET
               state = 'done', amount = excluded.amount, note = excluded.note,
               recorded_at = excluded.recorded_at",
        )?
        .execute(params![habit_id, day, amount, note, timestamp(now)])?;
        tx.commit()?;
        Ok(CheckInRecord {
            habit_id,
            day,
            state: Some(CheckState::Done),
            amount: Some(amount),
            note: note.map(str::to_owned),
        })
    }

    /// A measurable habit's amounts and skipped days, by day.
    pub fn habit_amounts(&self, habit_id: i64) -> Result<Amounts, StoreError> {
        self.habit_amounts_from(habit_id, NaiveDate::MIN)
    }

    /// [`Store::habit_amounts`] from `from` on.
    pub(crate) fn habit_amounts_from(
        &self,
        habit_id: i64,
        from: NaiveDate,
    ) -> Result<Amounts, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT day, state, amount FROM check_in
             WHERE habit_id = ?1 AND day >= ?2 AND state IS NOT NULL ORDER BY day",
        )?;
        let from = if from == NaiveDate::MIN {
            "0000".to_owned()
        } else {
            from.format("%Y-%m-%d").to_string()
        };
        let mut rows = stmt.query(params![habit_id, from])?;
        let mut amounts = Vec::new();
        while let Some(row) = rows.next()? {
            let day = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let day = parse_day(day)
                .ok_or_else(|| StoreError::InvalidRecord(format!("check-in day {day:?}")))?;
            let state = parse_state(row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?;
            let amount: Option<f64> = row.get(2)?;
            amounts.push((day, day_amount(state, amount)));
        }
        Ok(amounts.into_iter().collect())
    }

    /// A habit's entries, oldest first.
    pub fn check_ins(&self, habit_id: i64) -> Result<Vec<CheckInRecord>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT habit_id, day, state, note, amount FROM check_in WHERE habit_id = ?1
                 ORDER BY day",
            )?
            .query_map([habit_id], read_check_in)?
            .collect::<Result<Result<Vec<_>, _>, _>>()?
    }

    /// The states of every habit of a person, for computing strengths and streaks in one pass.
    pub fn check_in_states(&self, person_id: i64) -> Result<BTreeMap<i64, CheckIns>, StoreError> {
        let mut by_habit: BTreeMap<i64, Vec<(NaiveDate, CheckState)>> = BTreeMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.habit_id, c.day, c.state FROM check_in c JOIN habit h ON h.id = c.habit_id
             WHERE h.person_id = ?1 AND c.state IS NOT NULL",
        )?;
        let mut rows = stmt.query([person_id])?;
        // The home screen reads every check-in of every habit: parse without allocating.
        while let Some(row) = rows.next()? {
            let habit: i64 = row.get(0)?;
            let day = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            let day = parse_day(day)
                .ok_or_else(|| StoreError::InvalidRecord(format!("check-in day {day:?}")))?;
            let state = parse_state(row.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?)?;
            by_habit.entry(habit).or_default().push((day, state));
        }
        // The scan follows the check_in primary key, so each run is already in day order and the
        // map is bulk-built from it.
        Ok(by_habit
            .into_iter()
            .map(|(habit, days)| (habit, days.into_iter().collect()))
            .collect())
    }

    /// The notes written on one day, by habit.
    pub fn notes_on(
        &self,
        person_id: i64,
        day: NaiveDate,
    ) -> Result<BTreeMap<i64, String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT c.habit_id, c.note FROM check_in c JOIN habit h ON h.id = c.habit_id
                 WHERE h.person_id = ?1 AND c.day = ?2 AND c.note IS NOT NULL",
            )?
            .query_map(params![person_id, day], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?
            .collect::<Result<_, _>>()?)
    }

    pub fn set_energy(
        &mut self,
        person_id: i64,
        day: NaiveDate,
        level: i64,
        note: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<EnergyRecord, StoreError> {
        self.conn.execute(
            "INSERT INTO energy_check_in (person_id, day, level, note, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (person_id, day) DO UPDATE SET
               level = excluded.level, note = excluded.note, recorded_at = excluded.recorded_at",
            params![person_id, day, level, note, timestamp(now)],
        )?;
        Ok(EnergyRecord {
            day,
            level,
            note: note.map(str::to_owned),
        })
    }

    /// A person's energy check-ins, oldest first.
    pub fn energy(&self, person_id: i64) -> Result<Vec<EnergyRecord>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT day, level, note FROM energy_check_in WHERE person_id = ?1 ORDER BY day",
            )?
            .query_map([person_id], |row| {
                Ok(EnergyRecord {
                    day: row.get(0)?,
                    level: row.get(1)?,
                    note: row.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?)
    }
}

/// "YYYY-MM-DD" (what the `day` columns hold, checked by their GLOB constraint).
pub(crate) fn parse_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        bytes[range].iter().try_fold(0u32, |acc, b| {
            b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

pub(crate) fn parse_state(text: &str) -> Result<CheckState, StoreError> {
    CheckState::parse(text)
        .ok_or_else(|| StoreError::InvalidRecord(format!("unknown check-in state {text:?}")))
}

/// Reads `habit_id, day, state, note, amount`.
fn read_check_in(row: &Row<'_>) -> rusqlite::Result<Result<CheckInRecord, StoreError>> {
    let state: Option<String> = row.get(2)?;
    let (habit_id, day, note, amount) = (row.get(0)?, row.get(1)?, row.get(3)?, row.get(4)?);
    Ok(state
        .map(|s| parse_state(&s))
        .transpose()
        .map(|state| CheckInRecord {
            habit_id,
            day,
            state,
            amount,
            note,
        }))
}

/// A measurable habit's day as the strength reads it: its amount, or skipped. A "done" without an
/// amount (written before the habit was measurable, or by an older copy of the app) counts as 0.
pub(crate) fn day_amount(state: CheckState, amount: Option<f64>) -> DayAmount {
    match state {
        CheckState::Skipped => DayAmount::Skipped,
        _ => DayAmount::Amount(amount.unwrap_or(0.0)),
    }
}

pub(crate) fn entry_kind(
    conn: &rusqlite::Connection,
    habit_id: i64,
    measurable: bool,
) -> StoreError {
    match conn.query_row("SELECT name FROM habit WHERE id = ?1", [habit_id], |r| {
        r.get::<_, String>(0)
    }) {
        Ok(name) => StoreError::EntryKind { name, measurable },
        Err(e) => e.into(),
    }
}
