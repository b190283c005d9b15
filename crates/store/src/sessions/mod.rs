//! Coaching sessions with a client: when, the agenda and the notes. What was run or used in a
//! session is in [`items`], the homework set there in [`homework`].

pub(crate) mod homework;
mod items;

use chrono::{DateTime, NaiveDateTime, Utc};
use leadback_core::clients::Session;
use rusqlite::{OptionalExtension, Row, params};

use crate::ids::new_id;
use crate::values::{local, parse_local, parse_timestamp, timestamp};
use crate::{Store, StoreError};

const SESSION_COLUMNS: &str = "id, person_id, starts_at, agenda, notes, updated_at";

impl Store {
    pub fn add_session(
        &mut self,
        person_id: i64,
        starts_at: NaiveDateTime,
        agenda: &str,
        now: DateTime<Utc>,
    ) -> Result<Session, StoreError> {
        self.client(person_id)?;
        self.ensure_consent(person_id)?;
        self.conn.execute(
            concat!(
                "INSERT INTO session (id, person_id, starts_at, agenda, created_at, updated_at)
             VALUES (",
                new_id!("session"),
                ", ?1, ?2, ?3, ?4, ?4)"
            ),
            params![person_id, local(starts_at), agenda, timestamp(now)],
        )?;
        self.session(self.conn.last_insert_rowid())
    }

    pub fn update_session(
        &mut self,
        id: i64,
        starts_at: NaiveDateTime,
        agenda: &str,
        now: DateTime<Utc>,
    ) -> Result<Session, StoreError> {
        let changed = self.conn.execute(
            "UPDATE session SET starts_at = ?2, agenda = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, local(starts_at), agenda, timestamp(now)],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "session",
                id,
            });
        }
        self.session(id)
    }

    /// Saves a session's notes as typed (the UI saves as the coach writes).
    pub fn save_session_notes(
        &mut self,
        id: i64,
        notes: &str,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        let changed = self.conn.execute(
            "UPDATE session SET notes = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, notes, timestamp(now)],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "session",
                id,
            });
        }
        Ok(now)
    }

    /// Deletes a session with its notes and the homework set in it (the habits stay the client's).
    pub fn delete_session(&mut self, id: i64) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM session WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "session",
                id,
            });
        }
        Ok(())
    }

    pub fn session(&self, id: i64) -> Result<Session, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {SESSION_COLUMNS} FROM session WHERE id = ?1"),
                [id],
                read_session,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "session",
                id,
            })?
    }

    /// A person's sessions, newest first.
    pub fn sessions(&self, person_id: i64) -> Result<Vec<Session>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM session WHERE person_id = ?1
                 ORDER BY starts_at DESC, id DESC"
            ))?
            .query_map([person_id], read_session)?
            .collect::<Result<Result<Vec<_>, _>, _>>()?
    }
}

fn read_session(row: &Row<'_>) -> rusqlite::Result<Result<Session, StoreError>> {
    let (id, person_id, starts): (i64, i64, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
    let (agenda, notes, updated): (String, String, String) =
        (row.get(3)?, row.get(4)?, row.get(5)?);
    Ok((|| {
        Ok(Session {
            id,
            person_id,
            starts_at: parse_local("starts_at", &starts)?,
            agenda,
            notes,
            updated_at: parse_timestamp("updated_at", &updated)?,
        })
    })())
}
