//! Everything a device holds that syncs, as one changeset of inserts with each row's stamps: what
//! it sends when it joins a group (so its own records reach the others) and what a device joining
//! later starts from. Made by the session extension's `diff` against an empty copy of the schema.

use std::collections::HashMap;

use leadback_sync::clock::Stamp;
use rusqlite::OptionalExtension;
use rusqlite::session::Session;
use serde::{Deserialize, Serialize};

use super::bookkeeping::{self, RowStamps};
use super::changes::key_from_text;
use super::copies::Lost;
use super::tables::{Owner, WRITTEN_TEXT, is_synced};
use crate::{Store, StoreError};

/// A snapshot: the rows (a changeset of inserts) and the stamps of each, and the rows deleted
/// (so a device that has an older state of them learns they are gone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub changes: Vec<u8>,
    pub stamps: Vec<RowStampsText>,
    pub gone: Vec<GoneText>,
}

/// A row deleted at `stamp`, as kept in `sync_gone`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoneText {
    pub table: String,
    pub key: String,
    pub stamp: String,
}

/// One row's stamps as kept in `sync_row`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowStampsText {
    pub table: String,
    pub key: String,
    pub born: String,
    pub cells: String,
}

impl Store {
    /// Everything here that syncs, with its stamps.
    pub fn sync_snapshot(&mut self) -> Result<Snapshot, StoreError> {
        {
            let tx = self.conn.unrecorded()?.0;
            bookkeeping::catch_up(&tx)?;
            tx.commit()?;
        }
        let conn: &rusqlite::Connection = &self.conn;
        let tables: Vec<(String, String)> = conn
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<Vec<(String, String)>, _>>()?
            .into_iter()
            .filter(|(name, sql)| is_synced(name) && !sql.starts_with("CREATE VIRTUAL"))
            .collect();
        let tables = parents_first(conn, tables)?;
        conn.execute_batch("ATTACH DATABASE ':memory:' AS sync_empty")?;
        let made = (|| -> Result<Vec<u8>, StoreError> {
            for (name, sql) in &tables {
                // The same columns and key under the empty schema (the name may be quoted).
                let columns = sql.find('(').map_or("", |at| &sql[at..]);
                let create = format!("CREATE TABLE sync_empty.\"{name}\" {columns}");
                conn.execute_batch(&create)?;
            }
            let mut session = Session::new(conn)?;
            for (name, _) in &tables {
                session.attach(Some(name.as_str()))?;
                session.diff::<&str, &str>("sync_empty", name.as_str())?;
            }
            let mut changes = Vec::new();
            session.changeset_strm(&mut changes)?;
            Ok(changes)
        })();
        conn.execute_batch("DETACH DATABASE sync_empty")?;
        let changes = made?;
        let stamps = conn
            .prepare("SELECT tbl, pk, born, cells FROM sync_row ORDER BY tbl, pk")?
            .query_map([], |r| {
                Ok(RowStampsText {
                    table: r.get(0)?,
                    key: r.get(1)?,
                    born: r.get(2)?,
                    cells: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let gone = conn
            .prepare("SELECT tbl, pk, stamp FROM sync_gone ORDER BY tbl, pk")?
            .query_map([], |r| {
                Ok(GoneText {
                    table: r.get(0)?,
                    key: r.get(1)?,
                    stamp: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Snapshot {
            changes,
            stamps,
            gone,
        })
    }

    /// Takes in another device's snapshot: rows not here are added, rows on both sides keep the
    /// later value of each column, and a row here the other device deleted after it was made
    /// goes (a deletion beats an edit, as in any change). One transaction.
    pub fn sync_apply_snapshot(
        &mut self,
        from: (u64, u64),
        snapshot: &Snapshot,
        device_name: &dyn Fn(u64) -> String,
    ) -> Result<super::Applied, StoreError> {
        // Someone erased there whose records are still here: erased here as thoroughly.
        let erases = snapshot
            .gone
            .iter()
            .filter(|g| g.table == "person")
            .try_fold(false, |found, g| {
                Ok::<_, StoreError>(found || row_here(&self.conn, g)?)
            })?;
        if erases {
            return self.scrubbing(|store| store.apply_snapshot(from, snapshot, device_name, true));
        }
        self.apply_snapshot(from, snapshot, device_name, false)
    }

    fn apply_snapshot(
        &mut self,
        from: (u64, u64),
        snapshot: &Snapshot,
        device_name: &dyn Fn(u64) -> String,
        erasing: bool,
    ) -> Result<super::Applied, StoreError> {
        let mut stamps = HashMap::new();
        let mut newest = None;
        for row in &snapshot.stamps {
            let parsed = parse_row(row)?;
            newest = newest.max(Some(parsed.latest()));
            stamps.insert((row.table.clone(), row.key.clone()), parsed);
        }
        let own = self.sync_device()?;
        let now = self.wall().now();
        let seen = newest.map(|newest| self.observe(newest, now));
        let (tx, capture) = self.conn.unrecorded()?;
        bookkeeping::catch_up(&tx)?;
        let mut applied = super::apply::apply_changes(
            &tx,
            &snapshot.changes,
            &super::apply::Stamps::PerRow(&stamps),
            device_name,
        )?;
        let (deleted, lost) = apply_gone(&tx, &snapshot.gone, own)?;
        applied.rows += deleted;
        // Texts of rows deleted there, edited here meanwhile: kept (once the deletions are all
        // done, so that nothing is kept for a person erased there).
        let (kept, copies) = super::copies::keep_all(&tx, &lost, device_name)?;
        applied.kept_copies += kept;
        let mut capture = capture;
        super::send_copies(&tx, &applied, capture.as_deref_mut())?;
        let gone_copies = super::Applied {
            copies,
            ..super::Applied::default()
        };
        super::send_copies(&tx, &gone_copies, capture)?;
        if let Some(seen) = seen {
            bookkeeping::save_clock(&tx, seen)?;
        }
        super::note_applied(&tx, from)?;
        if erasing {
            tx.execute(crate::erase::OPTIMIZE_JOURNAL_INDEX, [])?;
        }
        tx.commit()?;
        Ok(applied)
    }
}

/// A table's key columns, in key order.
fn key_columns(conn: &rusqlite::Connection, table: &str) -> Result<Vec<String>, StoreError> {
    let columns: Vec<String> = conn
        .prepare_cached("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")?
        .query_map([table], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if columns.is_empty() || !is_synced(table) {
        return Err(StoreError::Sync(format!(
            "a snapshot names a deleted row of {table:?}, which does not sync here"
        )));
    }
    Ok(columns)
}

/// `WHERE k1 = ?1 AND …` and the values, for a deleted row's key text.
fn gone_filter(
    conn: &rusqlite::Connection,
    gone: &GoneText,
) -> Result<(String, Vec<rusqlite::types::Value>), StoreError> {
    let columns = key_columns(conn, &gone.table)?;
    let values = key_from_text(&gone.key)
        .filter(|values| values.len() == columns.len())
        .ok_or_else(|| {
            StoreError::Sync(format!(
                "a snapshot's deleted row of {} is damaged",
                gone.table
            ))
        })?;
    let filter = columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("\"{c}\" = ?{}", i + 1))
        .collect::<Vec<_>>()
        .join(" AND ");
    Ok((filter, values))
}

fn row_here(conn: &rusqlite::Connection, gone: &GoneText) -> Result<bool, StoreError> {
    let (filter, values) = gone_filter(conn, gone)?;
    let sql = format!("SELECT 1 FROM \"{}\" WHERE {filter}", gone.table);
    Ok(conn
        .query_row(&sql, rusqlite::params_from_iter(values), |_| Ok(()))
        .optional()?
        .is_some())
}

/// The other device's deletions: a row here made before the deletion goes (its children with
/// it) and the deletion is noted, so an older change to the row arriving later does not bring it
/// back; a row made after stays. Deletions already noted here (every snapshot carries them all)
/// are passed over. Returns the rows deleted, and the texts a person wrote in them on this
/// computer (`own`): the deletion came in a snapshot, not as a change of its own (its file was
/// damaged), so whether the other device had seen them is not known, and they are kept rather
/// than lost. (A text written on a third computer is kept there, when the deletion reaches it.)
fn apply_gone(
    conn: &rusqlite::Connection,
    all: &[GoneText],
    own: Option<u64>,
) -> Result<(usize, Vec<Lost>), StoreError> {
    let mut deleted = 0;
    let mut lost = Vec::new();
    for gone in all {
        let stamp = bookkeeping::parse(&gone.stamp)?;
        if bookkeeping::gone(conn, &gone.table, &gone.key)?.is_some_and(|known| known >= stamp) {
            continue;
        }
        let (filter, values) = gone_filter(conn, gone)?;
        let here = bookkeeping::load(conn, &gone.table, &gone.key)?;
        if here.as_ref().is_none_or(|here| stamp > here.born) {
            let (texts, owner) = written_here(conn, gone, &filter, &values, here.as_ref())?;
            lost.extend(
                texts
                    .into_iter()
                    .filter(|t| Some(t.written().device) == own),
            );
            deleted += conn.execute(
                &format!("DELETE FROM \"{}\" WHERE {filter}", gone.table),
                rusqlite::params_from_iter(values),
            )?;
            bookkeeping::mark_gone(conn, &gone.table, &gone.key, stamp, owner)?;
        }
    }
    if deleted > 0 {
        super::clashes::remove_orphans(conn)?;
    }
    Ok((deleted, lost))
}

/// The texts a person wrote in the row `gone` names, if it is here, each with when (and on which
/// computer) it was written; and its owner, for a row whose key does not name one.
fn written_here(
    conn: &rusqlite::Connection,
    gone: &GoneText,
    filter: &str,
    key: &[rusqlite::types::Value],
    stamps: Option<&RowStamps>,
) -> Result<(Vec<Lost>, Option<Owner>), StoreError> {
    use rusqlite::types::Value;
    let (names, key_names) = crate::export::schema::columns_of(conn, &gone.table)?;
    let list = names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let row: Option<Vec<Value>> = conn
        .query_row(
            &format!("SELECT {list} FROM \"{}\" WHERE {filter}", gone.table),
            rusqlite::params_from_iter(key),
            |r| (0..names.len()).map(|i| r.get(i)).collect(),
        )
        .optional()?;
    let Some(row) = row else {
        return Ok((Vec::new(), None));
    };
    let value = |column: &str| {
        names
            .iter()
            .position(|n| n == column)
            .map(|i| row[i].clone())
    };
    let owner = super::tables::owner_of(&gone.table, value);
    let texts = WRITTEN_TEXT
        .iter()
        .filter(|w| w.table == gone.table)
        .filter_map(|w| {
            let column = names.iter().position(|n| n == w.column)?;
            let Value::Text(text) = &row[column] else {
                return None;
            };
            let written = stamps.map_or(Stamp::ZERO, |s| s.cell(column));
            let key = key_names.iter().cloned().zip(key.iter().cloned()).collect();
            Some(Lost::of_row(
                &gone.table,
                key,
                w.column,
                text.clone(),
                written,
            ))
        })
        .collect();
    Ok((texts, owner))
}

/// Tables ordered so each comes after those it refers to: applied in this order, a row's
/// parent is there when its triggers (the journal's index) look for it.
fn parents_first(
    conn: &rusqlite::Connection,
    mut left: Vec<(String, String)>,
) -> Result<Vec<(String, String)>, StoreError> {
    let mut placed: Vec<(String, String)> = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let before = left.len();
        let mut waiting = Vec::new();
        for (name, sql) in left {
            let parents: Vec<String> = conn
                .prepare("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)")?
                .query_map([&name], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let ready = parents
                .iter()
                .all(|p| *p == name || placed.iter().any(|(n, _)| n == p));
            if ready {
                placed.push((name, sql));
            } else {
                waiting.push((name, sql));
            }
        }
        if waiting.len() == before {
            // A cycle (none in this schema): the rest in name order.
            placed.append(&mut waiting);
        }
        left = waiting;
    }
    Ok(placed)
}

fn parse_row(row: &RowStampsText) -> Result<RowStamps, StoreError> {
    let bad = || StoreError::Sync(format!("a snapshot row of {} has bad stamps", row.table));
    let mut stamps = RowStamps::new(row.born.parse().map_err(|_| bad())?);
    let cells: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&row.cells).map_err(|_| bad())?;
    for (column, stamp) in cells {
        stamps.cells.insert(
            column.parse().map_err(|_| bad())?,
            stamp.parse().map_err(|_| bad())?,
        );
    }
    Ok(stamps)
}
