//! What `apply` cannot settle alone: a row that clashes with another on a UNIQUE index other than
//! its key, and rows left pointing at a parent another device deleted.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params_from_iter};

use super::Applied;
use super::bookkeeping::{self, RowStamps};
use super::changes::Change;
use crate::StoreError;

/// A UNIQUE index other than the key: its columns, and the condition of a partial index.
type UniqueIndex = (Vec<usize>, Option<String>);

/// The table's UNIQUE indexes other than its key.
fn unique_indexes(conn: &Connection, table: &str) -> Result<Vec<UniqueIndex>, StoreError> {
    let indexes: Vec<(String, Option<String>)> = conn
        .prepare(
            "SELECT l.name, m.sql FROM pragma_index_list(?1) l
             LEFT JOIN sqlite_schema m ON m.type = 'index' AND m.name = l.name
             WHERE l.\"unique\" = 1 AND l.origin IN ('u', 'c')",
        )?
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for (index, sql) in indexes {
        let columns: Vec<i64> = conn
            .prepare("SELECT cid FROM pragma_index_info(?1) ORDER BY seqno")?
            .query_map([&index], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let Ok(columns) = columns
            .into_iter()
            .map(usize::try_from)
            .collect::<Result<Vec<_>, _>>()
        else {
            continue;
        };
        let condition = sql.and_then(|sql| {
            let upper = sql.to_ascii_uppercase();
            upper.rfind(" WHERE ").map(|at| sql[at + 7..].to_owned())
        });
        out.push((columns, condition));
    }
    Ok(out)
}

/// An insert refused by a UNIQUE index other than the key (one "me", a Loop habit imported
/// once, an observer's token): the row with the smaller key stays, on every device. (Rules two
/// computers could break together by acting at once are kept by the code that reads instead:
/// see migration 0010.)
pub(super) fn settle_unique_clash(
    conn: &Connection,
    change: &Change,
    names: &[String],
    remote: &RowStamps,
    applied: &mut Applied,
) -> Result<(), StoreError> {
    let table = change.table.as_str();
    // Two "me"s cannot meet (a joining computer takes the group's "me" first); were they to, no
    // person is ever removed to make room for another.
    if change.key_columns.len() != 1 || table == "person" {
        return Ok(());
    }
    let key_column = change.key_columns[0];
    let key_name = &names[key_column];
    let theirs = change.key_values().remove(0);
    for (columns, condition) in unique_indexes(conn, table)? {
        let filter = columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("\"{}\" IS ?{}", names[*c], i + 2))
            .chain(condition.map(|c| format!("({c})")))
            .collect::<Vec<_>>()
            .join(" AND ");
        let values = std::iter::once(theirs.clone()).chain(
            columns
                .iter()
                .map(|c| change.new[*c].clone().unwrap_or(Value::Null)),
        );
        let ours: Option<Value> = conn
            .query_row(
                &format!("SELECT \"{key_name}\" FROM \"{table}\" WHERE \"{key_name}\" IS NOT ?1 AND {filter}"),
                params_from_iter(values),
                |r| r.get(0),
            )
            .optional()?;
        let Some(ours) = ours else { continue };
        if sort_key(&theirs) > sort_key(&ours) {
            return Ok(());
        }
        conn.execute(
            &format!("DELETE FROM \"{table}\" WHERE \"{key_name}\" = ?1"),
            [&ours],
        )?;
        bookkeeping::mark_gone(
            conn,
            table,
            &super::changes::key_text(&[ours]),
            remote.born,
            None,
        )?;
        let row: Vec<Value> = change
            .new
            .iter()
            .map(|v| v.clone().unwrap_or(Value::Null))
            .collect();
        let list = names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>();
        let marks = (1..=names.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>();
        conn.execute(
            &format!(
                "INSERT INTO \"{table}\" ({}) VALUES ({})",
                list.join(", "),
                marks.join(", ")
            ),
            params_from_iter(row),
        )?;
        // Its rows that went in before it, while it was refused, found no parent to derive the
        // journal's entries from: touching them derives those again.
        for (child, column) in crate::ids::references_to(conn, table)? {
            conn.execute(
                &format!(
                    "UPDATE \"{child}\" SET \"{column}\" = \"{column}\" WHERE \"{column}\" = ?1"
                ),
                [&theirs],
            )?;
        }
        bookkeeping::save(conn, table, &change.key(), remote)?;
        applied.rows += 1;
        return Ok(());
    }
    Ok(())
}

fn sort_key(value: &Value) -> (i64, String) {
    match value {
        Value::Integer(i) => (*i, String::new()),
        Value::Text(t) => (0, t.clone()),
        other => (0, format!("{other:?}")),
    }
}

/// Rows whose parent is gone (made on one device while another erased the parent) go too, so
/// an erased client stays erased everywhere.
pub(super) fn remove_orphans(conn: &Connection) -> Result<(), StoreError> {
    loop {
        let broken: i64 =
            conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if broken == 0 {
            return Ok(());
        }
        let links: Vec<(String, String, String, String)> = conn
            .prepare(
                "SELECT m.name, f.\"from\", f.\"table\", f.\"to\"
                 FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let mut removed = 0;
        for (child, from, parent, to) in links {
            removed += conn.execute(
                &format!(
                    "DELETE FROM \"{child}\" WHERE \"{from}\" IS NOT NULL
                     AND \"{from}\" NOT IN (SELECT \"{to}\" FROM \"{parent}\")"
                ),
                [],
            )?;
        }
        if removed == 0 {
            return Err(StoreError::Sync(
                "applying the changes left rows pointing at nothing".to_owned(),
            ));
        }
    }
}
