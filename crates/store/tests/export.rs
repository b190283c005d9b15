//! Export then import loses nothing: random databases holding every kind of record export, import
//! into a fresh database and export again to the same document. A bad document writes nothing.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::{Duration, NaiveDate, NaiveTime};
use leadback_core::clients::{ClientDetails, SessionItemInput};
use leadback_core::habits::{CheckState, HabitName, HabitStance, Schedule};
use leadback_store::export::{DERIVED_TABLES, EXPORT_FORMAT_VERSION, ExportDocument};
use leadback_store::{AnsweredVia, NewHabit, Store, StoreError, StoredProgramme};
use leadback_testkit::{now, set_me};
use proptest::prelude::*;

#[path = "export/ops.rs"]
mod ops;

use ops::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn export_import_export_is_lossless(ops in proptest::collection::vec(op(), 0..60)) {
        let source = build(&ops);
        let first = source.export_all(now()).unwrap();
        let text = first.to_json().unwrap();

        let mut target = Store::open_in_memory().unwrap();
        target.import_all(&ExportDocument::from_json(&text).unwrap()).unwrap();
        let second = target.export_all(now()).unwrap();

        prop_assert_eq!(&first, &second);
        // The derived journal is rebuilt: the same entries, found by the same searches.
        let me = target.me().unwrap().unwrap().id;
        let journal = |s: &Store| s.journal(me, &Default::default()).unwrap().into_iter().map(|e| (e.day, e.text)).collect::<Vec<_>>();
        prop_assert_eq!(journal(&source), journal(&target));
    }
}

#[test]
fn every_table_with_data_is_in_the_export() {
    let store = build(&[
        Op::Habit {
            name: "Let others go first".into(),
            stance: Some(1),
            times: 1,
        },
        Op::CheckIn {
            habit: 0,
            day: 3,
            state: Some(0),
            note: Some("went last".into()),
        },
        Op::Reminder {
            habit: 0,
            minute: 480,
            weekdays: 127,
        },
        Op::Energy {
            day: 3,
            level: 4,
            note: None,
        },
        Op::Setting {
            key: 1,
            value: "on".into(),
        },
        Op::Answer {
            item: 1,
            value: Some(4),
        },
        Op::Choice {
            scenario: 1,
            option: Some(2),
        },
        Op::Exercise {
            prompt: 0,
            text: Some("I listened".into()),
            rating: None,
            finish: true,
        },
        Op::Note {
            day: 4,
            text: "a note".into(),
        },
        Op::Programme {
            id: 0,
            body: "{}".into(),
        },
        Op::ProgrammeItem {
            id: 0,
            key: 0,
            done: true,
        },
        Op::CohortResult {
            programme: 0,
            code: 0,
            body: "{}".into(),
        },
        Op::Client {
            name: "Noor".into(),
            notes: "# Stand-up\nNoor let Sam open.".into(),
            due: Some(7),
            answers: Some(vec![Some(4), None]),
        },
    ]);
    let doc = store.export_all(now()).unwrap();
    let info = store.info().unwrap();
    for count in info.counts.iter().filter(|c| c.rows > 0) {
        let index = count.table.starts_with("journal_search");
        assert!(
            index
                || doc
                    .tables
                    .get(&count.table)
                    .is_some_and(|t| t.rows.len() as i64 == count.rows),
            "table {} has {} rows but the export has {:?}",
            count.table,
            count.rows,
            doc.tables.get(&count.table).map(|t| t.rows.len())
        );
    }
    assert!(DERIVED_TABLES.iter().all(|t| doc.tables.contains_key(*t)));
    assert_eq!(doc.format_version, EXPORT_FORMAT_VERSION);
}

fn sample() -> (Store, String) {
    let store = build(&[
        Op::Habit {
            name: "Ask before telling".into(),
            stance: Some(1),
            times: 1,
        },
        Op::CheckIn {
            habit: 0,
            day: 1,
            state: Some(0),
            note: Some("asked".into()),
        },
        Op::Note {
            day: 2,
            text: "the quiet one spoke".into(),
        },
    ]);
    let text = store.export_all(now()).unwrap().to_json().unwrap();
    (store, text)
}

fn refused(text: &str) -> String {
    let mut target = Store::open_in_memory().unwrap();
    let err = ExportDocument::from_json(text)
        .and_then(|doc| target.import_all(&doc))
        .unwrap_err();
    let empty = Store::open_in_memory().unwrap().info().unwrap().counts;
    assert_eq!(
        target.info().unwrap().counts,
        empty,
        "something was written"
    );
    err.to_string()
}

#[test]
fn a_bad_document_is_refused_with_a_reason_and_writes_nothing() {
    let (_, good) = sample();
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
        f(&mut value);
        value.to_string()
    };
    let cases: Vec<(String, &str)> = vec![
        ("not json".into(), "not valid JSON"),
        (good[..good.len() / 2].to_owned(), "not valid JSON"),
        (
            r#"{"format":"leadback-programme","format_version":1}"#.into(),
            "not a Leadback export",
        ),
        (r#"{"hello":1}"#.into(), "no \"format\""),
        (edit(&|v| v["format_version"] = 99.into()), "newer Leadback"),
        (
            edit(&|v| v["schema_version"] = 999.into()),
            "newer Leadback",
        ),
        (
            edit(&|v| v["schema_version"] = 0.into()),
            "not one Leadback has shipped",
        ),
        (
            edit(&|v| v["tables"]["secrets"] = serde_json::json!({"columns": [], "rows": []})),
            "\"secrets\"",
        ),
        (
            edit(&|v| v["tables"]["habit"]["columns"][1] = "colour".into()),
            "\"colour\"",
        ),
        (
            edit(&|v| {
                v["tables"]["check_in"]["rows"][0]
                    .as_array_mut()
                    .unwrap()
                    .pop()
                    .map(drop)
                    .unwrap_or(())
            }),
            "values for",
        ),
        (
            edit(&|v| v["tables"]["check_in"]["rows"][0][0] = 4242.into()),
            "refers to something",
        ),
        (
            edit(&|v| v["tables"]["habit"]["rows"][0][2] = serde_json::json!([1])),
            "a list",
        ),
        (
            edit(&|v| v["tables"]["person"]["rows"][0][1] = "king".into()),
            "table person, row 1",
        ),
    ];
    for (text, says) in cases {
        let message = refused(&text);
        assert!(message.contains(says), "expected {says:?} in: {message}");
    }
}

#[test]
fn an_export_is_only_restored_into_an_empty_database() {
    let (mut store, text) = sample();
    let before = store.export_all(now()).unwrap();
    let err = store
        .import_all(&ExportDocument::from_json(&text).unwrap())
        .unwrap_err();
    assert!(matches!(err, StoreError::NotEmpty { .. }), "{err}");
    assert_eq!(store.export_all(now()).unwrap(), before);
}

#[test]
fn an_export_from_an_older_schema_is_upgraded_on_the_way_in() {
    // What version 3 of the schema exported: people and habits, no journal yet.
    let fixture = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/schema-v3.sqlite3");
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v3.sqlite3");
    std::fs::copy(&fixture, &copy).unwrap();
    let old = rusqlite::Connection::open(&copy).unwrap();
    let people: i64 = old
        .query_row("SELECT count(*) FROM person", [], |r| r.get(0))
        .unwrap();
    let habits: i64 = old
        .query_row("SELECT count(*) FROM habit", [], |r| r.get(0))
        .unwrap();
    drop(old);
    // Opening upgrades the copy; export the original schema by reading the fixture as a store
    // would have at version 3: build the document from the upgraded one but claim version 3 for
    // the tables version 3 had.
    let upgraded = Store::open(&copy).unwrap();
    let mut doc = upgraded.export_all(now()).unwrap();
    doc.schema_version = 3;
    doc.tables.retain(|name, _| {
        [
            "person",
            "assessment",
            "assessment_answer",
            "assessment_choice",
            "habit",
            "check_in",
            "reminder",
            "energy_check_in",
            "setting",
        ]
        .contains(&name.as_str())
    });
    // Columns added since version 3 were not there either: a client's contact (version 5), a
    // measurable habit's unit, target and ceiling and a check-in's amount (version 11).
    for (table, column) in [
        ("person", "contact"),
        ("habit", "unit"),
        ("habit", "target"),
        ("habit", "at_most"),
        ("check_in", "amount"),
    ] {
        let table = doc.tables.get_mut(table).unwrap();
        if let Some(i) = table.columns.iter().position(|c| c == column) {
            table.columns.remove(i);
            for row in &mut table.rows {
                row.remove(i);
            }
        }
    }

    let mut target = Store::open_in_memory().unwrap();
    target.import_all(&doc).unwrap();
    assert_eq!(
        target.schema_version().unwrap(),
        leadback_store::latest_schema_version()
    );
    let counts = target.info().unwrap().counts;
    let rows = |t: &str| counts.iter().find(|c| c.table == t).map(|c| c.rows);
    assert_eq!(rows("person"), Some(people));
    assert_eq!(rows("habit"), Some(habits));
}
