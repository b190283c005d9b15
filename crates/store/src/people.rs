//! The `person` table: "me" now, clients later.

use chrono::{DateTime, SecondsFormat, Utc};
use leadback_core::{Person, PersonKind, PersonName};
use rusqlite::{OptionalExtension, Row, params};

use crate::{Store, StoreError};

const COLUMNS: &str = "id, kind, name, created_at, updated_at";

impl Store {
    /// The person who uses this app, if onboarding has happened.
    pub fn me(&self) -> Result<Option<Person>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM person WHERE kind = 'me'"),
                [],
                read_person,
            )
            .optional()?
            .transpose()
    }

    /// Creates "me" with this name, or renames "me" if it exists.
    pub fn set_my_name(
        &mut self,
        name: &PersonName,
        now: DateTime<Utc>,
    ) -> Result<Person, StoreError> {
        let stamp = timestamp(now);
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO person (kind, name, created_at, updated_at) VALUES ('me', ?1, ?2, ?2)
             ON CONFLICT (kind) WHERE kind = 'me' DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at",
            params![name.as_str(), stamp],
        )?;
        tx.commit()?;
        self.me()?.ok_or_else(|| {
            StoreError::InvalidRecord("\"me\" vanished right after being saved".into())
        })
    }
}

/// Instants are stored as RFC 3339 UTC text with milliseconds: sortable and readable in any tool.
pub(crate) fn timestamp(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn parse_timestamp(column: &str, text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|err| {
            StoreError::InvalidRecord(format!("{column} {text:?} is not a timestamp: {err}"))
        })
}

pub(crate) fn read_person(row: &Row<'_>) -> rusqlite::Result<Result<Person, StoreError>> {
    let kind: String = row.get(1)?;
    let created: String = row.get(3)?;
    let updated: String = row.get(4)?;
    let (id, name) = (row.get(0)?, row.get(2)?);
    Ok((|| {
        Ok(Person {
            id,
            kind: PersonKind::parse(&kind).ok_or_else(|| {
                StoreError::InvalidRecord(format!("unknown person kind {kind:?}"))
            })?,
            name,
            created_at: parse_timestamp("created_at", &created)?,
            updated_at: parse_timestamp("updated_at", &updated)?,
        })
    })())
}
