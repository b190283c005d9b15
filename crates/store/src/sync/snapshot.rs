//! Everything a device holds that syncs, as one changeset of inserts with each row's stamps: what
//! it sends when it joins a group (so its own records reach the others) and what a device joining
//! later starts from. Made by the session extension's `diff` against an empty copy of the schema.

use std::collections::HashMap;

use rusqlite::session::Session;
use serde::{Deserialize, Serialize};

use super::bookkeeping::{self, RowStamps};
use super::tables::is_synced;
use crate::{Store, StoreError};

/// A snapshot: the rows (a changeset of inserts) and the stamps of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub changes: Vec<u8>,
    pub stamps: Vec<RowStampsText>,
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
            let tx = self.conn.raw_mut().transaction()?;
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
        Ok(Snapshot { changes, stamps })
    }

    /// Takes in another device's snapshot: rows not here are added, rows on both sides keep the
    /// later value of each column; nothing here is removed. One transaction.
    pub fn sync_apply_snapshot(
        &mut self,
        from: (u64, u64),
        snapshot: &Snapshot,
        device_name: &dyn Fn(u64) -> String,
    ) -> Result<super::Applied, StoreError> {
        let mut stamps = HashMap::new();
        let mut newest = None;
        for row in &snapshot.stamps {
            let parsed = parse_row(row)?;
            newest = newest.max(Some(parsed.latest()));
            stamps.insert((row.table.clone(), row.key.clone()), parsed);
        }
        let now = self.wall().now();
        let seen = newest.map(|newest| self.observe(newest, now));
        let (tx, capture) = self.conn.unrecorded()?;
        bookkeeping::catch_up(&tx)?;
        let applied = super::apply::apply_changes(
            &tx,
            &snapshot.changes,
            &super::apply::Stamps::PerRow(&stamps),
            device_name,
        )?;
        super::send_copies(&tx, &applied, capture)?;
        if let Some(seen) = seen {
            bookkeeping::save_clock(&tx, seen)?;
        }
        super::note_applied(&tx, from)?;
        tx.commit()?;
        Ok(applied)
    }
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
