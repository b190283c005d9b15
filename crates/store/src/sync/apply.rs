//! Applying another device's changes: SQLite's `apply` does the work, a conflict handler decides
//! what it cannot, and what is left is settled here, column by column, by "the later change
//! wins" (hybrid-clock stamps, the same on every device). A deletion beats edits made at the
//! same time (an erased client stays erased), but a row made again after the deletion stays.
//! Text a person wrote that loses is kept as a journal note. All in the caller's transaction.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use leadback_sync::clock::Stamp;
use rusqlite::session::{ConflictAction, ConflictType};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params_from_iter};

use super::bookkeeping::{self, RowStamps};
use super::changes::{Change, Op, read_all};
use super::clashes::{remove_orphans, settle_unique_clash};
use super::copies::{self, Lost};
use crate::StoreError;

/// The stamps of a change: one for a whole transaction, or each row's own (a snapshot).
pub(crate) enum Stamps<'a> {
    Uniform(Stamp),
    PerRow(&'a HashMap<(String, String), RowStamps>),
}

impl Stamps<'_> {
    fn of(&self, table: &str, key: &str) -> Option<RowStamps> {
        match self {
            Stamps::Uniform(stamp) => Some(RowStamps::new(*stamp)),
            Stamps::PerRow(rows) => rows.get(&(table.to_owned(), key.to_owned())).cloned(),
        }
    }
}

/// What one changeset did here.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Applied {
    /// Rows changed as the other device changed them.
    pub rows: usize,
    /// Losing texts kept as journal notes.
    pub kept_copies: usize,
    /// The kept copies as a changeset, to send on: a copy one device made while another, which
    /// saw the changes in another order, did not, reaches that one too.
    pub(crate) copies: Vec<u8>,
}

/// Column names of a table, read once.
#[derive(Default)]
pub(crate) struct Columns(HashMap<String, Vec<String>>);

impl Columns {
    pub(crate) fn of(&mut self, conn: &Connection, table: &str) -> Result<&[String], StoreError> {
        if !self.0.contains_key(table) {
            let names = conn
                .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?
                .query_map([table], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            if names.is_empty() {
                return Err(StoreError::Sync(format!(
                    "a change names a table {table:?} this version does not have"
                )));
            }
            self.0.insert(table.to_owned(), names);
        }
        Ok(self.0.get(table).map(Vec::as_slice).unwrap_or_default())
    }
}

/// What was known of a row before the changeset went in.
struct Before {
    key: String,
    /// The row's values, if it was here.
    row: Option<Vec<Value>>,
    stamps: Option<RowStamps>,
    gone: Option<Stamp>,
    remote: RowStamps,
}

/// Applies `changes` with `stamps`, settling every conflict; `device_name` names the device a
/// kept copy of a losing text came from.
pub(crate) fn apply_changes(
    conn: &Connection,
    changes: &[u8],
    stamps: &Stamps<'_>,
    device_name: &dyn Fn(u64) -> String,
) -> Result<Applied, StoreError> {
    let list = read_all(changes)?;
    let mut columns = Columns::default();
    let mut before = Vec::with_capacity(list.len());
    let mut delete_wins = HashSet::new();
    for change in &list {
        let key = change.key();
        let names = columns.of(conn, &change.table)?.to_vec();
        check_width(change, &names)?;
        let row = read_row(conn, &change.table, &names, change)?;
        let local = bookkeeping::load(conn, &change.table, &key)?;
        let remote = stamps.of(&change.table, &key).ok_or_else(|| {
            StoreError::Sync(format!("a snapshot row of {} has no stamps", change.table))
        })?;
        if change.op == Op::Delete
            && row.is_some()
            && local.as_ref().is_none_or(|l| remote.latest() > l.born)
        {
            delete_wins.insert((change.table.clone(), key.clone()));
        }
        before.push(Before {
            gone: bookkeeping::gone(conn, &change.table, &key)?,
            key,
            row,
            stamps: local,
            remote,
        });
    }

    let wins = Arc::new(delete_wins);
    let handler_wins = Arc::clone(&wins);
    // Rows can be left pointing at a deleted parent only where `apply` reports a foreign-key
    // problem: the whole schema is checked then, not after every file.
    let orphans = Arc::new(AtomicBool::new(false));
    let handler_orphans = Arc::clone(&orphans);
    let mut input: &[u8] = changes;
    let reader: &mut dyn Read = &mut input;
    conn.apply_strm(
        reader,
        None::<fn(&str) -> bool>,
        move |conflict, item| match conflict {
            ConflictType::SQLITE_CHANGESET_DATA => match Change::read(&item) {
                Ok(change)
                    if change.op == Op::Delete
                        && handler_wins.contains(&(change.table.clone(), change.key())) =>
                {
                    ConflictAction::SQLITE_CHANGESET_REPLACE
                }
                _ => ConflictAction::SQLITE_CHANGESET_OMIT,
            },
            ConflictType::SQLITE_CHANGESET_FOREIGN_KEY => {
                handler_orphans.store(true, Ordering::Relaxed);
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            // Everything else is settled below, after the rest went in.
            _ => ConflictAction::SQLITE_CHANGESET_OMIT,
        },
    )?;

    let mut applied = Applied::default();
    let mut lost = Vec::new();
    for (change, was) in list.iter().zip(&before) {
        let names = columns.of(conn, &change.table)?.to_vec();
        settle(conn, change, was, &names, &wins, &mut lost, &mut applied)?;
    }
    if orphans.load(Ordering::Relaxed) {
        remove_orphans(conn)?;
    }
    let (kept, copies) = copies::keep_all(conn, &lost, device_name)?;
    applied.kept_copies += kept;
    applied.copies = copies;
    Ok(applied)
}

fn check_width(change: &Change, names: &[String]) -> Result<(), StoreError> {
    if change.new.len().max(change.old.len()) != names.len() {
        return Err(StoreError::Sync(format!(
            "a change to {} has {} columns where this version has {}",
            change.table,
            change.new.len().max(change.old.len()),
            names.len()
        )));
    }
    Ok(())
}

/// `WHERE k1 = ?1 AND k2 = ?2` for a change's key columns.
fn key_filter(change: &Change, names: &[String], first: usize) -> String {
    change
        .key_columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("\"{}\" = ?{}", names[*c], first + i))
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn read_row(
    conn: &Connection,
    table: &str,
    names: &[String],
    change: &Change,
) -> Result<Option<Vec<Value>>, StoreError> {
    let list = names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {list} FROM \"{table}\" WHERE {}",
        key_filter(change, names, 1)
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(change.key_values()), |r| {
            (0..names.len()).map(|i| r.get::<_, Value>(i)).collect()
        })
        .optional()?)
}

#[allow(clippy::too_many_arguments)]
fn settle(
    conn: &Connection,
    change: &Change,
    was: &Before,
    names: &[String],
    delete_wins: &HashSet<(String, String)>,
    lost: &mut Vec<Lost>,
    applied: &mut Applied,
) -> Result<(), StoreError> {
    let table = change.table.as_str();
    let remote_stamp = was.remote.latest();
    match (change.op, &was.row) {
        (Op::Insert, None) => {
            let now_here = read_row(conn, table, names, change)?.is_some();
            // (Made: a snapshot carries a row with the stamps of its later edits too, and a
            // deletion beats edits, as when they come as changes of their own.)
            if was.gone.is_some_and(|gone| gone > was.remote.born) {
                // Deleted here later than the other device made it. (A text edited there
                // meanwhile is kept by the computer it was written on, when the deletion reaches
                // it: see `apply_gone`.)
                if now_here {
                    conn.execute(
                        &format!(
                            "DELETE FROM \"{table}\" WHERE {}",
                            key_filter(change, names, 1)
                        ),
                        params_from_iter(change.key_values()),
                    )?;
                }
            } else if now_here {
                bookkeeping::save(conn, table, &was.key, &was.remote)?;
                applied.rows += 1;
            } else {
                settle_unique_clash(conn, change, names, &was.remote, applied)?;
            }
        }
        (Op::Insert | Op::Update, Some(row)) => {
            merge(conn, change, was, row, names, lost, applied)?;
        }
        (Op::Update, None) => {
            // Deleted here (or never reached here because its owner was erased): it stays so.
            // What it would have written is kept if it was a person's text.
            for column in change.set_columns() {
                if let Some(Value::Text(text)) = &change.new[column] {
                    lost.push(Lost::new(
                        change,
                        names,
                        column,
                        text,
                        was.remote.cell(column),
                    ));
                }
            }
        }
        (Op::Delete, Some(row)) => {
            if delete_wins.contains(&(table.to_owned(), was.key.clone())) {
                // Text written here since the other device last saw the row is kept.
                let stamps = was
                    .stamps
                    .clone()
                    .unwrap_or_else(|| RowStamps::new(remote_stamp));
                for (column, value) in row.iter().enumerate() {
                    if let Value::Text(text) = value
                        && change.old[column].as_ref() != Some(value)
                    {
                        lost.push(Lost::new(change, names, column, text, stamps.cell(column)));
                    }
                }
                let owner = super::tables::owner_of_deleted(conn, change)?;
                bookkeeping::mark_gone(conn, table, &was.key, remote_stamp, owner)?;
                applied.rows += 1;
            }
        }
        (Op::Delete, None) => {
            let owner = super::tables::owner_of_deleted(conn, change)?;
            bookkeeping::mark_gone(conn, table, &was.key, remote_stamp, owner)?;
        }
    }
    Ok(())
}

/// A row both sides have: each column the change sets takes the later of the two values.
fn merge(
    conn: &Connection,
    change: &Change,
    was: &Before,
    row: &[Value],
    names: &[String],
    lost: &mut Vec<Lost>,
    applied: &mut Applied,
) -> Result<(), StoreError> {
    let table = change.table.as_str();
    let mut stamps = was
        .stamps
        .clone()
        .unwrap_or_else(|| RowStamps::new(Stamp::ZERO));
    let mut wanted: Vec<(usize, Value)> = Vec::new();
    for column in change.set_columns() {
        let Some(theirs) = change.new[column].clone() else {
            continue;
        };
        let ours = row[column].clone();
        let their_stamp = was.remote.cell(column);
        let our_stamp = stamps.cell(column);
        // Changed here too, not only on the other device: a conflict, and a losing text is kept.
        let changed_here = change.op == Op::Insert || change.old[column].as_ref() != Some(&ours);
        if their_stamp > our_stamp {
            if let Value::Text(text) = &ours
                && changed_here
                && theirs != ours
            {
                lost.push(Lost::new(change, names, column, text, our_stamp));
            }
            wanted.push((column, theirs));
            stamps.touch(column, their_stamp);
        } else {
            if let Value::Text(text) = &theirs
                && theirs != ours
            {
                lost.push(Lost::new(change, names, column, text, their_stamp));
            }
            wanted.push((column, ours));
        }
    }
    if change.op == Op::Insert && was.remote.born > stamps.born {
        // Made on both devices: the row's birth is the later one, as everywhere.
        let old_born = stamps.born;
        for column in (0..names.len()).filter(|c| !change.key_columns.contains(c)) {
            let cell = stamps.cell(column);
            stamps.cells.insert(column, cell);
        }
        stamps.born = was.remote.born.max(old_born);
    }
    let sets = wanted
        .iter()
        .enumerate()
        .map(|(i, (column, _))| format!("\"{}\" = ?{}", names[*column], i + 1))
        .collect::<Vec<_>>();
    if !sets.is_empty() {
        let sql = format!(
            "UPDATE \"{table}\" SET {} WHERE {}",
            sets.join(", "),
            key_filter(change, names, wanted.len() + 1)
        );
        let values = wanted
            .into_iter()
            .map(|(_, v)| v)
            .chain(change.key_values());
        conn.execute(&sql, params_from_iter(values))?;
        applied.rows += 1;
    }
    bookkeeping::save(conn, table, &was.key, &stamps)
}
