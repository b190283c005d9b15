//! Reading rows out of the database into a document: every table, or one person's rows.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params_from_iter};
use serde_json::Value as JsonValue;

use super::document::{
    DERIVED_TABLES, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, ExportDocument, ExportTable,
};
use super::schema::{columns_of, exported_tables, quoted, to_json};
use crate::StoreError;

pub(super) fn export_conn(
    conn: &Connection,
    now: DateTime<Utc>,
) -> Result<ExportDocument, StoreError> {
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
pub(super) fn export_rows(
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
        let condition = if table == "setting" {
            // This device's place in a sync group is not part of the data.
            format!("({condition}) AND key NOT LIKE 'sync.%'")
        } else {
            condition
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
