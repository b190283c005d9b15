//! A changeset read into plain values: which table, which row (its key), what it was and became.

use rusqlite::hooks::Action;
use rusqlite::session::ChangesetItem;
use rusqlite::types::{Value, ValueRef};

use super::capture::read_changes;
use crate::StoreError;

/// SQLite's default limit on a table's columns (SQLITE_MAX_COLUMN).
const MAX_COLUMNS: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Insert,
    Update,
    Delete,
}

/// One row's change. `old` and `new` hold a value per column; `None` where the changeset holds
/// none (an update leaves out the columns it did not change).
#[derive(Debug, Clone)]
pub(crate) struct Change {
    pub table: String,
    pub op: Op,
    pub key_columns: Vec<usize>,
    pub old: Vec<Option<Value>>,
    pub new: Vec<Option<Value>>,
}

impl Change {
    pub(crate) fn read(item: &ChangesetItem) -> Result<Self, StoreError> {
        let op = item.op()?;
        let columns = usize::try_from(op.number_of_columns()).unwrap_or(0);
        // No table has more columns than SQLite allows (2,000 by default): a damaged changeset
        // claiming millions is refused before anything is built for them.
        if columns > MAX_COLUMNS {
            return Err(StoreError::Sync(format!(
                "a change claims {columns} columns, more than any table has"
            )));
        }
        let kind = match op.code() {
            Action::SQLITE_INSERT => Op::Insert,
            Action::SQLITE_UPDATE => Op::Update,
            Action::SQLITE_DELETE => Op::Delete,
            _ => return Err(StoreError::Sync("a change of an unknown kind".to_owned())),
        };
        let key_columns = item
            .pk()?
            .iter()
            .enumerate()
            .filter(|(_, flag)| **flag != 0)
            .map(|(i, _)| i)
            .collect();
        let value = |v: rusqlite::Result<ValueRef<'_>>| v.ok().map(Value::from);
        let old = (0..columns)
            .map(|c| match kind {
                Op::Insert => None,
                _ => value(item.old_value(c)),
            })
            .collect();
        let new = (0..columns)
            .map(|c| match kind {
                Op::Delete => None,
                _ => value(item.new_value(c)),
            })
            .collect();
        Ok(Self {
            table: op.table_name().to_owned(),
            op: kind,
            key_columns,
            old,
            new,
        })
    }

    /// The row's key values, in key order.
    pub(crate) fn key_values(&self) -> Vec<Value> {
        let source = match self.op {
            Op::Insert => &self.new,
            _ => &self.old,
        };
        self.key_columns
            .iter()
            .map(|c| source.get(*c).cloned().flatten().unwrap_or(Value::Null))
            .collect()
    }

    /// The row's key as text, the same on every device.
    pub(crate) fn key(&self) -> String {
        key_text(&self.key_values())
    }

    /// The columns this change gives a value to, key columns aside.
    pub(crate) fn set_columns(&self) -> Vec<usize> {
        (0..self.new.len())
            .filter(|c| !self.key_columns.contains(c) && self.new[*c].is_some())
            .collect()
    }
}

/// All the changes in a changeset's bytes.
pub(crate) fn read_all(changes: &[u8]) -> Result<Vec<Change>, StoreError> {
    read_changes(changes, Change::read)
}

/// The values of a key written by [`key_text`] (this schema's keys are integers and text);
/// `None` when the text is not such a key.
pub(crate) fn key_from_text(text: &str) -> Option<Vec<Value>> {
    let values: Vec<serde_json::Value> = serde_json::from_str(text).ok()?;
    values
        .into_iter()
        .map(|v| match v {
            serde_json::Value::Number(n) => n.as_i64().map(Value::Integer),
            serde_json::Value::String(t) => Some(Value::Text(t)),
            _ => None,
        })
        .collect()
}

/// A key's values as JSON text: `[12,"2026-01-02"]`.
pub(crate) fn key_text(values: &[Value]) -> String {
    let json: Vec<serde_json::Value> = values
        .iter()
        .map(|v| match v {
            Value::Null => serde_json::Value::Null,
            Value::Integer(i) => serde_json::Value::from(*i),
            Value::Real(r) => serde_json::Value::from(*r),
            Value::Text(t) => serde_json::Value::from(t.as_str()),
            Value::Blob(b) => serde_json::Value::from(
                b.iter()
                    .map(|byte| format!("{byte:02x}"))
                    .collect::<String>(),
            ),
        })
        .collect();
    serde_json::Value::Array(json).to_string()
}
