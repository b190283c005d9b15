//! Writing what was read from a Loop file into Leadback's database: all of it in one transaction,
//! or nothing. Each habit is matched by its import key, so importing the same file again adds
//! nothing; a day that already has an entry keeps it.

use chrono::{DateTime, NaiveDate, Utc};
use leadback_core::habits::{
    CheckState, HabitName, Measure, Schedule, check_in_note, checked_amount,
};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use super::{LoopError, LoopExport, LoopHabit, LoopValue};
use crate::habits::{NewHabit, insert_habit};
use crate::values::timestamp;
use crate::{BackupReason, Store, StoreError};

/// What an import did, to show the person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LoopImportSummary {
    pub habits_added: u32,
    /// Habits already imported from this data before: their new days were added.
    pub habits_matched: u32,
    pub check_ins_added: u32,
    /// Days that already had an entry, left as they were.
    pub check_ins_unchanged: u32,
    /// Notes on days without a check-in (Loop's own fill-ins or unknown days), kept as notes.
    pub notes_kept: u32,
    /// Habits not imported, with the reason. Every habit Loop makes is imported today (measurable
    /// ones too); kept so a summary from an older import still reads.
    pub refused: Vec<RefusedHabit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RefusedHabit {
    pub name: String,
    pub reason: String,
}

impl Store {
    /// Imports a Loop export for a person. A habit that cannot be represented faithfully stops the
    /// whole import, with nothing written.
    pub fn import_loop(
        &mut self,
        person_id: i64,
        file: &str,
        export: &LoopExport,
        now: DateTime<Utc>,
    ) -> Result<LoopImportSummary, StoreError> {
        self.backup_now(BackupReason::BeforeImport, now)?;
        let mut summary = LoopImportSummary::default();
        let tx = self.conn.transaction()?;
        for habit in &export.habits {
            let (name, schedule, measure) = convert(file, habit)?;
            check_entries(file, habit, now.date_naive())?;
            let key = format!("loop:{}", habit.key);
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM habit WHERE person_id = ?1 AND import_key = ?2",
                    params![person_id, key],
                    |row| row.get(0),
                )
                .optional()?;
            let habit_id = match existing {
                Some(id) => {
                    let measurable: bool = tx.query_row(
                        "SELECT unit IS NOT NULL FROM habit WHERE id = ?1",
                        [id],
                        |row| row.get(0),
                    )?;
                    if measurable != measure.is_some() {
                        return Err(LoopError::Malformed {
                            file: file.to_owned(),
                            place: format!("habit {:?}", habit.name),
                            problem: "it was imported before as a different kind of habit (yes/no or measurable)".to_owned(),
                        }
                        .into());
                    }
                    summary.habits_matched += 1;
                    id
                }
                None => {
                    summary.habits_added += 1;
                    let new = NewHabit {
                        library_id: None,
                        name: &name,
                        stance: None,
                        why: habit.description.as_deref(),
                        schedule,
                        measure: measure.clone(),
                    };
                    let id = insert_habit(&tx, person_id, &new, Some(&key), now)?;
                    if habit.archived {
                        tx.execute(
                            "UPDATE habit SET archived_at = ?2 WHERE id = ?1",
                            params![id, timestamp(now)],
                        )?;
                    }
                    id
                }
            };
            let mut insert = tx.prepare_cached(
                "INSERT INTO check_in (habit_id, day, state, amount, note, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (habit_id, day) DO NOTHING",
            )?;
            for entry in &habit.entries {
                let (state, amount) = match entry.value {
                    LoopValue::Amount(amount) if measure.is_some() => {
                        (Some(CheckState::Done), Some(amount))
                    }
                    LoopValue::Done => (Some(CheckState::Done), None),
                    LoopValue::NotDone => (Some(CheckState::NotDone), None),
                    LoopValue::Skipped => (Some(CheckState::Skipped), None),
                    // Not check-ins: only a note on such a day is worth keeping.
                    LoopValue::Auto | LoopValue::Unknown | LoopValue::Amount(_) => (None, None),
                };
                if state.is_none() && entry.note.is_none() {
                    continue;
                }
                let added = insert.execute(params![
                    habit_id,
                    entry.day,
                    state.map(CheckState::as_str),
                    amount,
                    entry.note,
                    timestamp(now)
                ])?;
                match (added, state) {
                    (0, _) => summary.check_ins_unchanged += 1,
                    (_, Some(_)) => summary.check_ins_added += 1,
                    (_, None) => summary.notes_kept += 1,
                }
            }
        }
        tx.commit()?;
        Ok(summary)
    }
}

/// The first day a Loop entry may fall on; Loop itself appeared decades later, so anything before
/// is a damaged timestamp, not a habit.
const EARLIEST_DAY: (i32, u32, u32) = (1970, 1, 1);

/// Every entry on a plausible day (not before 1970, not after today) and every note within the
/// rules a note typed in the app follows.
fn check_entries(file: &str, habit: &LoopHabit, today: NaiveDate) -> Result<(), LoopError> {
    let earliest = NaiveDate::from_ymd_opt(EARLIEST_DAY.0, EARLIEST_DAY.1, EARLIEST_DAY.2)
        .unwrap_or(NaiveDate::MIN);
    for entry in &habit.entries {
        let malformed = |problem: String| LoopError::Malformed {
            file: file.to_owned(),
            place: format!("habit {:?} on {}", habit.name, entry.day),
            problem,
        };
        if entry.day < earliest || entry.day > today {
            return Err(malformed(format!(
                "the day is not plausible (Leadback takes {} to {today})",
                earliest
            )));
        }
        if let Some(note) = &entry.note {
            check_in_note(note).map_err(|e| malformed(e.to_string()))?;
        }
        if let LoopValue::Amount(amount) = entry.value {
            checked_amount("The amount", amount).map_err(|e| malformed(e.to_string()))?;
        }
    }
    Ok(())
}

/// A habit's name, its schedule (a measurable habit's: once in its period's days) and measure.
fn convert(
    file: &str,
    habit: &LoopHabit,
) -> Result<(HabitName, Schedule, Option<Measure>), LoopError> {
    let malformed = |problem: String| LoopError::Malformed {
        file: file.to_owned(),
        place: format!("habit {:?}", habit.name),
        problem,
    };
    let name = HabitName::parse(&habit.name).map_err(|e| malformed(e.to_string()))?;
    let Some(loop_measure) = &habit.numerical else {
        let schedule =
            Schedule::new(habit.freq_num, habit.freq_den).map_err(|e| malformed(e.to_string()))?;
        return Ok((name, schedule, None));
    };
    // Loop offers a measurable habit "per day, week or month" (1, 7 or 30 days) and keeps it as
    // the frequency 1/period.
    if habit.freq_num != 1 {
        return Err(malformed(format!(
            "a measurable habit's frequency is {}/{}; Loop makes them once per period (1/{})",
            habit.freq_num, habit.freq_den, habit.freq_den
        )));
    }
    let period = Schedule::new(1, habit.freq_den).map_err(|e| malformed(e.to_string()))?;
    let measure = Measure::new(
        &loop_measure.unit,
        loop_measure.target,
        loop_measure.at_most,
    )
    .map_err(|e| malformed(e.to_string()))?;
    Ok((name, period, Some(measure)))
}
