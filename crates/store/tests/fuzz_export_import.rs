//! Fuzzing the import of a Leadback export (the JSON document `leadback import backup` reads):
//! arbitrary bytes, a valid export damaged byte by byte or line by line, and valid exports with one
//! cell replaced by an awkward value. Whatever the document, the import finishes or is refused
//! with a message, never panics, and a refused import leaves the empty database exactly as it was.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

#[path = "../../core/tests/common/mod.rs"]
mod common;

use std::sync::LazyLock;

use chrono::NaiveDate;
use common::{apply_bytes, apply_text, arbitrary_text, byte_edit, config, json_value, text_edits};
use leadback_core::habits::{CheckState, HabitName, Schedule};
use leadback_store::export::ExportDocument;
use leadback_store::{Integrity, NewHabit, Store, StoredProgramme};
use leadback_testkit::{now, set_me};
use proptest::prelude::*;
use proptest::sample::Index;

/// A valid export holding a little of everything.
static VALID: LazyLock<String> = LazyLock::new(|| {
    let mut store = Store::open_in_memory().unwrap();
    let me = set_me(&mut store, "Ada");
    let name = HabitName::parse("Let someone else go first").unwrap();
    let habit = NewHabit {
        library_id: Some("let-others-go-first"),
        name: &name,
        stance: None,
        why: Some("to see who steps up"),
        schedule: Schedule::new(3, 7).unwrap(),
        measure: None,
    };
    let habit = store.add_habit(me, &habit, now()).unwrap().id;
    let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    store
        .check_in(habit, day, Some(CheckState::Done), Some("went last"), now())
        .unwrap();
    store.set_energy(me, day, 4, Some("rested"), now()).unwrap();
    store
        .add_journal_note(me, day, "the quiet one spoke", now())
        .unwrap();
    let assessment = store
        .start_assessment(me, "leadback-core", 1, now())
        .unwrap()
        .id;
    store
        .save_answer(assessment, "front-01", Some(3), 1, now())
        .unwrap();
    store
        .save_choice(assessment, "hike", Some("b"), 2, now())
        .unwrap();
    let run = store
        .start_exercise_run(me, "listen-first", 1, None, now())
        .unwrap()
        .id;
    store
        .save_reflection(run, 1, "first", Some("I waited"), None, now())
        .unwrap();
    let programme = StoredProgramme {
        id: "weekend".into(),
        version: 1,
        title: "Weekend".into(),
        body: "{}".into(),
        origin: "authored".into(),
    };
    store.save_programme(&programme, now()).unwrap();
    store
        .set_programme_item_done(me, "weekend", "walk", true, now())
        .unwrap();
    store.export_all(now()).unwrap().to_json().unwrap()
});

/// Imports `text` into an empty database and checks the outcome: refused with a message and
/// nothing written, or imported into a consistent database.
fn import(text: &str) {
    let mut target = Store::open_in_memory().unwrap();
    let before = target.export_all(now()).unwrap();
    let counts_before = target.info().unwrap().counts;
    match ExportDocument::from_json(text).and_then(|doc| target.import_all(&doc)) {
        Err(err) => {
            assert!(
                !err.to_string().trim().is_empty(),
                "a refusal without a message"
            );
            assert_eq!(
                target.export_all(now()).unwrap(),
                before,
                "a refused import wrote rows"
            );
            assert_eq!(target.info().unwrap().counts, counts_before);
        }
        Ok(()) => {
            let info = target.info().unwrap();
            assert_eq!(info.integrity, Integrity::Ok);
            // What was imported exports again and imports into another empty database.
            let again = target.export_all(now()).unwrap();
            let mut other = Store::open_in_memory().unwrap();
            other.import_all(&again).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(config("proptest-regressions/fuzz_export_import.txt"))]

    #[test]
    fn arbitrary_text_is_refused_or_imported(text in arbitrary_text()) {
        import(&text);
    }

    #[test]
    fn a_damaged_export_is_refused_or_imported(edits in proptest::collection::vec(byte_edit(), 1..6)) {
        let mut bytes = VALID.as_bytes().to_vec();
        for edit in &edits {
            apply_bytes(&mut bytes, edit);
        }
        import(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn an_export_with_edited_lines_is_refused_or_imported(edits in text_edits()) {
        import(&apply_text(&VALID, &edits));
    }

    #[test]
    fn an_export_with_an_odd_cell_is_refused_or_imported(
        table in any::<Index>(),
        row in any::<Index>(),
        column in any::<Index>(),
        cell in json_value(vec!["hex".into(), "x".into()]),
    ) {
        let mut doc: serde_json::Value = serde_json::from_str(&VALID).unwrap();
        let tables = doc["tables"].as_object_mut().unwrap();
        let names: Vec<String> = tables.keys().cloned().collect();
        let name = &names[table.index(names.len())];
        let rows = tables[name]["rows"].as_array_mut().unwrap();
        if !rows.is_empty() {
            let at = row.index(rows.len());
            let cells = rows[at].as_array_mut().unwrap();
            let at = column.index(cells.len());
            cells[at] = cell;
        }
        import(&doc.to_string());
    }
}

#[test]
fn the_valid_export_imports() {
    let mut target = Store::open_in_memory().unwrap();
    target
        .import_all(&ExportDocument::from_json(&VALID).unwrap())
        .unwrap();
    assert_eq!(target.me().unwrap().unwrap().name.to_string(), "Ada");
}
