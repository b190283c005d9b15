//! Keys for new rows that no other device of the person's will make: the milliseconds since
//! 2024 in the high bits, twelve random bits below. Keys keep the order rows were made in (to the
//! millisecond), and stay below 2^53 so the web view reads them as exact numbers until 2093.

use rusqlite::Transaction;
use rusqlite_migration::HookResult;

/// 2024-01-01T00:00:00Z in Unix milliseconds: the keys' epoch.
const EPOCH_MILLIS: i64 = 1_704_067_200_000;

/// A new key for a row of `$table`, as an SQL expression to put in an `INSERT`'s values with
/// `concat!`: from the time (the number in it is [`EPOCH_MILLIS`]), or, when a key from later
/// is already there (made in the same millisecond, or by a device whose clock runs ahead),
/// just after the largest key, so keys here always grow.
macro_rules! new_id {
    ($table:literal) => {
        concat!(
            "(SELECT max(((CAST(unixepoch('subsec') * 1000 AS INTEGER) - 1704067200000) << 12) | (random() & 4095),",
            " coalesce(max(id), 0) + 1 + (random() & 4095)) FROM ",
            $table,
            ")"
        )
    };
}
pub(crate) use new_id;

/// The tables whose rows are keyed by an `id` of their own, parents before children.
const KEYED: &[&str] = &[
    "person",
    "assessment",
    "habit",
    "reminder",
    "exercise_run",
    "journal_note",
    "consent",
    "session",
    "homework",
    "session_item",
    "observer_request",
];

/// Keys below this were made by counting (before sync, or in an export from then).
const COUNTED_KEYS_BELOW: i64 = 1 << 32;

mod habits;
pub(crate) use habits::{
    fnv1a, habit_key_taken, imported_key, key_imported_habits, key_library_habits,
    library_habits_before, library_key,
};

/// Migration 0010's hook, and the last step of an import: every row with a counted key gets a
/// key of the kind [`new_id`] makes, one millisecond apart, ending now, in the order of the old
/// keys; every reference follows (foreign keys, and the journal index's `source` and `habit_id`,
/// which name rows in text).
pub(crate) fn rekey(tx: &Transaction) -> HookResult {
    rekey_counted(tx)?;
    Ok(())
}

pub(crate) fn rekey_counted(tx: &Transaction) -> rusqlite::Result<()> {
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let now: i64 = tx.query_row(
        "SELECT CAST(unixepoch('subsec') * 1000 AS INTEGER)",
        [],
        |r| r.get(0),
    )?;
    tx.execute_batch("CREATE TEMP TABLE rekey (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")?;
    for table in KEYED {
        tx.execute("DELETE FROM temp.rekey", [])?;
        tx.execute(
            &format!(
                "INSERT INTO temp.rekey (old, new)
                 SELECT id, ((?1 - ?2 - row_number() OVER (ORDER BY id DESC)) << 12) | (random() & 4095)
                 FROM \"{table}\" WHERE id < ?3"
            ),
            [now, EPOCH_MILLIS, COUNTED_KEYS_BELOW],
        )?;
        let remap = |t: &str, column: &str| -> rusqlite::Result<usize> {
            tx.execute(
                &format!(
                    "UPDATE \"{t}\" SET \"{column}\" = (SELECT new FROM temp.rekey WHERE old = \"{column}\")
                     WHERE \"{column}\" IN (SELECT old FROM temp.rekey)"
                ),
                [],
            )
        };
        remap(table, "id")?;
        for (child, column) in references_to(tx, table)? {
            remap(&child, &column)?;
        }
        if let Some(prefix) = journal_source_prefix(table) {
            rekey_journal_sources(tx, prefix)?;
        }
        if *table == "habit" {
            remap("journal_entry", "habit_id")?;
        }
    }
    tx.execute_batch("DROP TABLE temp.rekey")?;
    Ok(())
}

/// Gives the row `old` of `table` the key `new`, every reference following.
pub(crate) fn rekey_row(tx: &Transaction, table: &str, old: i64, new: i64) -> rusqlite::Result<()> {
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    tx.execute(
        &format!("UPDATE \"{table}\" SET id = ?2 WHERE id = ?1"),
        [old, new],
    )?;
    for (child, column) in references_to(tx, table)? {
        tx.execute(
            &format!("UPDATE \"{child}\" SET \"{column}\" = ?2 WHERE \"{column}\" = ?1"),
            [old, new],
        )?;
    }
    Ok(())
}

/// Every (table, column) whose foreign key points at `parent`.
pub(crate) fn references_to(
    conn: &rusqlite::Connection,
    parent: &str,
) -> rusqlite::Result<Vec<(String, String)>> {
    conn.prepare(
        "SELECT m.name, f.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f.\"table\" = ?1",
    )?
    .query_map([parent], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

/// The journal index names its sources as `note:<id>`, `check-in:<habit>/<day>` and
/// `reflection:<run>/<prompt>`.
fn journal_source_prefix(table: &str) -> Option<&'static str> {
    match table {
        "journal_note" => Some("note:"),
        "habit" => Some("check-in:"),
        "exercise_run" => Some("reflection:"),
        _ => None,
    }
}

/// Rewrites the key after `prefix` in the journal's sources with the new keys in `temp.rekey`.
fn rekey_journal_sources(tx: &Transaction, prefix: &str) -> rusqlite::Result<usize> {
    // The key runs from after the prefix to the first '/' (or the end).
    tx.execute(
        "WITH parts AS (
             SELECT id,
                    substr(source, length(?1) + 1) AS rest
             FROM journal_entry WHERE substr(source, 1, length(?1)) = ?1
         ), split AS (
             SELECT id,
                    CAST(CASE WHEN instr(rest, '/') > 0 THEN substr(rest, 1, instr(rest, '/') - 1) ELSE rest END AS INTEGER) AS old,
                    CASE WHEN instr(rest, '/') > 0 THEN substr(rest, instr(rest, '/')) ELSE '' END AS tail
             FROM parts
         )
         UPDATE journal_entry
         SET source = ?1 || (SELECT r.new FROM temp.rekey r, split s WHERE s.id = journal_entry.id AND r.old = s.old)
                          || (SELECT s.tail FROM split s WHERE s.id = journal_entry.id)
         WHERE id IN (SELECT s.id FROM split s JOIN temp.rekey r ON r.old = s.old)",
        [prefix],
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // In tests a panic is a failure report.

    use rusqlite::Connection;

    use super::*;
    use crate::migrations::MIGRATIONS;

    /// A schema-9 database with counted keys: two of everything that refers to another row.
    fn counted_database() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::fold::register(&conn).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        MIGRATIONS.to_version(&mut conn, 9).unwrap();
        conn.execute_batch(
            "INSERT INTO person (id, kind, name, created_at, updated_at) VALUES
                 (1, 'me', 'Ana', 't', 't'), (2, 'client', 'Ben', 't', 't');
             INSERT INTO habit (id, person_id, name, times, days, position, created_at) VALUES
                 (1, 1, 'Go second', 1, 1, 0, 't'), (2, 2, 'Ask first', 1, 1, 0, 't');
             INSERT INTO check_in (habit_id, day, state, note, recorded_at) VALUES
                 (1, '2026-01-02', 'done', 'waited for Cleo', 't'),
                 (2, '2026-01-02', 'done', 'asked Dan', 't');
             INSERT INTO reminder (id, habit_id, time, weekdays) VALUES (1, 1, '08:00', 127);
             INSERT INTO exercise_run (id, person_id, exercise_id, exercise_version, started_at)
                 VALUES (1, 1, 'listen', 1, 't');
             INSERT INTO reflection (run_id, prompt_id, step, text, updated_at)
                 VALUES (1, 'p', 0, 'I heard more', 't');
             INSERT INTO journal_note (id, person_id, day, text, created_at, updated_at)
                 VALUES (1, 1, '2026-01-03', 'a quiet day', 't', 't');
             INSERT INTO session (id, person_id, starts_at, created_at, updated_at)
                 VALUES (1, 2, '2026-01-04T10:00', 't', 't');
             INSERT INTO homework (id, session_id, person_id, kind, habit_id, assigned_on)
                 VALUES (1, 1, 2, 'habit', 2, '2026-01-04');
             INSERT INTO session_item (id, session_id, person_id, kind, habit_id, added_at)
                 VALUES (1, 1, 2, 'habit', 2, 't');",
        )
        .unwrap();
        conn
    }

    fn ids(conn: &Connection, table: &str) -> Vec<i64> {
        conn.prepare(&format!("SELECT id FROM {table} ORDER BY id"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn the_upgrade_gives_every_row_a_new_key_and_every_reference_follows() {
        let mut conn = counted_database();
        MIGRATIONS.to_latest(&mut conn).unwrap();

        for table in KEYED {
            for id in ids(&conn, table) {
                assert!((COUNTED_KEYS_BELOW..1 << 53).contains(&id), "{table}: {id}");
            }
        }
        let broken: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(broken, 0);
        // The people keep their order, and each keeps their own habit and check-in.
        let names: Vec<(String, String)> = conn
            .prepare(
                "SELECT p.name, c.note FROM person p JOIN habit h ON h.person_id = p.id
                 JOIN check_in c ON c.habit_id = h.id ORDER BY p.id",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            names,
            [
                ("Ana".to_owned(), "waited for Cleo".to_owned()),
                ("Ben".to_owned(), "asked Dan".to_owned())
            ]
        );
        // The journal's index names the new keys, so editing a note still updates its entry.
        let sources: Vec<String> = conn
            .prepare("SELECT source FROM journal_entry ORDER BY source")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let habit = ids(&conn, "habit");
        let note = ids(&conn, "journal_note")[0];
        let run = ids(&conn, "exercise_run")[0];
        let mut expected = vec![
            format!("check-in:{}/2026-01-02", habit[0]),
            format!("check-in:{}/2026-01-02", habit[1]),
            format!("note:{note}"),
            format!("reflection:{run}/p"),
        ];
        expected.sort();
        assert_eq!(sources, expected);
        conn.execute("UPDATE journal_note SET text = 'a loud day'", [])
            .unwrap();
        let text: String = conn
            .query_row(
                "SELECT text FROM journal_entry WHERE source LIKE 'note:%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(text, "a loud day");
    }

    #[test]
    fn new_keys_are_large_distinct_and_later_than_upgraded_ones() {
        let mut conn = counted_database();
        MIGRATIONS.to_latest(&mut conn).unwrap();
        let upgraded = ids(&conn, "person");
        for name in ["Cleo", "Dan", "Eve"] {
            conn.execute(
                concat!(
                    "INSERT INTO person (id, kind, name, created_at, updated_at) VALUES (",
                    new_id!("person"),
                    ", 'client', ?1, 't', 't')"
                ),
                [name],
            )
            .unwrap();
        }
        let all = ids(&conn, "person");
        assert_eq!(all.len(), 5);
        assert_eq!(&all[..2], &upgraded[..]);
        assert!(all.iter().all(|id| *id < 1 << 53));
        // Made in the same millisecond or not, each key is larger than the one before.
        let made: Vec<i64> = conn
            .prepare("SELECT id FROM person WHERE name IN ('Cleo', 'Dan', 'Eve') ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(made.windows(2).all(|w| w[0] < w[1]), "{made:?}");
    }

    #[test]
    fn an_import_key_gives_the_same_key_on_every_computer_and_version() {
        // FNV-1a's published 64-bit value for "a" is 0xaf63dc4c8601ec8c.
        assert_eq!(imported_key("a"), (1 << 32) + 0x4c_8601_ec8c);
        let key = imported_key("loop:0:Wake up early");
        assert_eq!(key, imported_key("loop:0:Wake up early"));
        assert_ne!(key, imported_key("loop:1:Wake up early"));
        // Above counted keys, below the keys of rows made since 2024-01-05 (exact in JavaScript).
        assert!((COUNTED_KEYS_BELOW..COUNTED_KEYS_BELOW + (1 << 40)).contains(&key));
    }
}
