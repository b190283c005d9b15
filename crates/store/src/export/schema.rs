//! What the schema says about the exported tables (which, in what order, their columns), and how
//! a value of a row is written as JSON and read back.

use std::collections::BTreeSet;

use rusqlite::Connection;
use rusqlite::types::{Value as SqlValue, ValueRef};
use serde_json::Value as JsonValue;

use super::document::bad;
use crate::StoreError;

/// The tables an export holds, parents before the tables that refer to them.
pub(crate) fn exported_tables(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let all: Vec<(String, String)> = conn
        .prepare("SELECT name, coalesce(sql, '') FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let virtual_tables: Vec<&str> = all
        .iter()
        .filter(|(_, sql)| sql.to_ascii_uppercase().starts_with("CREATE VIRTUAL TABLE"))
        .map(|(name, _)| name.as_str())
        .collect();
    let names: Vec<String> = all
        .iter()
        .map(|(name, _)| name)
        // Derived values (`derived_*`) are rebuilt from what is exported, never exported.
        .filter(|name| !name.starts_with("derived_"))
        // Sync's own records belong to one device and its place in a group.
        .filter(|name| !name.starts_with("sync_"))
        .filter(|name| {
            !virtual_tables
                .iter()
                .any(|vt| *name == vt || name.starts_with(&format!("{vt}_")))
        })
        .cloned()
        .collect();
    // Parents first, so that triggers on a child find the row they read from.
    let mut ordered: Vec<String> = Vec::new();
    let mut placed: BTreeSet<String> = BTreeSet::new();
    while ordered.len() < names.len() {
        let before = ordered.len();
        for name in &names {
            if placed.contains(name) {
                continue;
            }
            let parents = parents_of(conn, name)?;
            if parents
                .iter()
                .all(|p| p == name || placed.contains(p) || !names.contains(p))
            {
                placed.insert(name.clone());
                ordered.push(name.clone());
            }
        }
        if ordered.len() == before {
            return Err(StoreError::InvalidRecord(
                "the tables refer to each other in a cycle".into(),
            ));
        }
    }
    Ok(ordered)
}

fn parents_of(conn: &Connection, table: &str) -> Result<Vec<String>, StoreError> {
    Ok(conn
        .prepare("SELECT \"table\" FROM pragma_foreign_key_list(?1)")?
        .query_map([table], |row| row.get(0))?
        .collect::<Result<_, _>>()?)
}

/// A table's columns in schema order, and the columns that order its rows (the primary key, or
/// the rowid).
pub(crate) fn columns_of(
    conn: &Connection,
    table: &str,
) -> Result<(Vec<String>, Vec<String>), StoreError> {
    let info: Vec<(String, i64)> = conn
        .prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?
        .query_map([table], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let columns = info.iter().map(|(name, _)| name.clone()).collect();
    let mut key: Vec<(i64, String)> = info
        .into_iter()
        .filter(|(_, pk)| *pk > 0)
        .map(|(name, pk)| (pk, name))
        .collect();
    key.sort();
    let mut order: Vec<String> = key.into_iter().map(|(_, name)| name).collect();
    if order.is_empty() {
        order.push("rowid".to_owned());
    }
    Ok((columns, order))
}

pub(crate) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub(super) fn to_json(value: ValueRef<'_>) -> JsonValue {
    match value {
        ValueRef::Null => JsonValue::Null,
        ValueRef::Integer(i) => JsonValue::from(i),
        ValueRef::Real(f) => {
            serde_json::Number::from_f64(f).map_or(JsonValue::Null, JsonValue::Number)
        }
        ValueRef::Text(t) => JsonValue::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => {
            let hex: String = b.iter().map(|byte| format!("{byte:02x}")).collect();
            serde_json::json!({ "hex": hex })
        }
    }
}

pub(super) fn from_json(
    value: &JsonValue,
    table: &str,
    row: usize,
) -> Result<SqlValue, StoreError> {
    let refused = |what: &str| bad(format!("table {table}, row {}: {what}", row + 1));
    Ok(match value {
        JsonValue::Null => SqlValue::Null,
        JsonValue::Bool(b) => SqlValue::Integer(i64::from(*b)),
        JsonValue::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => SqlValue::Integer(i),
            (None, Some(f)) => SqlValue::Real(f),
            _ => return Err(refused("a number too large to store")),
        },
        JsonValue::String(s) => SqlValue::Text(s.clone()),
        JsonValue::Object(map) => match (map.len(), map.get("hex").and_then(JsonValue::as_str)) {
            (1, Some(hex)) => {
                SqlValue::Blob(unhex(hex).ok_or_else(|| refused("a blob that is not hexadecimal"))?)
            }
            _ => return Err(refused("an object where a value was expected")),
        },
        JsonValue::Array(_) => return Err(refused("a list where a value was expected")),
    })
}

fn unhex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        })
        .collect()
}
