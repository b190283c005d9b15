//! Writes that keep what a person already wrote or chose, for the features that reach a record
//! the person may have written first: a check-in or an energy level given without a note keeps
//! the day's note; a library habit added again (from a programme, as homework) is the one the
//! person already has, with their name, schedule and history, not a second, empty one.

use chrono::{DateTime, NaiveDate, Utc};
use leadback_core::habits::CheckState;
use rusqlite::{OptionalExtension, params};

use leadback_core::clients::HomeworkKind;

use crate::habits::{ensure_habit, insert_habit};
use crate::people::consent::ensure_consent;
use crate::sessions::homework::insert_homework;
use crate::values::timestamp;
use crate::{CheckInRecord, EnergyRecord, HabitRecord, NewHabit, Store, StoreError};

impl Store {
    /// Records a day's state and keeps the note already written for that day (if any).
    pub fn check_in_keeping_note(
        &mut self,
        habit_id: i64,
        day: NaiveDate,
        state: CheckState,
        now: DateTime<Utc>,
    ) -> Result<CheckInRecord, StoreError> {
        let tx = self.conn.transaction()?;
        let measurable = ensure_habit(&tx, habit_id)?;
        if measurable && state != CheckState::Skipped {
            return Err(crate::check_ins::entry_kind(&tx, habit_id, true));
        }
        tx.execute(
            "INSERT INTO check_in (habit_id, day, state, recorded_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (habit_id, day) DO UPDATE SET
               state = excluded.state, amount = NULL, recorded_at = excluded.recorded_at",
            params![habit_id, day, state.as_str(), timestamp(now)],
        )?;
        let note: Option<String> = tx.query_row(
            "SELECT note FROM check_in WHERE habit_id = ?1 AND day = ?2",
            params![habit_id, day],
            |row| row.get(0),
        )?;
        tx.commit()?;
        Ok(CheckInRecord {
            habit_id,
            day,
            state: Some(state),
            amount: None,
            note,
        })
    }

    /// Records a measurable habit's amount for a day (already checked) and keeps the note already
    /// written for that day (if any): the one-step entry from the home screen.
    pub fn check_in_amount_keeping_note(
        &mut self,
        habit_id: i64,
        day: NaiveDate,
        amount: f64,
        now: DateTime<Utc>,
    ) -> Result<CheckInRecord, StoreError> {
        let note: Option<String> = self
            .conn
            .query_row(
                "SELECT note FROM check_in WHERE habit_id = ?1 AND day = ?2",
                params![habit_id, day],
                |row| row.get(0),
            )
            .optional()?
            .flatten();
        self.check_in_amount(habit_id, day, amount, note.as_deref(), now)
    }

    /// Records a day's energy and keeps the note already written for that day (if any).
    pub fn set_energy_keeping_note(
        &mut self,
        person_id: i64,
        day: NaiveDate,
        level: i64,
        now: DateTime<Utc>,
    ) -> Result<EnergyRecord, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO energy_check_in (person_id, day, level, recorded_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (person_id, day) DO UPDATE SET
               level = excluded.level, recorded_at = excluded.recorded_at",
            params![person_id, day, level, timestamp(now)],
        )?;
        let note: Option<String> = tx.query_row(
            "SELECT note FROM energy_check_in WHERE person_id = ?1 AND day = ?2",
            params![person_id, day],
            |row| row.get(0),
        )?;
        tx.commit()?;
        Ok(EnergyRecord { day, level, note })
    }

    /// The person's habit added from `habit`'s library id (their first one not archived), as they
    /// have it; or, when they have none, `habit` added now. `true` when it was added.
    pub fn library_habit_once(
        &mut self,
        person_id: i64,
        habit: &NewHabit<'_>,
        now: DateTime<Utc>,
    ) -> Result<(HabitRecord, bool), StoreError> {
        let tx = self.conn.transaction()?;
        let (id, added) = habit_once(&tx, person_id, habit, now)?;
        tx.commit()?;
        Ok((self.habit(id)?, added))
    }

    /// Sets a library habit as homework in a session, in one step: the client's own habit from
    /// that library id if they have one (kept as they have it), else `habit` added for them.
    /// Refused, with nothing written, for a client who withdrew consent. Returns the homework id.
    pub fn assign_library_habit(
        &mut self,
        session_id: i64,
        habit: &NewHabit<'_>,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let session = self.session(session_id)?;
        let tx = self.conn.transaction()?;
        ensure_consent(&tx, session.person_id)?;
        let (habit_id, _) = habit_once(&tx, session.person_id, habit, now)?;
        let id = insert_homework(
            &tx,
            &session,
            HomeworkKind::Habit,
            Some(habit_id),
            None,
            today,
        )?;
        tx.commit()?;
        Ok(id)
    }
}

fn habit_once(
    conn: &rusqlite::Connection,
    person_id: i64,
    habit: &NewHabit<'_>,
    now: DateTime<Utc>,
) -> Result<(i64, bool), StoreError> {
    let existing: Option<i64> = match habit.library_id {
        Some(library_id) => conn
            .query_row(
                "SELECT id FROM habit
                 WHERE person_id = ?1 AND library_id = ?2 AND archived_at IS NULL
                 ORDER BY position, id LIMIT 1",
                params![person_id, library_id],
                |row| row.get(0),
            )
            .optional()?,
        None => None,
    };
    Ok(match existing {
        Some(id) => (id, false),
        None => (insert_habit(conn, person_id, habit, None, now)?, true),
    })
}
