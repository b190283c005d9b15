//! Reading Loop Habit Tracker files: the real ones in ../shared/fixtures (what Loop's own tests
//! assert about them), files in the shapes of other Loop schema versions, and files that are not
//! Loop's at all.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use leadback_store::loop_import::{LoopError, LoopValue, read_backup, read_csv_zip};
use leadback_testkit::loop_fixture;

#[path = "loop_import/measurable.rs"]
mod measurable;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Zips a folder the way Loop's CSV export is zipped: its files and folders at the root.
pub fn zip_folder(folder: &Path) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(folder)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                writer.start_file(name, options).unwrap();
                writer.write_all(&std::fs::read(&path).unwrap()).unwrap();
            }
        }
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn reads_the_real_schema_12_backup_as_loop_describes_it() {
    let export = read_backup(&loop_fixture("loop-schema12.db")).unwrap();
    assert_eq!(export.habits.len(), 9);
    let first = &export.habits[0];
    assert_eq!(first.name, "Wake up early");
    assert_eq!((first.freq_num, first.freq_den), (3, 7));
    let done = |d: &str| {
        first
            .entries
            .iter()
            .any(|e| e.day == day(d) && e.value == LoopValue::Done)
    };
    assert!(done("2016-03-14") && done("2016-03-16"));
    assert!(!done("2016-03-17"));
    let total: usize = export.habits.iter().map(|h| h.entries.len()).sum();
    assert_eq!(total, 164, "every repetition row is read, none dropped");
}

#[test]
fn reads_the_real_csv_export_with_its_states_and_notes() {
    let bytes = zip_folder(&loop_fixture("csv_export"));
    let export = read_csv_zip("loop.zip", Cursor::new(bytes)).unwrap();
    let names: Vec<&str> = export.habits.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(names, ["Meditate", "Wake up early"]);
    let wake = &export.habits[1];
    assert_eq!((wake.freq_num, wake.freq_den), (2, 3));
    let entry = |d: &str| wake.entries.iter().find(|e| e.day == day(d)).unwrap();
    assert_eq!(entry("2015-01-25").value, LoopValue::Done);
    assert_eq!(entry("2015-01-24").value, LoopValue::NotDone);
    assert_eq!(entry("2015-01-24").note.as_deref(), Some("Sick"));
    assert_eq!(
        entry("2015-01-23").value,
        LoopValue::Auto,
        "YES_AUTO is Loop's fill-in"
    );
    assert_eq!(
        entry("2015-01-23").note.as_deref(),
        Some("Forgot to do it, really")
    );
}

/// A Loop backup in the shape of a given schema version, with one habit and the given repetitions.
fn synthetic_backup(
    dir: &Path,
    version: i64,
    modern: bool,
    reps: &[(i64, Option<i64>)],
) -> PathBuf {
    let path = dir.join(format!("loop-v{version}.db"));
    let conn = rusqlite::Connection::open(&path).unwrap();
    if modern {
        conn.execute_batch(
            "CREATE TABLE Habits (id INTEGER PRIMARY KEY, archived INTEGER, color INTEGER, description TEXT,
               freq_den INTEGER, freq_num INTEGER, highlight INTEGER, name TEXT, position INTEGER,
               reminder_hour INTEGER, reminder_min INTEGER, reminder_days INTEGER, type INTEGER,
               target_type INTEGER, target_value REAL, unit TEXT, question TEXT, uuid TEXT);
             CREATE TABLE Repetitions (id INTEGER PRIMARY KEY, habit INTEGER, timestamp INTEGER,
               value INTEGER, notes TEXT);
             INSERT INTO Habits (id, archived, name, freq_num, freq_den, position, type, question, uuid)
               VALUES (1, 1, 'Listen first', 1, 1, 0, 0, 'Did you listen first?', 'abc-123');",
        )
        .unwrap();
    } else {
        conn.execute_batch(
            "CREATE TABLE Habits (Id INTEGER PRIMARY KEY, archived INTEGER, name TEXT, freq_num INTEGER,
               freq_den INTEGER, position INTEGER);
             CREATE TABLE Repetitions (Id INTEGER PRIMARY KEY, habit INTEGER, timestamp INTEGER);
             INSERT INTO Habits VALUES (1, 0, 'Listen first', 1, 1, 0);",
        )
        .unwrap();
    }
    for (timestamp, value) in reps {
        if modern {
            conn.execute(
                "INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (1, ?1, ?2, 'n')",
                rusqlite::params![timestamp, value],
            )
            .unwrap();
        } else {
            conn.execute(
                "INSERT INTO Repetitions (habit, timestamp) VALUES (1, ?1)",
                [timestamp],
            )
            .unwrap();
        }
    }
    conn.pragma_update(None, "user_version", version).unwrap();
    path
}

const JAN_1_2020: i64 = 1_577_836_800_000;
const DAY_MS: i64 = 86_400_000;

#[test]
fn reads_the_newest_known_schema_with_values_notes_and_uuid() {
    let dir = tempfile::tempdir().unwrap();
    let reps = [
        (JAN_1_2020, Some(2)),
        (JAN_1_2020 + DAY_MS, Some(0)),
        (JAN_1_2020 + 2 * DAY_MS, Some(3)),
    ];
    let export = read_backup(&synthetic_backup(dir.path(), 25, true, &reps)).unwrap();
    let habit = &export.habits[0];
    assert_eq!(habit.key, "abc-123");
    assert!(habit.archived);
    assert_eq!(habit.description.as_deref(), Some("Did you listen first?"));
    let values: Vec<LoopValue> = habit.entries.iter().map(|e| e.value).collect();
    assert_eq!(
        values,
        [LoopValue::Done, LoopValue::NotDone, LoopValue::Skipped]
    );
    assert_eq!(habit.entries[0].day, day("2020-01-01"));
    assert_eq!(habit.entries[0].note.as_deref(), Some("n"));
}

#[test]
fn reads_an_old_schema_where_a_row_means_done() {
    let dir = tempfile::tempdir().unwrap();
    let export = read_backup(&synthetic_backup(
        dir.path(),
        9,
        false,
        &[(JAN_1_2020, None)],
    ))
    .unwrap();
    assert_eq!(export.habits[0].entries[0].value, LoopValue::Done);
}

#[test]
fn refuses_unknown_versions_foreign_files_and_damaged_rows_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let newer = read_backup(&synthetic_backup(dir.path(), 31, true, &[])).unwrap_err();
    assert!(
        matches!(newer, LoopError::UnknownVersion { version: 31, .. }),
        "{newer}"
    );
    assert!(newer.to_string().contains("schema version 31"));

    let not_sqlite = dir.path().join("notes.db");
    std::fs::write(
        &not_sqlite,
        b"just some text, not a database at all".repeat(50),
    )
    .unwrap();
    assert!(matches!(
        read_backup(&not_sqlite),
        Err(LoopError::NotLoop { .. })
    ));

    let ours = dir.path().join("ours");
    leadback_store::Store::open_in(&ours).unwrap();
    let err = read_backup(&ours.join("leadback.sqlite3")).unwrap_err();
    assert!(
        err.to_string().contains("no Habits and Repetitions tables"),
        "{err}"
    );

    let bad_value = synthetic_backup(dir.path(), 24, true, &[(JAN_1_2020, Some(7))]);
    let err = read_backup(&bad_value).unwrap_err();
    assert!(
        err.to_string()
            .contains("the value 7 is not one Loop writes"),
        "{err}"
    );

    let not_zip = read_csv_zip("x.zip", Cursor::new(b"PK but not really".to_vec())).unwrap_err();
    assert!(not_zip.to_string().contains("not a zip file"), "{not_zip}");
}

fn store_with_me(dir: &Path) -> (leadback_store::Store, i64) {
    let mut store = leadback_store::Store::open_in(dir).unwrap();
    let name = leadback_core::PersonName::parse("Ada").unwrap();
    let me = store.set_my_name(&name, chrono::Utc::now()).unwrap().id;
    (store, me)
}

fn rows(store: &leadback_store::Store, table: &str) -> i64 {
    let info = store.info().unwrap();
    info.counts.iter().find(|c| c.table == table).unwrap().rows
}

#[test]
fn importing_the_real_backup_twice_adds_everything_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let export = read_backup(&loop_fixture("loop-schema12.db")).unwrap();
    let first = store
        .import_loop(me, "loop-schema12.db", &export, chrono::Utc::now())
        .unwrap();
    assert_eq!((first.habits_added, first.check_ins_added), (9, 164));
    assert!(first.refused.is_empty());

    let habits = store.habits(me, true).unwrap();
    assert_eq!(habits[0].name, "Wake up early");
    assert_eq!(
        (habits[0].schedule.times(), habits[0].schedule.days()),
        (3, 7)
    );
    assert_eq!(
        habits[0].stance, None,
        "Loop habits are not about a stance until the person says so"
    );

    let again = store
        .import_loop(me, "loop-schema12.db", &export, chrono::Utc::now())
        .unwrap();
    assert_eq!(
        (
            again.habits_added,
            again.habits_matched,
            again.check_ins_added
        ),
        (0, 9, 0)
    );
    assert_eq!(again.check_ins_unchanged, 164);
    assert_eq!((rows(&store, "habit"), rows(&store, "check_in")), (9, 164));
}

#[test]
fn importing_the_csv_export_keeps_notes_even_on_days_without_a_check_in() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let export = read_csv_zip(
        "loop.zip",
        Cursor::new(zip_folder(&loop_fixture("csv_export"))),
    )
    .unwrap();
    let summary = store
        .import_loop(me, "loop.zip", &export, chrono::Utc::now())
        .unwrap();
    assert_eq!(summary.habits_added, 2);
    assert!(summary.notes_kept >= 1, "{summary:?}");
    let wake = store
        .habits(me, true)
        .unwrap()
        .into_iter()
        .find(|h| h.name == "Wake up early")
        .unwrap();
    let entries = store.check_ins(wake.id).unwrap();
    let on = |d: &str| entries.iter().find(|e| e.day == day(d)).unwrap();
    assert_eq!(on("2015-01-23").state, None);
    assert_eq!(
        on("2015-01-23").note.as_deref(),
        Some("Forgot to do it, really")
    );
    assert_eq!(on("2015-01-24").note.as_deref(), Some("Sick"));
}

#[test]
fn a_habit_that_cannot_be_kept_faithfully_stops_the_import_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let mut export = read_backup(&loop_fixture("loop-schema12.db")).unwrap();
    export.habits[5].freq_num = 0;
    let err = store
        .import_loop(me, "broken.db", &export, chrono::Utc::now())
        .unwrap_err();
    assert!(err.to_string().contains(&export.habits[5].name), "{err}");
    assert_eq!((rows(&store, "habit"), rows(&store, "check_in")), (0, 0));
}

type Damage = Box<dyn Fn(&mut leadback_store::loop_import::LoopEntry)>;

#[test]
fn implausible_days_and_overlong_notes_stop_the_import_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let good = read_backup(&loop_fixture("loop-schema12.db")).unwrap();
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    let cases: Vec<(Damage, &str)> = vec![
        (Box::new(|e| e.day = day("0001-01-01")), "not plausible"),
        (Box::new(|e| e.day = day("1969-12-31")), "not plausible"),
        (Box::new(move |e| e.day = tomorrow), "not plausible"),
        (Box::new(|e| e.note = Some("x".repeat(6_000))), "5000"),
    ];
    for (damage, says) in cases {
        let mut export = good.clone();
        damage(&mut export.habits[0].entries[0]);
        let err = store
            .import_loop(me, "odd.db", &export, chrono::Utc::now())
            .unwrap_err();
        assert!(err.to_string().contains(says), "{err}");
        assert!(err.to_string().contains(&export.habits[0].name), "{err}");
        assert_eq!((rows(&store, "habit"), rows(&store, "check_in")), (0, 0));
    }
}
