//! The `habit` table: a person's habits, their schedule, order and archiving. Their check-ins are in
//! `check_ins.rs`, their reminders in `reminders.rs`.

use chrono::{DateTime, Utc};
use leadback_core::habits::{HabitName, HabitStance, LibraryHabit, Measure, Schedule};
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;
use ts_rs::TS;

use crate::ids::{habit_key_taken, imported_key, library_habits_before, library_key, new_id};
use crate::values::{parse_timestamp, timestamp};
use crate::{Store, StoreError};

/// A habit as stored.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HabitRecord {
    pub id: i64,
    pub person_id: i64,
    /// The library habit it was added from; null for the person's own.
    pub library_id: Option<String>,
    pub name: String,
    /// Null for a habit that is not about a stance (an imported one, say).
    pub stance: Option<HabitStance>,
    pub why: Option<String>,
    /// The schedule; for a measurable habit, once in its period's days (1, 7 or 30).
    pub schedule: Schedule,
    /// What a measurable habit counts and aims for; null for a yes/no habit.
    pub measure: Option<Measure>,
    pub position: i64,
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// What a new habit needs; the name and schedule are already checked by their types.
#[derive(Debug, Clone)]
pub struct NewHabit<'a> {
    pub library_id: Option<&'a str>,
    pub name: &'a HabitName,
    pub stance: Option<HabitStance>,
    pub why: Option<&'a str>,
    pub schedule: Schedule,
    /// Set for a measurable habit (the schedule then holds its period: once in 1, 7 or 30 days).
    pub measure: Option<Measure>,
}

impl<'a> NewHabit<'a> {
    /// A habit of the library, on its default schedule; `name` is its name, checked.
    pub fn from_library(habit: &'a LibraryHabit, name: &'a HabitName) -> Self {
        Self {
            library_id: Some(&habit.id),
            name,
            stance: Some(habit.stance),
            why: Some(&habit.why),
            schedule: habit.schedule,
            measure: habit.measure.clone(),
        }
    }
}

const HABIT_COLUMNS: &str = "id, person_id, library_id, name, stance, why, times, days, position, \
     archived_at, created_at, unit, target, at_most";

impl Store {
    pub fn add_habit(
        &mut self,
        person_id: i64,
        habit: &NewHabit<'_>,
        now: DateTime<Utc>,
    ) -> Result<HabitRecord, StoreError> {
        let tx = self.conn.transaction()?;
        let id = insert_habit(&tx, person_id, habit, None, now)?;
        tx.commit()?;
        self.habit(id)
    }

    pub fn habit(&self, id: i64) -> Result<HabitRecord, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {HABIT_COLUMNS} FROM habit WHERE id = ?1"),
                [id],
                read_habit,
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "habit", id })?
    }

    /// A person's habits in their chosen order; archived ones only when asked for, after the rest.
    pub fn habits(
        &self,
        person_id: i64,
        include_archived: bool,
    ) -> Result<Vec<HabitRecord>, StoreError> {
        let filter = if include_archived {
            ""
        } else {
            "AND archived_at IS NULL"
        };
        self.conn
            .prepare_cached(&format!(
                "SELECT {HABIT_COLUMNS} FROM habit WHERE person_id = ?1 {filter}
                 ORDER BY archived_at IS NOT NULL, position, id"
            ))?
            .query_map([person_id], read_habit)?
            .collect::<Result<Result<Vec<_>, _>, _>>()?
    }

    pub fn update_habit(
        &mut self,
        id: i64,
        name: &HabitName,
        stance: Option<HabitStance>,
        why: Option<&str>,
        schedule: Schedule,
        measure: Option<&Measure>,
    ) -> Result<HabitRecord, StoreError> {
        let before = self.habit(id)?;
        if before.measure.is_some() != measure.is_some() {
            // Its check-ins mean "done" or "an amount": they cannot be read the other way.
            return Err(StoreError::HabitKind {
                name: before.name,
                measurable: before.measure.is_some(),
            });
        }
        self.conn.execute(
            "UPDATE habit SET name = ?2, stance = ?3, why = ?4, times = ?5, days = ?6,
               unit = ?7, target = ?8, at_most = ?9 WHERE id = ?1",
            params![
                id,
                name.as_str(),
                stance.map(HabitStance::as_str),
                why,
                schedule.times(),
                schedule.days(),
                measure.map(|m| m.unit.as_str()),
                measure.map(|m| m.target),
                measure.is_some_and(|m| m.at_most),
            ],
        )?;
        self.habit(id)
    }

    pub fn set_habit_archived(
        &mut self,
        id: i64,
        archived: bool,
        now: DateTime<Utc>,
    ) -> Result<HabitRecord, StoreError> {
        let stamp = archived.then(|| timestamp(now));
        let changed = self.conn.execute(
            "UPDATE habit SET archived_at = ?2 WHERE id = ?1",
            params![id, stamp],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "habit", id });
        }
        self.habit(id)
    }

    /// Puts the person's habits in the order given; every id must be one of theirs.
    pub fn reorder_habits(&mut self, person_id: i64, ids: &[i64]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for (position, id) in (0i64..).zip(ids) {
            let changed = tx.execute(
                "UPDATE habit SET position = ?3 WHERE id = ?1 AND person_id = ?2",
                params![id, person_id, position],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound {
                    what: "habit",
                    id: *id,
                });
            }
        }
        tx.commit()
    }
}

/// Refuses, as "not found", a habit id that is not in the database; tells whether it is measurable.
pub(crate) fn ensure_habit(conn: &rusqlite::Connection, habit_id: i64) -> Result<bool, StoreError> {
    let exists: Option<bool> = conn
        .prepare_cached("SELECT unit IS NOT NULL FROM habit WHERE id = ?1")?
        .query_row([habit_id], |r| r.get(0))
        .optional()?;
    match exists {
        Some(measurable) => Ok(measurable),
        None => Err(StoreError::NotFound {
            what: "habit",
            id: habit_id,
        }),
    }
}

/// Inserts a habit at the end of the person's list; shared with the Loop importer.
pub(crate) fn insert_habit(
    conn: &rusqlite::Connection,
    person_id: i64,
    habit: &NewHabit<'_>,
    import_key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    // An imported habit's key comes from its import key, one from the library from whose it is
    // and its library id (see `imported_key`, `library_key`), unless a habit here already has
    // that key.
    let shared = match (import_key, habit.library_id) {
        (Some(import_key), _) => Some(imported_key(import_key)),
        (None, Some(library_id)) => Some(library_key(
            person_id,
            library_id,
            library_habits_before(conn, person_id, library_id)?,
        )),
        (None, None) => None,
    };
    let shared = match shared {
        Some(key) if !habit_key_taken(conn, key)? => Some(key),
        _ => None,
    };
    conn.execute(
        concat!(
            "INSERT INTO habit (id, person_id, library_id, name, stance, why, times, days, position,
               created_at, import_key, unit, target, at_most)
         VALUES (coalesce(?13, ",
            new_id!("habit"),
            "), ?1, ?2, ?3, ?4, ?5, ?6, ?7,
                 (SELECT coalesce(max(position), -1) + 1 FROM habit WHERE person_id = ?1), ?8, ?9,
                 ?10, ?11, ?12)"
        ),
        params![
            person_id,
            habit.library_id,
            habit.name.as_str(),
            habit.stance.map(HabitStance::as_str),
            habit.why,
            habit.schedule.times(),
            habit.schedule.days(),
            timestamp(now),
            import_key,
            habit.measure.as_ref().map(|m| m.unit.as_str()),
            habit.measure.as_ref().map(|m| m.target),
            habit.measure.as_ref().is_some_and(|m| m.at_most),
            shared,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

fn read_habit(row: &Row<'_>) -> rusqlite::Result<Result<HabitRecord, StoreError>> {
    let stance: Option<String> = row.get(4)?;
    let times: i64 = row.get(6)?;
    let days: i64 = row.get(7)?;
    let archived: Option<String> = row.get(9)?;
    let created: String = row.get(10)?;
    let unit: Option<String> = row.get(11)?;
    let target: Option<f64> = row.get(12)?;
    let at_most: bool = row.get(13)?;
    let (id, person_id, library_id, name, why, position) = (
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(5)?,
        row.get(8)?,
    );
    Ok((|| {
        Ok(HabitRecord {
            id,
            person_id,
            library_id,
            name,
            stance: stance
                .map(|s| {
                    HabitStance::parse(&s)
                        .ok_or_else(|| StoreError::InvalidRecord(format!("unknown stance {s:?}")))
                })
                .transpose()?,
            why,
            schedule: Schedule::new(times, days)
                .map_err(|e| StoreError::InvalidRecord(format!("habit {id}: {e}")))?,
            measure: match (unit, target) {
                (Some(unit), Some(target)) => Some(
                    Measure::new(&unit, target, at_most)
                        .map_err(|e| StoreError::InvalidRecord(format!("habit {id}: {e}")))?,
                ),
                _ => None,
            },
            position,
            archived_at: archived
                .map(|t| parse_timestamp("archived_at", &t))
                .transpose()?,
            created_at: parse_timestamp("created_at", &created)?,
        })
    })())
}
