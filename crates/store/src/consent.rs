//! What a client's consent allows. Once their current consent is withdrawn, nothing new is taken
//! about them — no assessment, session, session item, homework or observer form — until consent
//! is recorded again; what was kept before stays, and so does the history of their consent. The
//! rule lives here, in the store, so the app and the command line refuse the same things.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::{Store, StoreError};

impl Store {
    /// Refuses with [`StoreError::ConsentWithdrawn`] when `person_id`'s current consent is
    /// withdrawn. Anyone else passes: "me" (who gives no consent), a client whose consent stands
    /// or was given again, and an id no one has (the caller's own lookup says "not found").
    pub fn ensure_consent(&self, person_id: i64) -> Result<(), StoreError> {
        ensure_consent(&self.conn, person_id)
    }
}

pub(crate) fn ensure_consent(conn: &Connection, person_id: i64) -> Result<(), StoreError> {
    let current: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT p.name, (SELECT c.withdrawn_on FROM consent c WHERE c.person_id = p.id
                             ORDER BY c.id DESC LIMIT 1)
             FROM person p WHERE p.id = ?1",
            [person_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    match current {
        Some((person, Some(on))) => {
            let on: NaiveDate = on.parse().map_err(|err| {
                StoreError::InvalidRecord(format!("withdrawn_on {on:?} is not a day: {err}"))
            })?;
            Err(StoreError::ConsentWithdrawn { person, on })
        }
        _ => Ok(()),
    }
}
