//! What a client's consent allows. Once their current consent is withdrawn, nothing new is taken
//! about them — no assessment, session, session item, homework or observer form — until consent
//! is recorded again; what was kept before stays, and so does the history of their consent. The
//! rule lives here, in the store, so the app and the command line refuse the same things.

use chrono::{DateTime, NaiveDate, Utc};
use leadback_core::clients::Consent;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::ids::new_id;
use crate::values::{parse_day, parse_timestamp, timestamp};
use crate::{Store, StoreError};

const CONSENT_COLUMNS: &str = "id, agreed_on, terms, withdrawn_on, recorded_at";

impl Store {
    /// Refuses with [`StoreError::ConsentWithdrawn`] when `person_id`'s current consent is
    /// withdrawn. Anyone else passes: "me" (who gives no consent), a client whose consent stands
    /// or was given again, and an id no one has (the caller's own lookup says "not found").
    pub fn ensure_consent(&self, person_id: i64) -> Result<(), StoreError> {
        ensure_consent(&self.conn, person_id)
    }

    /// Records newly given (or changed) consent; earlier records stay as history.
    pub fn record_consent(
        &mut self,
        person_id: i64,
        agreed_on: NaiveDate,
        terms: &str,
        now: DateTime<Utc>,
    ) -> Result<Consent, StoreError> {
        self.client(person_id)?;
        self.conn.execute(
            concat!(
                "INSERT INTO consent (id, person_id, agreed_on, terms, recorded_at) VALUES (",
                new_id!("consent"),
                ", ?1, ?2, ?3, ?4)"
            ),
            params![person_id, agreed_on.to_string(), terms, timestamp(now)],
        )?;
        let id = self.conn.last_insert_rowid();
        self.consents(person_id)?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(StoreError::NotFound {
                what: "consent",
                id,
            })
    }

    /// Marks the current consent withdrawn on `day` (kept as history). Nothing to withdraw, or
    /// already withdrawn: "not found".
    pub fn withdraw_consent(
        &mut self,
        person_id: i64,
        day: NaiveDate,
    ) -> Result<Consent, StoreError> {
        let current = self
            .consents(person_id)?
            .into_iter()
            .next()
            .filter(|c| c.withdrawn_on.is_none())
            .ok_or(StoreError::NotFound {
                what: "consent to withdraw for person",
                id: person_id,
            })?;
        self.conn.execute(
            "UPDATE consent SET withdrawn_on = ?2 WHERE id = ?1",
            params![current.id, day.to_string()],
        )?;
        Ok(Consent {
            withdrawn_on: Some(day),
            ..current
        })
    }

    /// Every consent record of a person, newest first.
    pub fn consents(&self, person_id: i64) -> Result<Vec<Consent>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {CONSENT_COLUMNS} FROM consent WHERE person_id = ?1 ORDER BY id DESC"
            ))?
            .query_map([person_id], read_consent)?
            .collect::<Result<Result<Vec<_>, _>, _>>()?
    }
}

impl Store {
    /// Each person's newest consent record (the first of [`Store::consents`]), by person.
    pub(crate) fn newest_consents(
        &self,
    ) -> Result<std::collections::HashMap<i64, Consent>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CONSENT_COLUMNS}, person_id FROM consent
             WHERE id IN (SELECT max(id) FROM consent GROUP BY person_id)"
        ))?;
        let mut rows = stmt.query([])?;
        let mut newest = std::collections::HashMap::new();
        while let Some(row) = rows.next()? {
            newest.insert(row.get(5)?, read_consent(row)??);
        }
        Ok(newest)
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

fn read_consent(row: &Row<'_>) -> rusqlite::Result<Result<Consent, StoreError>> {
    let (id, agreed, terms): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
    let (withdrawn, recorded): (Option<String>, String) = (row.get(3)?, row.get(4)?);
    Ok((|| {
        Ok(Consent {
            id,
            agreed_on: parse_day("agreed_on", &agreed)?,
            terms,
            withdrawn_on: withdrawn
                .map(|w| parse_day("withdrawn_on", &w))
                .transpose()?,
            recorded_at: parse_timestamp("recorded_at", &recorded)?,
        })
    })())
}
