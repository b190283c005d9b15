//! The `exercise_run` and `reflection` tables: a guided exercise's progress and the reflections
//! written during it, each saved the moment it is typed, so a run killed midway resumes intact.

use chrono::{DateTime, NaiveDate, Utc};
use leadback_core::habits::{CheckState, add_to_note};
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;
use ts_rs::TS;

use crate::ids::new_id;
use crate::values::{parse_timestamp, timestamp};
use crate::{CheckInRecord, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExerciseRun {
    pub id: i64,
    pub person_id: i64,
    pub exercise_id: String,
    pub exercise_version: i64,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub step: i64,
    pub programme_item: Option<String>,
    pub reflections: Vec<Reflection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Reflection {
    pub prompt_id: String,
    pub step: i64,
    pub text: Option<String>,
    pub rating: Option<i64>,
}

/// The check-in finishing an exercise makes: the day's check-in of the person's habit added from
/// the exercise's linked library habit.
#[derive(Debug, Clone, Copy)]
pub struct LinkedCheckIn<'a> {
    /// The library id of the habit the exercise practises.
    pub library_id: &'a str,
    /// The person's today.
    pub day: NaiveDate,
}

/// A written reflection saved as a run is finished (the last one, e.g. from the CLI).
#[derive(Debug, Clone, Copy)]
pub struct NewReflection<'a> {
    pub step: i64,
    pub prompt_id: &'a str,
    pub text: &'a str,
}

const COLUMNS: &str =
    "id, person_id, exercise_id, exercise_version, started_at, finished_at, step, programme_item";

impl Store {
    /// The person's unfinished run, if any, to offer resuming it.
    pub fn open_exercise_run(&self, person_id: i64) -> Result<Option<ExerciseRun>, StoreError> {
        let id: Option<i64> = self
            .conn
            .query_row(
                // Two left open on two computers at once: the newest is the one to resume.
                "SELECT id FROM exercise_run WHERE person_id = ?1 AND finished_at IS NULL
                 ORDER BY started_at DESC, id DESC LIMIT 1",
                [person_id],
                |row| row.get(0),
            )
            .optional()?;
        id.map(|id| self.exercise_run(id)).transpose()
    }

    /// Starts a run. An unfinished run of another exercise is left behind as abandoned (finished
    /// with what it has) so its reflections stay in the journal.
    pub fn start_exercise_run(
        &mut self,
        person_id: i64,
        exercise_id: &str,
        exercise_version: i64,
        programme_item: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<ExerciseRun, StoreError> {
        if let Some(open) = self.open_exercise_run(person_id)? {
            if open.exercise_id == exercise_id {
                return Ok(open);
            }
            self.finish_exercise_run(open.id, now)?;
        }
        self.conn.execute(
            concat!(
                "INSERT INTO exercise_run (id, person_id, exercise_id, exercise_version, started_at, programme_item)
             VALUES (",
                new_id!("exercise_run"),
                ", ?1, ?2, ?3, ?4, ?5)"
            ),
            params![person_id, exercise_id, exercise_version, timestamp(now), programme_item],
        )?;
        self.exercise_run(self.conn.last_insert_rowid())
    }

    pub fn exercise_run(&self, id: i64) -> Result<ExerciseRun, StoreError> {
        let mut run = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM exercise_run WHERE id = ?1"),
                [id],
                read_run,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "exercise run",
                id,
            })??;
        run.reflections = self
            .conn
            .prepare_cached(
                "SELECT prompt_id, step, text, rating FROM reflection WHERE run_id = ?1 ORDER BY step, prompt_id",
            )?
            .query_map([id], |row| {
                Ok(Reflection {
                    prompt_id: row.get(0)?,
                    step: row.get(1)?,
                    text: row.get(2)?,
                    rating: row.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(run)
    }

    /// Saves a reflection (text or rating; neither clears it) and the step to resume on.
    pub fn save_reflection(
        &mut self,
        run_id: i64,
        step: i64,
        prompt_id: &str,
        text: Option<&str>,
        rating: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        ensure_running(&tx, run_id)?;
        write_reflection(&tx, run_id, step, prompt_id, text, rating, now)?;
        tx.commit()
    }

    pub fn set_exercise_step(&mut self, run_id: i64, step: i64) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        ensure_running(&tx, run_id)?;
        tx.execute(
            "UPDATE exercise_run SET step = ?2 WHERE id = ?1",
            params![run_id, step],
        )?;
        tx.commit()
    }

    pub fn finish_exercise_run(
        &mut self,
        run_id: i64,
        now: DateTime<Utc>,
    ) -> Result<ExerciseRun, StoreError> {
        Ok(self.finish_exercise_run_with(run_id, None, None, now)?.0)
    }

    /// Finishes a run, saving `reflection` first and, with `linked`, marking the person's habit
    /// done that day, in one transaction. The run's written reflections are added after the
    /// day's note (a blank line between), never over it; one already in the note is not added
    /// again, and if the note would grow past its maximum, the person's own words stay whole and
    /// only what fits is added (the journal keeps every reflection anyway). Without a habit of
    /// that library id (unarchived), only the run is finished. Returns the run and the check-in
    /// made, if any.
    pub fn finish_exercise_run_with(
        &mut self,
        run_id: i64,
        reflection: Option<NewReflection<'_>>,
        linked: Option<LinkedCheckIn<'_>>,
        now: DateTime<Utc>,
    ) -> Result<(ExerciseRun, Option<CheckInRecord>), StoreError> {
        let tx = self.conn.transaction()?;
        ensure_running(&tx, run_id)?;
        if let Some(r) = reflection {
            write_reflection(&tx, run_id, r.step, r.prompt_id, Some(r.text), None, now)?;
        }
        tx.execute(
            "UPDATE exercise_run SET finished_at = ?2 WHERE id = ?1",
            params![run_id, timestamp(now)],
        )?;
        let check_in = match linked {
            Some(linked) => check_in_linked(&tx, run_id, linked, now)?,
            None => None,
        };
        tx.commit()?;
        Ok((self.exercise_run(run_id)?, check_in))
    }

    /// The ids of the exercises a person has finished, each once.
    pub fn finished_exercises(&self, person_id: i64) -> Result<Vec<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT DISTINCT exercise_id FROM exercise_run
                 WHERE person_id = ?1 AND finished_at IS NOT NULL ORDER BY exercise_id",
            )?
            .query_map([person_id], |row| row.get(0))?
            .collect::<Result<_, _>>()?)
    }
}

/// Saves a reflection (text or rating; neither clears it) and moves the run to its step.
fn write_reflection(
    tx: &rusqlite::Transaction<'_>,
    run_id: i64,
    step: i64,
    prompt_id: &str,
    text: Option<&str>,
    rating: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if text.is_none() && rating.is_none() {
        tx.execute(
            "DELETE FROM reflection WHERE run_id = ?1 AND prompt_id = ?2",
            params![run_id, prompt_id],
        )?;
    } else {
        tx.execute(
            "INSERT INTO reflection (run_id, prompt_id, step, text, rating, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (run_id, prompt_id) DO UPDATE SET
               step = excluded.step, text = excluded.text, rating = excluded.rating,
               updated_at = excluded.updated_at",
            params![run_id, prompt_id, step, text, rating, timestamp(now)],
        )?;
    }
    tx.execute(
        "UPDATE exercise_run SET step = ?2 WHERE id = ?1",
        params![run_id, step],
    )?;
    Ok(())
}

/// Marks the run's person's linked habit done on the day, adding the run's written reflections
/// to the day's note.
fn check_in_linked(
    tx: &rusqlite::Transaction<'_>,
    run_id: i64,
    linked: LinkedCheckIn<'_>,
    now: DateTime<Utc>,
) -> Result<Option<CheckInRecord>, StoreError> {
    let habit: Option<i64> = tx
        .query_row(
            "SELECT h.id FROM habit h JOIN exercise_run r ON r.person_id = h.person_id
             WHERE r.id = ?1 AND h.library_id = ?2 AND h.archived_at IS NULL
             ORDER BY h.position, h.id LIMIT 1",
            params![run_id, linked.library_id],
            |row| row.get(0),
        )
        .optional()?;
    let Some(habit_id) = habit else {
        return Ok(None);
    };
    let written: Vec<String> = tx
        .prepare_cached(
            "SELECT text FROM reflection WHERE run_id = ?1 AND text IS NOT NULL
             ORDER BY step, prompt_id",
        )?
        .query_map([run_id], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let existing: Option<Option<String>> = tx
        .query_row(
            "SELECT note FROM check_in WHERE habit_id = ?1 AND day = ?2",
            params![habit_id, linked.day],
            |row| row.get(0),
        )
        .optional()?;
    let mut note = existing.flatten();
    for text in &written {
        note = add_to_note(note.as_deref(), text);
    }
    let state = CheckState::Done;
    tx.execute(
        "INSERT INTO check_in (habit_id, day, state, note, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (habit_id, day) DO UPDATE SET
           state = excluded.state, note = excluded.note, recorded_at = excluded.recorded_at",
        params![habit_id, linked.day, state.as_str(), note, timestamp(now)],
    )?;
    Ok(Some(CheckInRecord {
        habit_id,
        day: linked.day,
        state: Some(state),
        amount: None,
        note,
    }))
}

fn ensure_running(conn: &rusqlite::Connection, id: i64) -> Result<(), StoreError> {
    let finished: Option<Option<String>> = conn
        .query_row(
            "SELECT finished_at FROM exercise_run WHERE id = ?1",
            [id],
            |row| row.get(0),
        )
        .optional()?;
    match finished {
        None => Err(StoreError::NotFound {
            what: "exercise run",
            id,
        }),
        Some(Some(_)) => Err(StoreError::Finished {
            what: "exercise run",
            id,
        }),
        Some(None) => Ok(()),
    }
}

fn read_run(row: &Row<'_>) -> rusqlite::Result<Result<ExerciseRun, StoreError>> {
    let started: String = row.get(4)?;
    let finished: Option<String> = row.get(5)?;
    let (id, person_id, exercise_id, exercise_version, step, programme_item) = (
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(6)?,
        row.get(7)?,
    );
    Ok((|| {
        Ok(ExerciseRun {
            id,
            person_id,
            exercise_id,
            exercise_version,
            started_at: parse_timestamp("started_at", &started)?,
            finished_at: finished
                .map(|t| parse_timestamp("finished_at", &t))
                .transpose()?,
            step,
            programme_item,
            reflections: Vec::new(),
        })
    })())
}
