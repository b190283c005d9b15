//! Replacing everything while in a sync group (a backup restored, an export imported): copying
//! the other file over this one, as outside a group, would take this device out of the group
//! (its sync settings and records are in the file) and send nothing to the others, who would go
//! on with the data the person meant to replace. Instead the difference between what is here
//! and what the other file holds is written as ordinary changes in one transaction: the session
//! records them like any edit, they carry a stamp later than anything before, and every device
//! ends with the replaced data. This device's own settings and sync records stay as they are.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use super::capture::Db;
use super::tables::is_synced;
use crate::StoreError;
use crate::export::schema::{columns_of, exported_tables, quoted};

/// Settings that belong to this device's place in its group, never replaced.
const DEVICE_SETTINGS: &str = "sync.%";

/// One table's columns, its key's among them.
struct Shape {
    columns: Vec<String>,
    /// Positions in `columns` of the primary key, in key order.
    key: Vec<usize>,
}

impl Shape {
    fn key_columns(&self) -> impl Iterator<Item = String> + '_ {
        self.key.iter().map(|&i| quoted(&self.columns[i]))
    }

    /// Deletes the row whose key is given, the key's columns in order.
    fn delete_sql(&self, table: &str) -> String {
        let matches: Vec<String> = self
            .key_columns()
            .enumerate()
            .map(|(n, column)| format!("{column} = ?{}", n + 1))
            .collect();
        format!(
            "DELETE FROM {} WHERE {}",
            quoted(table),
            matches.join(" AND ")
        )
    }

    /// Writes a whole row, new or over the one with its key.
    fn upsert_sql(&self, table: &str) -> String {
        let all: Vec<String> = self.columns.iter().map(|c| quoted(c)).collect();
        let places: Vec<String> = (1..=all.len()).map(|n| format!("?{n}")).collect();
        let others: Vec<String> = (0..self.columns.len())
            .filter(|i| !self.key.contains(i))
            .map(|i| format!("{0} = excluded.{0}", quoted(&self.columns[i])))
            .collect();
        let on_conflict = if others.is_empty() {
            "DO NOTHING".to_owned()
        } else {
            format!("DO UPDATE SET {}", others.join(", "))
        };
        format!(
            "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT ({}) {on_conflict}",
            quoted(table),
            all.join(", "),
            places.join(", "),
            self.key_columns().collect::<Vec<_>>().join(", ")
        )
    }
}

fn shape(conn: &Connection, table: &str) -> Result<Shape, StoreError> {
    let (columns, order) = columns_of(conn, table)?;
    let key: Option<Vec<usize>> = order
        .iter()
        .map(|name| columns.iter().position(|c| c == name))
        .collect();
    match key {
        Some(key) => Ok(Shape { columns, key }),
        None => Err(StoreError::Sync(format!(
            "the table {table} has no primary key, so it cannot be replaced in a sync group"
        ))),
    }
}

/// The tables whose rows travel, parents before the tables that refer to them (so that the
/// triggers filling the journal find the habit of a check-in, here and on every device applying
/// the changes in the order they were made).
fn synced_tables(conn: &Connection) -> Result<Vec<String>, StoreError> {
    Ok(exported_tables(conn)?
        .into_iter()
        .filter(|name| is_synced(name))
        .collect())
}

/// A key's value, comparable and hashable (a real by its bits).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum KeyPart {
    Null,
    Integer(i64),
    Real(u64),
    Text(String),
    Blob(Vec<u8>),
}

impl From<&Value> for KeyPart {
    fn from(value: &Value) -> Self {
        match value {
            Value::Null => Self::Null,
            Value::Integer(i) => Self::Integer(*i),
            Value::Real(f) => Self::Real(f.to_bits()),
            Value::Text(t) => Self::Text(t.clone()),
            Value::Blob(b) => Self::Blob(b.clone()),
        }
    }
}

/// Calls `each` with every row of `table`, `shape`'s columns in order (both databases are at this
/// version's schema).
fn each_row(
    conn: &Connection,
    table: &str,
    shape: &Shape,
    mut each: impl FnMut(Vec<Value>),
) -> Result<(), StoreError> {
    let list: Vec<String> = shape.columns.iter().map(|c| quoted(c)).collect();
    let mut statement = conn.prepare(&format!(
        "SELECT {} FROM {}",
        list.join(", "),
        quoted(table)
    ))?;
    let mut cursor = statement.query([])?;
    while let Some(row) = cursor.next()? {
        let values = (0..shape.columns.len())
            .map(|i| row.get::<_, Value>(i))
            .collect::<Result<Vec<_>, _>>()?;
        each(values);
    }
    Ok(())
}

/// What one table needs to hold what the source's holds.
struct Diff {
    table: String,
    shape: Shape,
    /// The keys of rows to remove.
    removed: Vec<Vec<Value>>,
    /// Rows to write, new or changed.
    written: Vec<Vec<Value>>,
}

/// Compares one table here with the source's: only this side is held in memory, and only while
/// this table is compared; the source's rows stream past it.
fn diff(ours: &Connection, source: &Connection, table: String) -> Result<Diff, StoreError> {
    let shape = shape(ours, &table)?;
    let key_of = |row: &[Value]| -> Vec<KeyPart> {
        shape.key.iter().map(|&i| KeyPart::from(&row[i])).collect()
    };
    let mut here: HashMap<Vec<KeyPart>, Vec<Value>> = HashMap::new();
    each_row(ours, &table, &shape, |row| {
        here.insert(key_of(&row), row);
    })?;
    let mut written = Vec::new();
    each_row(source, &table, &shape, |row| {
        if here.remove(&key_of(&row)).as_ref() != Some(&row) {
            written.push(row);
        }
    })?;
    let removed = here
        .into_values()
        .map(|row| shape.key.iter().map(|&i| row[i].clone()).collect())
        .collect();
    Ok(Diff {
        table,
        shape,
        removed,
        written,
    })
}

impl Db {
    /// Makes this database hold what `source` holds (a database at this schema version) as
    /// recorded changes, keeping this device's sync settings and records; all in one
    /// transaction, so on any error nothing changes.
    pub(crate) fn replace_in_group(&mut self, source: &Connection) -> Result<(), StoreError> {
        let plan = synced_tables(self)?
            .into_iter()
            .map(|table| diff(self, source, table))
            .collect::<Result<Vec<_>, _>>()?;
        let settings: Vec<(String, String)> = source
            .prepare("SELECT key, value FROM setting WHERE key NOT LIKE ?1")?
            .query_map([DEVICE_SETTINGS], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;

        let tx = self.transaction()?;
        // Rows go in table by table; their references are checked once all are in.
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        // Children before their parents. A row a cascade already removed changes nothing here.
        for diff in plan.iter().rev() {
            let mut delete = tx.prepare(&diff.shape.delete_sql(&diff.table))?;
            for key in &diff.removed {
                delete.execute(params_from_iter(key.iter()))?;
            }
        }
        for diff in &plan {
            let mut upsert = tx.prepare(&diff.shape.upsert_sql(&diff.table))?;
            for row in &diff.written {
                upsert.execute(params_from_iter(row.iter()))?;
            }
        }
        tx.execute(
            "DELETE FROM setting WHERE key NOT LIKE ?1",
            [DEVICE_SETTINGS],
        )?;
        {
            let mut insert = tx.prepare("INSERT INTO setting (key, value) VALUES (?1, ?2)")?;
            for (key, value) in &settings {
                insert.execute([key, value])?;
            }
        }
        tx.commit()
    }
}
