//! Loop's SQLite backup. Its schema changed many times; rather than one reader per version we read
//! the columns each version has (checked with `PRAGMA table_info`), and refuse a file whose version
//! or tables we do not recognise.

use std::collections::HashSet;
use std::path::Path;

use chrono::DateTime;
use rusqlite::{Connection, OpenFlags};

use super::{
    KNOWN_BACKUP_VERSIONS, LoopEntry, LoopError, LoopExport, LoopHabit, LoopMeasure, LoopValue,
};

pub fn read_backup(path: &Path) -> Result<LoopExport, LoopError> {
    let file = path.display().to_string();
    let not_loop = |reason: String| LoopError::NotLoop {
        file: file.clone(),
        reason,
    };
    // Read-only: the person's backup is never changed.
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not_loop(e.to_string()))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| not_loop(format!("it is not an SQLite database ({e})")))?;
    let habits_columns = columns(&conn, "Habits").map_err(|e| not_loop(e.to_string()))?;
    let reps_columns = columns(&conn, "Repetitions").map_err(|e| not_loop(e.to_string()))?;
    if habits_columns.is_empty() || reps_columns.is_empty() {
        return Err(not_loop("it has no Habits and Repetitions tables".into()));
    }
    if !KNOWN_BACKUP_VERSIONS.contains(&version) {
        return Err(LoopError::UnknownVersion { file, version });
    }
    let has = |set: &HashSet<String>, name: &str| set.contains(&name.to_ascii_lowercase());
    for required in ["id", "name", "freq_num", "freq_den"] {
        if !has(&habits_columns, required) {
            return Err(not_loop(format!(
                "its Habits table has no {required} column"
            )));
        }
    }
    for required in ["habit", "timestamp"] {
        if !has(&reps_columns, required) {
            return Err(not_loop(format!(
                "its Repetitions table has no {required} column"
            )));
        }
    }

    let optional = |set: &HashSet<String>, name: &str, fallback: &str| {
        if has(set, name) {
            name.to_owned()
        } else {
            fallback.to_owned()
        }
    };
    let habits_sql = format!(
        "SELECT id, name, freq_num, freq_den, {archived}, {position}, {kind}, {question}, {description}, {uuid},
                {unit}, {target_type}, {target_value}
         FROM Habits ORDER BY {position}, id",
        archived = optional(&habits_columns, "archived", "0"),
        position = optional(&habits_columns, "position", "id"),
        kind = optional(&habits_columns, "type", "0"),
        question = optional(&habits_columns, "question", "NULL"),
        description = optional(&habits_columns, "description", "NULL"),
        uuid = optional(&habits_columns, "uuid", "NULL"),
        unit = optional(&habits_columns, "unit", "NULL"),
        target_type = optional(&habits_columns, "target_type", "0"),
        target_value = optional(&habits_columns, "target_value", "0"),
    );
    let malformed = |place: String, problem: String| LoopError::Malformed {
        file: file.clone(),
        place,
        problem,
    };
    let sqlite = |e: rusqlite::Error| malformed("reading it".into(), e.to_string());

    let mut habits = Vec::new();
    let mut stmt = conn.prepare(&habits_sql).map_err(sqlite)?;
    let mut rows = stmt.query([]).map_err(sqlite)?;
    while let Some(row) = rows.next().map_err(sqlite)? {
        let id: i64 = row.get(0).map_err(sqlite)?;
        let name: Option<String> = row.get(1).map_err(sqlite)?;
        let name = name.unwrap_or_default().trim().to_owned();
        let place = || format!("habit {id} ({name:?})");
        if name.is_empty() {
            return Err(malformed(place(), "it has no name".into()));
        }
        let freq_num: Option<i64> = row.get(2).map_err(sqlite)?;
        let freq_den: Option<i64> = row.get(3).map_err(sqlite)?;
        let (Some(freq_num), Some(freq_den)) = (freq_num, freq_den) else {
            return Err(malformed(place(), "it has no frequency".into()));
        };
        let position: Option<i64> = row.get(5).map_err(sqlite)?;
        let position = position.unwrap_or(id);
        let question: Option<String> = row.get(7).map_err(sqlite)?;
        let description: Option<String> = row.get(8).map_err(sqlite)?;
        let uuid: Option<String> = row.get(9).map_err(sqlite)?;
        let archived: Option<i64> = row.get(4).map_err(sqlite)?;
        let kind: Option<i64> = row.get(6).map_err(sqlite)?;
        let unit: Option<String> = row.get(10).map_err(sqlite)?;
        let target_type: Option<i64> = row.get(11).map_err(sqlite)?;
        let target: Option<f64> = row.get(12).map_err(sqlite)?;
        // Loop's types: 0 yes/no, 1 numerical; its target types: 0 at least, 1 at most.
        let numerical = (kind.unwrap_or(0) == 1).then(|| LoopMeasure {
            unit: unit.unwrap_or_default().trim().to_owned(),
            target: target.unwrap_or(0.0),
            at_most: target_type.unwrap_or(0) == 1,
        });
        habits.push((
            id,
            LoopHabit {
                key: uuid
                    .filter(|u| !u.trim().is_empty())
                    .unwrap_or_else(|| format!("{position}:{name}")),
                name,
                description: [question, description]
                    .into_iter()
                    .flatten()
                    .map(|t| t.trim().to_owned())
                    .find(|t| !t.is_empty()),
                freq_num,
                freq_den,
                archived: archived.unwrap_or(0) != 0,
                position,
                numerical,
                entries: Vec::new(),
            },
        ));
    }
    drop(rows);
    drop(stmt);

    let reps_sql = format!(
        "SELECT habit, timestamp, {value}, {notes} FROM Repetitions ORDER BY habit, timestamp",
        value = optional(&reps_columns, "value", "NULL"),
        notes = optional(&reps_columns, "notes", "NULL"),
    );
    let mut stmt = conn.prepare(&reps_sql).map_err(sqlite)?;
    let mut rows = stmt.query([]).map_err(sqlite)?;
    while let Some(row) = rows.next().map_err(sqlite)? {
        let habit_id: i64 = row.get(0).map_err(sqlite)?;
        let timestamp: i64 = row.get(1).map_err(sqlite)?;
        let value: Option<i64> = row.get(2).map_err(sqlite)?;
        let note: Option<String> = row.get(3).map_err(sqlite)?;
        let place = || format!("repetition of habit {habit_id} at {timestamp}");
        let Some((_, habit)) = habits.iter_mut().find(|(id, _)| *id == habit_id) else {
            return Err(malformed(place(), "it belongs to no habit".into()));
        };
        let day = DateTime::from_timestamp_millis(timestamp)
            .map(|t| t.date_naive())
            .ok_or_else(|| malformed(place(), "the timestamp is not a date".into()))?;
        let value = match value {
            // Before Loop stored values, a repetition row meant "done".
            None => LoopValue::Done,
            Some(code) if habit.numerical.is_some() => LoopValue::from_amount_code(code)
                .ok_or_else(|| {
                    malformed(place(), format!("the amount {code} is not one Loop writes"))
                })?,
            Some(code) => LoopValue::from_code(code).ok_or_else(|| {
                malformed(place(), format!("the value {code} is not one Loop writes"))
            })?,
        };
        habit.entries.push(LoopEntry {
            day,
            value,
            note: note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
        });
    }
    Ok(LoopExport {
        habits: habits.into_iter().map(|(_, habit)| habit).collect(),
    })
}

/// The lower-cased column names of a table; empty when the table does not exist.
fn columns(conn: &Connection, table: &str) -> rusqlite::Result<HashSet<String>> {
    conn.prepare(&format!("PRAGMA table_info(\"{table}\")"))?
        .query_map([], |row| row.get::<_, String>(1))?
        .map(|name| name.map(|n| n.to_ascii_lowercase()))
        .collect()
}
