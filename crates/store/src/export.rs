//! Everything a person has written, as one versioned JSON document, and back.
//!
//! The export is read from the schema itself (every table, every column), so a table added by a
//! later migration is exported without anyone remembering to list it. Left out is only the
//! full-text index, which the database rebuilds on its own.
//!
//! Importing builds the whole database in memory first, at the schema version the document was
//! written with, checks every row, every reference and the file's integrity, brings it up to this
//! version's schema, and only then copies it into the (empty) target in one step. A document that
//! fails any check writes nothing.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use serde::{Deserialize, Serialize};
use serde_json::Value as JsonValue;

use crate::connection::check;
use crate::migrations::{MIGRATIONS, latest_schema_version};
use crate::{Store, StoreError};

/// The `format` of an export document.
pub const EXPORT_FORMAT: &str = "leadback-export";
/// The newest export format this version writes and reads.
pub const EXPORT_FORMAT_VERSION: u32 = 1;

/// Tables whose rows triggers write from other tables. They are exported like the rest (their ids
/// order the journal), and imported last, replacing what the triggers wrote.
pub const DERIVED_TABLES: &[&str] = &["journal_entry"];

/// One export: the schema version its tables follow, and each table's rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportDocument {
    pub format: String,
    pub format_version: u32,
    pub schema_version: i64,
    pub exported_at: DateTime<Utc>,
    /// By table name, in name order.
    pub tables: BTreeMap<String, ExportTable>,
}

/// A table's columns in schema order, and its rows in key order, each a value per column. Text
/// and numbers are JSON strings and numbers; a blob is `{"hex": "…"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<JsonValue>>,
}

impl ExportDocument {
    /// Reads a document from JSON text, refusing other kinds of file and newer formats.
    pub fn from_json(text: &str) -> Result<Self, StoreError> {
        let value: JsonValue = serde_json::from_str(text)
            .map_err(|err| bad(format!("it is not valid JSON ({err})")))?;
        match value.get("format").and_then(JsonValue::as_str) {
            Some(EXPORT_FORMAT) => {}
            Some(other) => {
                return Err(bad(format!(
                    "it is a {other:?} file, not a Leadback export"
                )));
            }
            None => {
                return Err(bad(
                    "it is not a Leadback export (it has no \"format\")".into()
                ));
            }
        }
        match value.get("format_version").and_then(JsonValue::as_u64) {
            Some(v) if v > u64::from(EXPORT_FORMAT_VERSION) => {
                return Err(bad(format!(
                    "it was made by a newer Leadback (export format {v}; this one reads up to {EXPORT_FORMAT_VERSION})"
                )));
            }
            Some(v) if v >= 1 => {}
            _ => {
                return Err(bad(
                    "its format_version is missing or not a whole number from 1 up".into(),
                ));
            }
        }
        serde_json::from_value(value)
            .map_err(|err| bad(format!("its contents are not as expected ({err})")))
    }

    /// The document as compact JSON text (an export of years of data is written and read in
    /// seconds; pretty-printing it would double its size).
    pub fn to_json(&self) -> Result<String, StoreError> {
        serde_json::to_string(self).map_err(|err| bad(err.to_string()))
    }

    /// Writes the document to `path` (see [`crate::paths::write_file`]).
    pub fn write_to(&self, path: &std::path::Path) -> Result<(), StoreError> {
        crate::paths::write_file(path, self.to_json()?)
    }

    /// Rows across all tables.
    pub fn row_count(&self) -> usize {
        self.tables.values().map(|t| t.rows.len()).sum()
    }
}

fn bad(detail: String) -> StoreError {
    StoreError::BadExport(detail)
}

/// The tables an export holds, parents before the tables that refer to them.
fn exported_tables(conn: &Connection) -> Result<Vec<String>, StoreError> {
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
fn columns_of(conn: &Connection, table: &str) -> Result<(Vec<String>, Vec<String>), StoreError> {
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

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn to_json(value: ValueRef<'_>) -> JsonValue {
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

fn from_json(value: &JsonValue, table: &str, row: usize) -> Result<SqlValue, StoreError> {
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

fn export_conn(conn: &Connection, now: DateTime<Utc>) -> Result<ExportDocument, StoreError> {
    export_rows(conn, now, None)
}

/// For each table, the condition (on `?1`, the person's id) that picks one person's rows: the
/// person row itself, rows that refer to the person, and rows that refer to those, following the
/// foreign keys, so a table added later is covered without anyone listing it. Tables about no one
/// (settings, programmes, cohort results) and derived ones have none.
fn person_filters(
    conn: &Connection,
    tables: &[String],
) -> Result<BTreeMap<String, String>, StoreError> {
    let mut filters = BTreeMap::new();
    for table in tables {
        if DERIVED_TABLES.contains(&table.as_str()) {
            continue;
        }
        if table == "person" {
            filters.insert(table.clone(), "id = ?1".to_owned());
            continue;
        }
        let keys: Vec<(String, String, Option<String>)> = conn
            .prepare("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1)")?
            .query_map([table], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let direct = keys.iter().find(|(parent, _, _)| parent == "person");
        let clause = match direct {
            Some((_, from, _)) => Some(format!("{} = ?1", quoted(from))),
            None => keys.iter().find_map(|(parent, from, to)| {
                let outer = filters.get(parent)?;
                let to = to.as_deref().unwrap_or("rowid");
                Some(format!(
                    "{} IN (SELECT {} FROM {} WHERE {outer})",
                    quoted(from),
                    quoted(to),
                    quoted(parent)
                ))
            }),
        };
        if let Some(clause) = clause {
            filters.insert(table.clone(), clause);
        }
    }
    Ok(filters)
}

/// Every table's rows, or with `person` only that person's (see [`person_filters`]).
fn export_rows(
    conn: &Connection,
    now: DateTime<Utc>,
    person: Option<i64>,
) -> Result<ExportDocument, StoreError> {
    let schema_version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let names = exported_tables(conn)?;
    let filters = match person {
        Some(_) => Some(person_filters(conn, &names)?),
        None => None,
    };
    let mut tables = BTreeMap::new();
    for table in names {
        let condition = match &filters {
            None => "1".to_owned(),
            Some(filters) => match filters.get(&table) {
                Some(clause) => clause.clone(),
                None => continue,
            },
        };
        let (columns, order) = columns_of(conn, &table)?;
        let select = format!(
            "SELECT {} FROM {} WHERE {condition} ORDER BY {}",
            columns
                .iter()
                .map(|c| quoted(c))
                .collect::<Vec<_>>()
                .join(", "),
            quoted(&table),
            order
                .iter()
                .map(|c| if c == "rowid" { c.clone() } else { quoted(c) })
                .collect::<Vec<_>>()
                .join(", "),
        );
        let mut stmt = conn.prepare(&select)?;
        let width = columns.len();
        let params: Vec<i64> = person.into_iter().collect();
        let rows = stmt
            .query_map(params_from_iter(params), |row| {
                (0..width).map(|i| row.get_ref(i).map(to_json)).collect()
            })?
            .collect::<Result<Vec<Vec<JsonValue>>, _>>()?;
        tables.insert(table, ExportTable { columns, rows });
    }
    Ok(ExportDocument {
        format: EXPORT_FORMAT.to_owned(),
        format_version: EXPORT_FORMAT_VERSION,
        schema_version,
        exported_at: now,
        tables,
    })
}

/// Builds a database in memory from `doc`, at the document's schema version, then upgrades it.
fn build(doc: &ExportDocument) -> Result<Connection, StoreError> {
    let version = doc.schema_version;
    if version < 1 {
        return Err(bad(format!(
            "its schema version {version} is not one Leadback has shipped"
        )));
    }
    if version > latest_schema_version() {
        return Err(bad(format!(
            "it was made by a newer Leadback (schema {version}; this one knows up to {})",
            latest_schema_version()
        )));
    }
    let mut conn = Connection::open_in_memory()?;
    let target =
        usize::try_from(version).map_err(|_| bad("its schema version is out of range".into()))?;
    MIGRATIONS.to_version(&mut conn, target)?;

    let expected = exported_tables(&conn)?;
    if let Some(unknown) = doc.tables.keys().find(|name| !expected.contains(name)) {
        return Err(bad(format!(
            "it has a table {unknown:?} that schema {version} does not have"
        )));
    }
    // References are checked once everything is in, so the order of rows within a table is free.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let tx = conn.transaction()?;
    // Derived tables go last: the rows triggers wrote while their sources went in are replaced
    // by the exported ones, which keep their ids and so the journal's order.
    let (derived, sources): (Vec<&String>, Vec<&String>) = expected
        .iter()
        .partition(|table| DERIVED_TABLES.contains(&table.as_str()));
    for table in sources.into_iter().chain(derived) {
        let Some(data) = doc.tables.get(table) else {
            continue;
        };
        if DERIVED_TABLES.contains(&table.as_str()) {
            tx.execute(&format!("DELETE FROM {}", quoted(table)), [])?;
        }
        insert_rows(&tx, table, data, version)?;
    }
    tx.commit()?;
    let dangling: Option<(String, i64)> = conn
        .query_row(
            "SELECT \"table\", rowid FROM pragma_foreign_key_check LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get::<_, Option<i64>>(1)?.unwrap_or(0))),
        )
        .optional()?;
    if let Some((table, _)) = dangling {
        return Err(bad(format!(
            "table {table} has a row that refers to something that is not in the file"
        )));
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    MIGRATIONS.to_latest(&mut conn)?;
    let problems = check(&conn, "integrity_check")?;
    if !problems.is_empty() {
        return Err(bad(format!(
            "the database it makes is not consistent: {}",
            problems.join("; ")
        )));
    }
    Ok(conn)
}

fn insert_rows(
    tx: &Connection,
    table: &str,
    data: &ExportTable,
    version: i64,
) -> Result<(), StoreError> {
    let (columns, _) = columns_of(tx, table)?;
    if let Some(unknown) = data.columns.iter().find(|c| !columns.contains(c)) {
        return Err(bad(format!(
            "table {table} has a column {unknown:?} that schema {version} does not have"
        )));
    }
    let insert = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        quoted(table),
        data.columns
            .iter()
            .map(|c| quoted(c))
            .collect::<Vec<_>>()
            .join(", "),
        vec!["?"; data.columns.len()].join(", "),
    );
    let mut stmt = tx.prepare(&insert)?;
    for (index, row) in data.rows.iter().enumerate() {
        if row.len() != data.columns.len() {
            return Err(bad(format!(
                "table {table}, row {}: {} values for {} columns",
                index + 1,
                row.len(),
                data.columns.len()
            )));
        }
        let values = row
            .iter()
            .map(|v| from_json(v, table, index))
            .collect::<Result<Vec<_>, _>>()?;
        stmt.execute(params_from_iter(values))
            .map_err(|err| bad(format!("table {table}, row {}: {err}", index + 1)))?;
    }
    Ok(())
}

impl Store {
    /// Everything in the database, as a document.
    /// Every row about one person (the person, their consent, sessions, assessments, habits,
    /// check-ins, exercises, notes…), table by table in the export format: what a client is given
    /// when they ask for their data.
    pub fn export_person(
        &self,
        person_id: i64,
        now: DateTime<Utc>,
    ) -> Result<ExportDocument, StoreError> {
        self.person(person_id)?;
        export_rows(&self.conn, now, Some(person_id))
    }

    pub fn export_all(&self, now: DateTime<Utc>) -> Result<ExportDocument, StoreError> {
        // One read transaction, so a write landing mid-export cannot tear it.
        self.conn.execute_batch("BEGIN")?;
        let doc = export_conn(&self.conn, now);
        self.conn.execute_batch("COMMIT")?;
        doc
    }

    /// Fills this database, which must hold no data yet, from an export. Everything is checked
    /// before anything is written; on any error the database is unchanged.
    pub fn import_all(&mut self, doc: &ExportDocument) -> Result<(), StoreError> {
        let built = build(doc)?;
        let existing = export_conn(&self.conn, doc.exported_at)?;
        if let Some((table, _)) = existing.tables.iter().find(|(_, t)| !t.rows.is_empty()) {
            return Err(StoreError::NotEmpty {
                table: table.clone(),
            });
        }
        let backup = rusqlite::backup::Backup::new(&built, &mut self.conn)?;
        // All pages in one step: no other connection ever sees half an import.
        match backup.step(-1)? {
            rusqlite::backup::StepResult::Done => Ok(()),
            other => Err(StoreError::Backup(format!(
                "The import could not be written in one step ({other:?}); nothing was changed."
            ))),
        }
    }
}
