//! Homework set in a session: a habit or an exercise, when it is due, and how far the client got.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use leadback_core::clients::{Homework, HomeworkKind, Session};
use rusqlite::{OptionalExtension, params};

use crate::ids::new_id;
use crate::people::consent::ensure_consent;
use crate::values::parse_day;
use crate::{Store, StoreError};

impl Store {
    /// Sets one of the client's habits as homework in a session.
    pub fn assign_habit(
        &mut self,
        session_id: i64,
        habit_id: i64,
        today: NaiveDate,
    ) -> Result<i64, StoreError> {
        let session = self.session(session_id)?;
        let habit = self.habit(habit_id)?;
        if habit.person_id != session.person_id {
            return Err(StoreError::NotFound {
                what: "habit",
                id: habit_id,
            });
        }
        // In a transaction of the store's, so that sync records it.
        let tx = self.conn.transaction()?;
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

    /// Sets an exercise (by its library id, checked by the caller) as homework in a session.
    pub fn assign_exercise(
        &mut self,
        session_id: i64,
        exercise_id: &str,
        today: NaiveDate,
    ) -> Result<i64, StoreError> {
        let session = self.session(session_id)?;
        // In a transaction of the store's, so that sync records it.
        let tx = self.conn.transaction()?;
        let id = insert_homework(
            &tx,
            &session,
            HomeworkKind::Exercise,
            None,
            Some(exercise_id),
            today,
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// A person's homework, newest first, with how far they got since it was set. Exercise
    /// titles are their ids here; the caller names them from the library.
    pub fn homework(&self, person_id: i64, today: NaiveDate) -> Result<Vec<Homework>, StoreError> {
        let strengths: BTreeMap<i64, f64> = self
            .habit_overviews(person_id, true, today)?
            .into_iter()
            .map(|o| (o.habit.id, o.strength))
            .collect();
        let rows = self
            .conn
            .prepare_cached(
                "SELECT w.id, w.session_id, w.kind, w.habit_id, w.exercise_id, w.assigned_on,
                        h.name, w.due_on,
                        CASE w.kind
                          WHEN 'habit' THEN (SELECT count(*) FROM check_in c
                                             WHERE c.habit_id = w.habit_id AND c.state = 'done'
                                               AND c.day >= w.assigned_on)
                          ELSE (SELECT count(*) FROM exercise_run r
                                WHERE r.person_id = w.person_id AND r.exercise_id = w.exercise_id
                                  AND r.finished_at IS NOT NULL
                                  AND substr(r.finished_at, 1, 10) >= w.assigned_on)
                        END
                 FROM homework w LEFT JOIN habit h ON h.id = w.habit_id
                 WHERE w.person_id = ?1 ORDER BY w.assigned_on DESC, w.id DESC",
            )?
            .query_map([person_id], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Option<i64>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, Option<String>>(6)?,
                    row.get::<_, Option<String>>(7)?,
                    row.get::<_, i64>(8)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(
                |(id, session_id, kind, habit_id, exercise_id, assigned, habit_name, due, done)| {
                    let kind = HomeworkKind::parse(&kind).ok_or_else(|| {
                        StoreError::InvalidRecord(format!("unknown homework kind {kind:?}"))
                    })?;
                    Ok(Homework {
                        id,
                        session_id,
                        kind,
                        title: habit_name
                            .or_else(|| exercise_id.clone())
                            .unwrap_or_default(),
                        strength: habit_id.and_then(|h| strengths.get(&h).copied()),
                        habit_id,
                        exercise_id,
                        assigned_on: parse_day("assigned_on", &assigned)?,
                        due_on: due.map(|d| parse_day("due_on", &d)).transpose()?,
                        done,
                    })
                },
            )
            .collect()
    }

    /// Sets (or clears) the day homework is due; the day is checked by the caller against the day
    /// it was set. Returns the person whose homework it is.
    pub fn set_homework_due(
        &mut self,
        homework_id: i64,
        due_on: Option<NaiveDate>,
    ) -> Result<i64, StoreError> {
        let person_id: i64 = self
            .conn
            .query_row(
                "UPDATE homework SET due_on = ?2 WHERE id = ?1 RETURNING person_id",
                params![homework_id, due_on.map(|d| d.to_string())],
                |row| row.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "homework",
                id: homework_id,
            })?;
        Ok(person_id)
    }

    /// The day homework was set and the person it is for.
    pub fn homework_assigned(&self, homework_id: i64) -> Result<(NaiveDate, i64), StoreError> {
        let (day, person_id): (String, i64) = self
            .conn
            .query_row(
                "SELECT assigned_on, person_id FROM homework WHERE id = ?1",
                [homework_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "homework",
                id: homework_id,
            })?;
        let day = day.parse().map_err(|err| {
            StoreError::InvalidRecord(format!("assigned_on {day:?} is not a day: {err}"))
        })?;
        Ok((day, person_id))
    }
}

/// Sets homework in a session, unless the client withdrew consent; returns its id.
pub(crate) fn insert_homework(
    conn: &rusqlite::Connection,
    session: &Session,
    kind: HomeworkKind,
    habit_id: Option<i64>,
    exercise_id: Option<&str>,
    today: NaiveDate,
) -> Result<i64, StoreError> {
    ensure_consent(conn, session.person_id)?;
    conn.execute(
        concat!(
            "INSERT INTO homework (id, session_id, person_id, kind, habit_id, exercise_id, assigned_on)
         VALUES (",
            new_id!("homework"),
            ", ?1, ?2, ?3, ?4, ?5, ?6)"
        ),
        params![
            session.id,
            session.person_id,
            kind.as_str(),
            habit_id,
            exercise_id,
            today.to_string()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}
