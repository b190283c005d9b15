//! Building a database in memory from a document, checking every row and reference on the way.

use rusqlite::{Connection, OptionalExtension, params_from_iter};

use super::document::{DERIVED_TABLES, ExportDocument, ExportTable, bad};
use super::schema::{columns_of, exported_tables, from_json, quoted};
use crate::StoreError;
use crate::connection::check;
use crate::migrations::{MIGRATIONS, latest_schema_version};

/// Builds a database in memory from `doc`, at the document's schema version, then upgrades it.
pub(super) fn build(doc: &ExportDocument) -> Result<Connection, StoreError> {
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
    crate::fold::register(&conn)?;
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
    // The import copies this file's pages over the store's: its derived table and triggers too.
    crate::habit_overview::prepare_derived(&conn)?;
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
