//! Databases written by every schema version Leadback has shipped must open in this version with
//! their data intact. `tests/fixtures/schema-vN.sqlite3` is made when version N is introduced (with
//! that version's CLI: `leadback me --name "Fixture Person vN"` plus whatever N added, by that CLI
//! or, for rows it cannot make, by SQL on the file) and never changed afterwards.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::path::PathBuf;

use leadback_store::{Integrity, Store, latest_schema_version};

fn fixture(version: i64) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(format!("schema-v{version}.sqlite3"))
}

/// Rows per table, read without the store so nothing is migrated yet.
fn row_counts(path: &std::path::Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let rows = conn
                .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |row| {
                    row.get(0)
                })
                .unwrap();
            (table, rows)
        })
        .collect()
}

#[test]
fn there_is_a_fixture_for_every_schema_version() {
    for version in 1..=latest_schema_version() {
        assert!(
            fixture(version).is_file(),
            "schema version {version} has no fixture at {}: create it with that version's CLI",
            fixture(version).display()
        );
    }
}

#[test]
fn every_shipped_schema_upgrades_to_the_latest_with_its_data() {
    for version in 1..=latest_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("leadback.sqlite3");
        std::fs::copy(fixture(version), &path).unwrap();

        let before = row_counts(&path);

        let store = Store::open(&path)
            .unwrap_or_else(|err| panic!("schema v{version} fixture did not open: {err}"));
        assert_eq!(store.schema_version().unwrap(), latest_schema_version());
        let info = store.info().unwrap();
        assert_eq!(info.integrity, Integrity::Ok);
        // The search index's own tables are derived (rebuilt when its tokenizer changes); what
        // it indexes, journal_entry, is checked like every other table.
        let derived = |table: &str| table.starts_with("journal_search_");
        for (table, rows) in before.into_iter().filter(|(t, _)| !derived(t)) {
            let after = info
                .counts
                .iter()
                .find(|c| c.table == table)
                .map(|c| c.rows);
            assert_eq!(
                after,
                Some(rows),
                "v{version}: rows of {table} must survive the upgrade"
            );
        }
        let me = store.me().unwrap().map(|p| p.name);
        assert_eq!(
            me,
            Some(format!("Fixture Person v{version}")),
            "from v{version}"
        );
    }
}

#[test]
fn writing_from_before_the_any_script_index_is_found_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leadback.sqlite3");
    std::fs::copy(fixture(4), &path).unwrap();
    let store = Store::open(&path).unwrap();
    let me = store.me().unwrap().unwrap().id;
    // "agen" is part of a word: the word index of schema 4 could not find it, the rebuilt one does.
    let query = leadback_store::JournalQuery {
        search: Some("agen"),
        ..leadback_store::JournalQuery::default()
    };
    let found: Vec<String> = store
        .journal(me, &query)
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert_eq!(found, ["Priya chose the agenda."]);
}

#[test]
fn writing_from_before_the_folded_index_is_found_without_its_accents_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leadback.sqlite3");
    std::fs::copy(fixture(11), &path).unwrap();
    // A note written at schema 11, whose index folded case and Latin accents only.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "INSERT INTO journal_note (person_id, day, text, created_at, updated_at)
             SELECT id, '2026-12-08', 'Η Ελένη μίλησε πρώτη, ο Nguyễn μετά.', 't', 't'
             FROM person WHERE kind = 'me'",
            [],
        )
        .unwrap();
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM journal_search WHERE journal_search MATCH '\"ελενη\"'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(
            found, 0,
            "schema 11 could not find it, or this test proves nothing"
        );
    }
    let store = Store::open(&path).unwrap();
    let me = store.me().unwrap().unwrap().id;
    for typed in ["ελενη", "ΕΛΕΝΗ", "nguyen", "ελ"] {
        let query = leadback_store::JournalQuery {
            search: Some(typed),
            ..leadback_store::JournalQuery::default()
        };
        let found: Vec<String> = store
            .journal(me, &query)
            .unwrap()
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(
            found,
            ["Η Ελένη μίλησε πρώτη, ο Nguyễn μετά."],
            "searching {typed:?}"
        );
    }
}
