//! Text a person wrote that lost a conflict, kept as a journal note that says what it was, on
//! which device it was written and when. Every device that sees the conflict keeps the same
//! note under the same key, so the copies never multiply.

use chrono::{DateTime, Utc};
use leadback_sync::clock::Stamp;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, named_params};

use super::bookkeeping::{self, RowStamps};
use super::changes::{Change, key_text};
use super::tables::WRITTEN_TEXT;
use crate::StoreError;

/// A text that lost: where it was and when it was written.
#[derive(Debug, Clone)]
pub(crate) struct Lost {
    table: String,
    column: String,
    /// The row's key columns by name.
    key: Vec<(String, Value)>,
    text: String,
    written: Stamp,
}

impl Lost {
    fn key_values(&self) -> Vec<Value> {
        self.key.iter().map(|(_, v)| v.clone()).collect()
    }

    pub(crate) fn new(
        change: &Change,
        names: &[String],
        column: usize,
        text: &str,
        written: Stamp,
    ) -> Self {
        let key = change
            .key_columns
            .iter()
            .zip(change.key_values())
            .map(|(c, v)| (names[*c].clone(), v))
            .collect();
        Self {
            table: change.table.clone(),
            column: names[column].clone(),
            key,
            text: text.to_owned(),
            written,
        }
    }

    /// When, and on which device, the text was written.
    pub(crate) fn written(&self) -> Stamp {
        self.written
    }

    /// A text of a row here, about to be deleted (`key`: its key columns by name).
    pub(crate) fn of_row(
        table: &str,
        key: Vec<(String, Value)>,
        column: &str,
        text: String,
        written: Stamp,
    ) -> Self {
        Self {
            table: table.to_owned(),
            column: column.to_owned(),
            key,
            text,
            written,
        }
    }
}

/// Keeps each of `lost` (see [`keep`]): how many notes were added, and those notes as a
/// changeset to send on.
pub(crate) fn keep_all(
    conn: &Connection,
    lost: &[Lost],
    device_name: &dyn Fn(u64) -> String,
) -> Result<(usize, Vec<u8>), StoreError> {
    let mut kept = 0;
    let mut changes = Vec::new();
    if lost.is_empty() {
        return Ok((kept, changes));
    }
    let mut session = rusqlite::session::Session::new(conn)?;
    session.attach(Some("journal_note"))?;
    for copy in lost {
        if keep(conn, copy, device_name)? {
            kept += 1;
        }
    }
    session.changeset_strm(&mut changes)?;
    Ok((kept, changes))
}

/// Keeps `lost` as a journal note, if it is a person's writing and its owner is still here;
/// `true` when a note was added.
pub(crate) fn keep(
    conn: &Connection,
    lost: &Lost,
    device_name: &dyn Fn(u64) -> String,
) -> Result<bool, StoreError> {
    let Some(written) = WRITTEN_TEXT
        .iter()
        .find(|w| w.table == lost.table && w.column == lost.column)
    else {
        return Ok(false);
    };
    if lost.text.trim().is_empty() {
        return Ok(false);
    }
    let owner_sql = written.owner;
    let mut statement = conn.prepare_cached(owner_sql)?;
    let named: Vec<(String, &Value)> = lost
        .key
        .iter()
        .map(|(name, value)| (format!(":{name}"), value))
        .collect();
    let params: Vec<(&str, &dyn rusqlite::ToSql)> = named
        .iter()
        .filter(|(name, _)| statement.parameter_index(name).ok().flatten().is_some())
        .map(|(name, value)| (name.as_str(), *value as &dyn rusqlite::ToSql))
        .collect();
    let owner: Option<(i64, String)> = statement
        .query_row(params.as_slice(), |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    // A row deleted here: its owner as noted when it went, if they are still here.
    let owner = match owner {
        Some(owner) => Some(owner),
        None => bookkeeping::gone_owner(conn, &lost.table, &key_text(&lost.key_values()))?.filter(
            |(person, _)| {
                conn.query_row("SELECT 1 FROM person WHERE id = ?1", [person], |_| Ok(()))
                    .optional()
                    .ok()
                    .flatten()
                    .is_some()
            },
        ),
    };
    let Some((person, day)) = owner else {
        return Ok(false);
    };
    let id = copy_id(lost);
    // In UTC, so that every computer writes the same note; the journal shows the moment in the
    // person's own time zone (`shownText` in ui/src/features/journal/days.ts reads this format).
    let when = DateTime::<Utc>::from_timestamp_millis(lost.written.millis)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default();
    let text = format!(
        "Kept from a sync conflict: {} written on {} at {when}, replaced by a later change.\n\n{}",
        written.what,
        device_name(lost.written.device),
        lost.text
    );
    let stamp = crate::values::timestamp(
        DateTime::<Utc>::from_timestamp_millis(lost.written.millis).unwrap_or_default(),
    );
    let added = conn.execute(
        "INSERT OR IGNORE INTO journal_note (id, person_id, day, text, created_at, updated_at)
         VALUES (:id, :person, :day, :text, :at, :at)",
        named_params! {":id": id, ":person": person, ":day": day, ":text": text, ":at": stamp},
    )?;
    if added > 0 {
        let key = key_text(&[Value::Integer(id)]);
        bookkeeping::save(conn, "journal_note", &key, &RowStamps::new(lost.written))?;
    }
    Ok(added > 0)
}

/// The copy's key, the same on every device: FNV-1a (64-bit) of where the text was and when it
/// was written, kept below 2^53 like every key.
fn copy_id(lost: &Lost) -> i64 {
    let source = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}",
        lost.table,
        key_text(&lost.key_values()),
        lost.column,
        lost.written
    );
    let hash = crate::ids::fnv1a(&source);
    // Masked to 53 bits: the cast cannot overflow.
    (hash & ((1 << 53) - 1)) as i64
}
