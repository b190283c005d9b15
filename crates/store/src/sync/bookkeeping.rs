//! When each synced row was made and each of its columns last changed (`sync_row`), and when rows
//! were deleted (`sync_gone`): what "the later change wins" is decided from.

use std::collections::BTreeMap;

use leadback_sync::clock::Stamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::changes::{Change, Op, read_all};
use crate::StoreError;

/// The setting holding the newest stamp this device gave or saw.
pub(crate) const CLOCK_SETTING: &str = "sync.clock";

/// A row's stamps: when it was made, and when each column changed since (columns not listed
/// changed last when the row was made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RowStamps {
    pub born: Stamp,
    pub cells: BTreeMap<usize, Stamp>,
}

impl RowStamps {
    pub(crate) fn new(born: Stamp) -> Self {
        Self {
            born,
            cells: BTreeMap::new(),
        }
    }

    pub(crate) fn cell(&self, column: usize) -> Stamp {
        self.cells.get(&column).copied().unwrap_or(self.born)
    }

    /// Column `column` changed at `stamp`, if that is later than what it has.
    pub(crate) fn touch(&mut self, column: usize, stamp: Stamp) {
        if stamp > self.cell(column) {
            self.cells.insert(column, stamp);
        }
    }

    /// The newest stamp of the row.
    pub(crate) fn latest(&self) -> Stamp {
        self.cells.values().copied().fold(self.born, Stamp::max)
    }
}

fn bad_stamp(text: &str) -> StoreError {
    StoreError::Sync(format!(
        "sync's records hold {text:?}, which is not a stamp"
    ))
}

pub(crate) fn parse(text: &str) -> Result<Stamp, StoreError> {
    text.parse().map_err(|_| bad_stamp(text))
}

pub(crate) fn load(
    conn: &Connection,
    table: &str,
    key: &str,
) -> Result<Option<RowStamps>, StoreError> {
    let found: Option<(String, String)> = conn
        .prepare_cached("SELECT born, cells FROM sync_row WHERE tbl = ?1 AND pk = ?2")?
        .query_row([table, key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((born, cells)) = found else {
        return Ok(None);
    };
    let cells: BTreeMap<String, String> =
        serde_json::from_str(&cells).map_err(|_| bad_stamp(&cells))?;
    let mut stamps = RowStamps::new(parse(&born)?);
    for (column, stamp) in cells {
        let column: usize = column.parse().map_err(|_| bad_stamp(&column))?;
        stamps.cells.insert(column, parse(&stamp)?);
    }
    Ok(Some(stamps))
}

pub(crate) fn save(
    conn: &Connection,
    table: &str,
    key: &str,
    stamps: &RowStamps,
) -> Result<(), StoreError> {
    let cells: BTreeMap<String, String> = stamps
        .cells
        .iter()
        .filter(|(_, stamp)| **stamp != stamps.born)
        .map(|(column, stamp)| (column.to_string(), stamp.to_string()))
        .collect();
    let cells = serde_json::to_string(&cells).map_err(|e| StoreError::Sync(e.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO sync_row (tbl, pk, born, cells) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (tbl, pk) DO UPDATE SET born = excluded.born, cells = excluded.cells",
    )?
    .execute(params![table, key, stamps.born.to_string(), cells])?;
    Ok(())
}

pub(crate) fn forget(conn: &Connection, table: &str, key: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM sync_row WHERE tbl = ?1 AND pk = ?2")?
        .execute([table, key])?;
    Ok(())
}

pub(crate) fn gone(conn: &Connection, table: &str, key: &str) -> Result<Option<Stamp>, StoreError> {
    let found: Option<String> = conn
        .prepare_cached("SELECT stamp FROM sync_gone WHERE tbl = ?1 AND pk = ?2")?
        .query_row([table, key], |r| r.get(0))
        .optional()?;
    found.as_deref().map(parse).transpose()
}

/// The row was deleted at `stamp` (kept if later than what is known); `owner` is whose writing
/// it held and its day, for a table of a person's writing.
pub(crate) fn mark_gone(
    conn: &Connection,
    table: &str,
    key: &str,
    stamp: Stamp,
    owner: Option<(i64, String)>,
) -> Result<(), StoreError> {
    let (person, day) = owner.unzip();
    conn.prepare_cached(
        "INSERT INTO sync_gone (tbl, pk, stamp, owner, owner_day) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (tbl, pk) DO UPDATE SET stamp = max(stamp, excluded.stamp),
           owner = coalesce(excluded.owner, owner), owner_day = coalesce(excluded.owner_day, owner_day)",
    )?
    .execute(params![table, key, stamp.to_string(), person, day])?;
    forget(conn, table, key)
}

/// Whose writing a deleted row held, and its day, if it was noted.
pub(crate) fn gone_owner(
    conn: &Connection,
    table: &str,
    key: &str,
) -> Result<Option<(i64, String)>, StoreError> {
    let found: Option<(Option<i64>, Option<String>)> = conn
        .prepare_cached("SELECT owner, owner_day FROM sync_gone WHERE tbl = ?1 AND pk = ?2")?
        .query_row([table, key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(found.and_then(|(person, day)| person.zip(day)))
}

/// The setting holding the last outbox entry whose changes are noted in `sync_row`/`sync_gone`.
const NOTED_SETTING: &str = "sync.noted";

/// Notes in sync's records what this device's transactions in the outbox changed, those not
/// noted yet, in order. Runs before anything reads the records (applying, a snapshot) and before
/// the outbox is emptied.
pub(crate) fn catch_up(conn: &Connection) -> Result<(), StoreError> {
    let noted: i64 = conn.query_row(
        "SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM setting WHERE key = ?1",
        [NOTED_SETTING],
        |r| r.get(0),
    )?;
    let entries: Vec<(i64, String, Vec<u8>)> = conn
        .prepare("SELECT seq, stamp, changes FROM sync_outbox WHERE seq > ?1 ORDER BY seq")?
        .query_map([noted], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let Some(last) = entries.last().map(|e| e.0) else {
        return Ok(());
    };
    for (_, stamp, changes) in &entries {
        after_local(conn, changes, parse(stamp)?)?;
    }
    crate::settings::put_setting(conn, NOTED_SETTING, &last.to_string())
}

/// Records this device's own transaction, stamped `stamp`.
pub(crate) fn after_local(
    conn: &Connection,
    changes: &[u8],
    stamp: Stamp,
) -> Result<(), StoreError> {
    for change in read_all(changes)? {
        note_applied(conn, &change, stamp)?;
    }
    Ok(())
}

/// Records that `change`, stamped `stamp`, is now in the row.
pub(crate) fn note_applied(
    conn: &Connection,
    change: &Change,
    stamp: Stamp,
) -> Result<(), StoreError> {
    let key = change.key();
    match change.op {
        Op::Insert => save(conn, &change.table, &key, &RowStamps::new(stamp)),
        Op::Update => {
            let mut stamps =
                load(conn, &change.table, &key)?.unwrap_or_else(|| RowStamps::new(stamp));
            for column in change.set_columns() {
                stamps.touch(column, stamp);
            }
            save(conn, &change.table, &key, &stamps)
        }
        Op::Delete => {
            let owner = super::tables::owner_of_deleted(conn, change)?;
            mark_gone(conn, &change.table, &key, stamp, owner)
        }
    }
}

pub(crate) fn save_clock(conn: &Connection, stamp: Stamp) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)",
    )?
    .execute([CLOCK_SETTING, &stamp.to_string()])?;
    Ok(())
}

pub(crate) fn load_clock(conn: &Connection) -> Result<Option<Stamp>, StoreError> {
    let found: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [CLOCK_SETTING],
            |r| r.get(0),
        )
        .optional()?;
    found.as_deref().map(parse).transpose()
}

/// Every synced row now here counts as made at `born` (a device starting to sync).
pub(crate) fn stamp_every_row(conn: &Connection, born: Stamp) -> Result<(), StoreError> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for table in tables.iter().filter(|t| super::tables::is_synced(t)) {
        let keys: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")?
            .query_map([table], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if keys.is_empty() {
            continue;
        }
        let list = keys
            .iter()
            .map(|k| format!("\"{k}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let mut select = conn.prepare(&format!("SELECT {list} FROM \"{table}\""))?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let values = (0..keys.len())
                .map(|i| row.get::<_, rusqlite::types::Value>(i))
                .collect::<Result<Vec<_>, _>>()?;
            save(
                conn,
                table,
                &super::changes::key_text(&values),
                &RowStamps::new(born),
            )?;
        }
    }
    Ok(())
}
