//! Observer (360) forms: the requests a person makes of their observers and the answers that come
//! back, once per request. What the answers mean (scoring, the rule of three, the gap to the
//! person's own view) is the domain's; this file keeps them and refuses a second answer.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::new_id;
use crate::values::{parse_timestamp, timestamp};
use crate::{Store, StoreError};

/// How an observer's answers came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AnsweredVia {
    /// On this computer, at the hand-over screen.
    Here,
    /// Through the exported form and the answers file it saved.
    File,
}

impl AnsweredVia {
    fn as_str(self) -> &'static str {
        match self {
            Self::Here => "here",
            Self::File => "file",
        }
    }
}

/// A request for one observer's view of a person. Its answers are never part of it: they are
/// shown only combined with at least two other observers'.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ObserverRequest {
    pub id: i64,
    pub person_id: i64,
    /// The observer's name or role, as the person gave it.
    pub observer: String,
    /// The random token an answers file must carry to be taken as this request's.
    pub token: String,
    pub instrument_id: String,
    pub instrument_version: i64,
    pub created_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
    pub answered_via: Option<AnsweredVia>,
}

const COLUMNS: &str = "id, person_id, observer, token, instrument_id, instrument_version,
    created_at, answered_at, answered_via";

impl Store {
    /// A new request to `observer` (a name or a role) for their view of `person_id`, on the given
    /// instrument; its token is 128 random bits from SQLite's generator.
    pub fn add_observer_request(
        &mut self,
        person_id: i64,
        observer: &str,
        instrument: (&str, i64),
        now: DateTime<Utc>,
    ) -> Result<ObserverRequest, StoreError> {
        self.person(person_id)?;
        self.ensure_consent(person_id)?;
        self.conn.execute(
            concat!(
                "INSERT INTO observer_request
                 (id, person_id, observer, token, instrument_id, instrument_version, created_at)
             VALUES (",
                new_id!("observer_request"),
                ", ?1, ?2, lower(hex(randomblob(16))), ?3, ?4, ?5)"
            ),
            params![
                person_id,
                observer,
                instrument.0,
                instrument.1,
                timestamp(now)
            ],
        )?;
        self.observer_request(self.conn.last_insert_rowid())
    }

    /// One request by its id.
    pub fn observer_request(&self, id: i64) -> Result<ObserverRequest, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM observer_request WHERE id = ?1"),
                [id],
                read_request,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "observer form",
                id,
            })?
    }

    /// The request an answers file names by its token, if this database has it.
    pub fn observer_request_by_token(
        &self,
        token: &str,
    ) -> Result<Option<ObserverRequest>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM observer_request WHERE token = ?1"),
                [token],
                read_request,
            )
            .optional()?
            .transpose()
    }

    /// A person's requests, oldest first.
    pub fn observer_requests(&self, person_id: i64) -> Result<Vec<ObserverRequest>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM observer_request WHERE person_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([person_id], read_request)?;
        rows.map(|row| row?).collect()
    }

    /// Keeps an observer's answers (item id → value, `None` when left out) and marks the request
    /// answered, in one step. A request is answered once: a second time is refused and writes
    /// nothing. The values are the domain's to check before they come here.
    pub fn record_observer_answers(
        &mut self,
        request_id: i64,
        answers: &BTreeMap<String, Option<i64>>,
        via: AnsweredVia,
        now: DateTime<Utc>,
    ) -> Result<ObserverRequest, StoreError> {
        let request = self.observer_request(request_id)?;
        if request.answered_at.is_some() {
            return Err(StoreError::AlreadyAnswered {
                observer: request.observer,
            });
        }
        let tx = self.conn.transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO observer_answer (request_id, item_id, value) VALUES (?1, ?2, ?3)",
            )?;
            for (item, value) in answers {
                insert.execute(params![request_id, item, value])?;
            }
        }
        // The answered_at guard makes the check above hold even against another connection.
        let changed = tx.execute(
            "UPDATE observer_request SET answered_at = ?2, answered_via = ?3
             WHERE id = ?1 AND answered_at IS NULL",
            params![request_id, timestamp(now), via.as_str()],
        )?;
        if changed != 1 {
            return Err(StoreError::AlreadyAnswered {
                observer: request.observer,
            });
        }
        tx.commit()?;
        self.observer_request(request_id)
    }

    /// Every answered request's answers about `person_id` on one instrument version, one map
    /// per observer, in the order they were asked.
    pub fn observer_answer_sets(
        &self,
        person_id: i64,
        instrument: (&str, i64),
    ) -> Result<Vec<BTreeMap<String, Option<i64>>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, a.item_id, a.value
             FROM observer_request r JOIN observer_answer a ON a.request_id = r.id
             WHERE r.person_id = ?1 AND r.instrument_id = ?2 AND r.instrument_version = ?3
               AND r.answered_at IS NOT NULL
             ORDER BY r.id",
        )?;
        let mut sets: Vec<(i64, BTreeMap<String, Option<i64>>)> = Vec::new();
        let rows = stmt.query_map(params![person_id, instrument.0, instrument.1], |row| {
            Ok((row.get::<_, i64>(0)?, row.get(1)?, row.get(2)?))
        })?;
        for row in rows {
            let (request, item, value) = row?;
            match sets.last_mut() {
                Some((id, set)) if *id == request => {
                    set.insert(item, value);
                }
                _ => sets.push((request, BTreeMap::from([(item, value)]))),
            }
        }
        Ok(sets.into_iter().map(|(_, set)| set).collect())
    }

    /// Withdraws a request nobody has answered yet; an answered one stays (its answers are part
    /// of the combined view) and is refused here.
    pub fn delete_observer_request(&mut self, id: i64) -> Result<ObserverRequest, StoreError> {
        let request = self.observer_request(id)?;
        if request.answered_at.is_some() {
            return Err(StoreError::AlreadyAnswered {
                observer: request.observer,
            });
        }
        self.conn.execute(
            "DELETE FROM observer_request WHERE id = ?1 AND answered_at IS NULL",
            [id],
        )?;
        Ok(request)
    }
}

fn read_request(row: &Row<'_>) -> rusqlite::Result<Result<ObserverRequest, StoreError>> {
    let created: String = row.get(6)?;
    let answered: Option<String> = row.get(7)?;
    let via: Option<String> = row.get(8)?;
    let (id, person_id, observer, token, instrument_id, instrument_version) = (
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
    );
    Ok((|| {
        let answered_via = match via.as_deref() {
            None => None,
            Some("here") => Some(AnsweredVia::Here),
            Some("file") => Some(AnsweredVia::File),
            Some(other) => {
                return Err(StoreError::InvalidRecord(format!(
                    "observer form {id} was answered via {other:?}"
                )));
            }
        };
        Ok(ObserverRequest {
            id,
            person_id,
            observer,
            token,
            instrument_id,
            instrument_version,
            created_at: parse_timestamp("created_at", &created)?,
            answered_at: answered
                .as_deref()
                .map(|a| parse_timestamp("answered_at", a))
                .transpose()?,
            answered_via,
        })
    })())
}
