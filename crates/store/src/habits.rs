//! The `habit`, `check_in`, `reminder` and `energy_check_in` tables. A check-in is committed before
//! the call returns, so whatever the UI shows as saved is on disk.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use leadback_core::habits::{CheckIns, CheckState, HabitName, HabitStance, LibraryHabit, Schedule};
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;
use ts_rs::TS;

use crate::people::{parse_timestamp, timestamp};
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
    pub schedule: Schedule,
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
        }
    }
}

/// One day's entry for a habit: a state, a note, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CheckInRecord {
    pub habit_id: i64,
    pub day: NaiveDate,
    /// Null for a note on a day with no check-in (kept from an import).
    pub state: Option<CheckState>,
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

/// A reminder for a habit at a local time on some weekdays (bit 0 = Monday … bit 6 = Sunday).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReminderRecord {
    pub id: i64,
    pub habit_id: i64,
    /// "HH:MM", the same form `set_reminders` takes.
    #[ts(type = "string")]
    #[serde(serialize_with = "hours_and_minutes")]
    pub time: NaiveTime,
    pub weekdays: i64,
}

fn hours_and_minutes<S: serde::Serializer>(time: &NaiveTime, out: S) -> Result<S::Ok, S::Error> {
    out.collect_str(&time.format("%H:%M"))
}

const HABIT_COLUMNS: &str =
    "id, person_id, library_id, name, stance, why, times, days, position, archived_at, created_at";

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
    ) -> Result<HabitRecord, StoreError> {
        let changed = self.conn.execute(
            "UPDATE habit SET name = ?2, stance = ?3, why = ?4, times = ?5, days = ?6 WHERE id = ?1",
            params![
                id,
                name.as_str(),
                stance.map(HabitStance::as_str),
                why,
                schedule.times(),
                schedule.days()
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "habit", id });
        }
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
        Ok(tx.commit()?)
    }

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
        let exists: Option<i64> = tx
            .query_row("SELECT id FROM habit WHERE id = ?1", [habit_id], |r| {
                r.get(0)
            })
            .optional()?;
        if exists.is_none() {
            return Err(StoreError::NotFound {
                what: "habit",
                id: habit_id,
            });
        }
        if state.is_none() && note.is_none() {
            tx.execute(
                "DELETE FROM check_in WHERE habit_id = ?1 AND day = ?2",
                params![habit_id, day],
            )?;
        } else {
            tx.execute(
                "INSERT INTO check_in (habit_id, day, state, note, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (habit_id, day) DO UPDATE SET
                   state = excluded.state, note = excluded.note, recorded_at = excluded.recorded_at",
                params![habit_id, day, state.map(CheckState::as_str), note, timestamp(now)],
            )?;
        }
        tx.commit()?;
        Ok((state.is_some() || note.is_some()).then(|| CheckInRecord {
            habit_id,
            day,
            state,
            note: note.map(str::to_owned),
        }))
    }

    /// A habit's entries, oldest first.
    pub fn check_ins(&self, habit_id: i64) -> Result<Vec<CheckInRecord>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT habit_id, day, state, note FROM check_in WHERE habit_id = ?1 ORDER BY day",
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

    /// Replaces a habit's reminders.
    pub fn set_reminders(
        &mut self,
        habit_id: i64,
        reminders: &[(NaiveTime, i64)],
    ) -> Result<Vec<ReminderRecord>, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM reminder WHERE habit_id = ?1", [habit_id])?;
        for (time, weekdays) in reminders {
            tx.execute(
                "INSERT INTO reminder (habit_id, time, weekdays) VALUES (?1, ?2, ?3)",
                params![habit_id, time.format("%H:%M").to_string(), weekdays],
            )?;
        }
        tx.commit()?;
        self.reminders(Some(habit_id))
    }

    /// The reminders of one habit, or of every unarchived habit.
    pub fn reminders(&self, habit_id: Option<i64>) -> Result<Vec<ReminderRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.habit_id, r.time, r.weekdays FROM reminder r JOIN habit h ON h.id = r.habit_id
             WHERE h.archived_at IS NULL AND (?1 IS NULL OR r.habit_id = ?1) ORDER BY r.time, r.id",
        )?;
        let rows = stmt.query_map([habit_id], |row| {
            let time: String = row.get(2)?;
            Ok((row.get(0)?, row.get(1)?, time, row.get(3)?))
        })?;
        rows.map(|row| {
            let (id, habit_id, time, weekdays) = row?;
            let time = NaiveTime::parse_from_str(&time, "%H:%M")
                .map_err(|_| StoreError::InvalidRecord(format!("reminder time {time:?}")))?;
            Ok(ReminderRecord {
                id,
                habit_id,
                time,
                weekdays,
            })
        })
        .collect()
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
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
    conn.execute(
        "INSERT INTO habit (person_id, library_id, name, stance, why, times, days, position, created_at, import_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                 (SELECT coalesce(max(position), -1) + 1 FROM habit WHERE person_id = ?1), ?8, ?9)",
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
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// "YYYY-MM-DD" (what the `day` columns hold, checked by their GLOB constraint).
fn parse_day(text: &str) -> Option<NaiveDate> {
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

fn read_habit(row: &Row<'_>) -> rusqlite::Result<Result<HabitRecord, StoreError>> {
    let stance: Option<String> = row.get(4)?;
    let times: i64 = row.get(6)?;
    let days: i64 = row.get(7)?;
    let archived: Option<String> = row.get(9)?;
    let created: String = row.get(10)?;
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
            position,
            archived_at: archived
                .map(|t| parse_timestamp("archived_at", &t))
                .transpose()?,
            created_at: parse_timestamp("created_at", &created)?,
        })
    })())
}

fn read_check_in(row: &Row<'_>) -> rusqlite::Result<Result<CheckInRecord, StoreError>> {
    let state: Option<String> = row.get(2)?;
    let (habit_id, day, note) = (row.get(0)?, row.get(1)?, row.get(3)?);
    Ok(state
        .map(|s| parse_state(&s))
        .transpose()
        .map(|state| CheckInRecord {
            habit_id,
            day,
            state,
            note,
        }))
}
