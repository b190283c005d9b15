//! The `reminder` table: when a habit's reminders go off.

use chrono::NaiveTime;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::ids::new_id;
use crate::{Store, StoreError};

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

impl Store {
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
                concat!(
                    "INSERT INTO reminder (id, habit_id, time, weekdays) VALUES (",
                    new_id!("reminder"),
                    ", ?1, ?2, ?3)"
                ),
                params![habit_id, time.format("%H:%M").to_string(), weekdays],
            )?;
        }
        tx.commit()?;
        self.reminders(Some(habit_id))
    }

    /// The reminders of one habit, or of every unarchived habit.
    pub fn reminders(&self, habit_id: Option<i64>) -> Result<Vec<ReminderRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            // The same time set on two computers at once is one reminder (the first made).
            "SELECT min(r.id), r.habit_id, r.time, r.weekdays FROM reminder r JOIN habit h ON h.id = r.habit_id
             WHERE h.archived_at IS NULL AND (?1 IS NULL OR r.habit_id = ?1)
             GROUP BY r.habit_id, r.time ORDER BY r.time, min(r.id)",
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
}
