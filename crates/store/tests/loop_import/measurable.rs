//! Loop's measurable ("numerical") habits, imported whole: from a backup of every Loop schema
//! version that has them (16 onwards; unit and target from 18), built here in the shape Loop's own
//! migrations give each version, and from the CSV export; their strength is then Loop's.
use std::io::Cursor;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone, Utc};
use leadback_core::habits::{CheckState, Measure};
use leadback_store::Store;
use leadback_store::loop_import::{LoopValue, read_backup, read_csv_zip};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Loop's timestamp of a day: midnight UTC, in milliseconds.
fn stamp(text: &str) -> i64 {
    day(text)
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
}

/// A Loop backup of schema `version` with a measurable habit (id 1) and a yes/no one (id 2),
/// with the columns that version has: `type` and `Repetitions.value` from 16, `target_type`,
/// `target_value` and `unit` from 18, `question` from 23, `uuid` from 24, `notes` from 25.
fn backup(dir: &Path, version: i64, reps: &[(i64, &str, i64, Option<&str>)]) -> PathBuf {
    let path = dir.join(format!("loop-measurable-v{version}.db"));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut habit_columns = vec![
        "id INTEGER PRIMARY KEY",
        "archived INTEGER",
        "color INTEGER",
        "description TEXT",
        "freq_den INTEGER",
        "freq_num INTEGER",
        "highlight INTEGER",
        "name TEXT",
        "position INTEGER",
        "reminder_hour INTEGER",
        "reminder_min INTEGER",
        "reminder_days INTEGER",
        "type INTEGER NOT NULL DEFAULT 0",
    ];
    if version >= 18 {
        habit_columns.extend([
            "target_type INTEGER NOT NULL DEFAULT 0",
            "target_value REAL NOT NULL DEFAULT 0",
            "unit TEXT NOT NULL DEFAULT ''",
        ]);
    }
    if version >= 23 {
        habit_columns.push("question TEXT");
    }
    if version >= 24 {
        habit_columns.push("uuid TEXT");
    }
    let notes = if version >= 25 { ", notes TEXT" } else { "" };
    conn.execute_batch(&format!(
        "CREATE TABLE Habits ({});
         CREATE TABLE Repetitions (id INTEGER PRIMARY KEY, habit INTEGER NOT NULL,
           timestamp INTEGER NOT NULL, value INTEGER NOT NULL{notes});
         INSERT INTO Habits (id, archived, name, freq_num, freq_den, position, type)
           VALUES (1, 0, 'Meetings opened with my own plan', 1, 7, 0, 1),
                  (2, 0, 'Let someone else go first', 1, 1, 1, 0);",
        habit_columns.join(", ")
    ))
    .unwrap();
    if version >= 18 {
        conn.execute_batch(
            "UPDATE Habits SET target_type = 1, target_value = 2.0, unit = 'meetings' WHERE id = 1",
        )
        .unwrap();
    }
    for (habit, date, value, note) in reps {
        if version >= 25 {
            conn.execute(
                "INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![habit, stamp(date), value, note],
            )
            .unwrap();
        } else {
            conn.execute(
                "INSERT INTO Repetitions (habit, timestamp, value) VALUES (?1, ?2, ?3)",
                rusqlite::params![habit, stamp(date), value],
            )
            .unwrap();
        }
    }
    conn.pragma_update(None, "user_version", version).unwrap();
    path
}

/// A week of the measurable habit (amounts × 1000, Loop's skip 3 and unknown −1) and two days of
/// the yes/no one.
const REPS: &[(i64, &str, i64, Option<&str>)] = &[
    (1, "2024-03-11", 2000, Some("Two, both needed")),
    (1, "2024-03-12", 0, None),
    (1, "2024-03-13", 1500, None),
    (1, "2024-03-14", 3, Some("Away")),
    (1, "2024-03-15", -1, Some("Not sure")),
    (1, "2024-03-16", 250, None),
    (2, "2024-03-11", 2, None),
    (2, "2024-03-12", 3, None),
];

fn store_with_me(dir: &Path) -> (Store, i64) {
    let mut store = Store::open_in(dir).unwrap();
    let name = leadback_core::PersonName::parse("Ada").unwrap();
    let me = store.set_my_name(&name, Utc::now()).unwrap().id;
    (store, me)
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 17, 9, 0, 0).unwrap()
}

#[test]
fn every_schema_with_measurable_habits_imports_them_whole_and_once() {
    for version in [16, 17, 18, 20, 22, 23, 24, 25] {
        let dir = tempfile::tempdir().unwrap();
        let file = backup(dir.path(), version, REPS);
        let export = read_backup(&file).unwrap();
        let measured = &export.habits[0];
        assert!(measured.numerical.is_some(), "v{version}");
        assert_eq!(measured.entries[1].value, LoopValue::Amount(0.0));
        assert_eq!(measured.entries[3].value, LoopValue::Skipped);

        let (mut store, me) = store_with_me(dir.path());
        let summary = store.import_loop(me, "loop.db", &export, now()).unwrap();
        assert!(summary.refused.is_empty(), "v{version}: {summary:?}");
        assert_eq!(summary.habits_added, 2, "v{version}");
        let habits = store.habits(me, false).unwrap();
        let plans = &habits[0];
        let expected = if version >= 18 {
            Measure::new("meetings", 2.0, true).unwrap()
        } else {
            // Before schema 18 Loop had no unit or target: its migration gives "" and 0.
            Measure::new("", 0.0, false).unwrap()
        };
        assert_eq!(plans.measure.as_ref(), Some(&expected), "v{version}");
        assert_eq!(plans.schedule.days(), 7, "a weekly target, v{version}");
        assert_eq!(habits[1].measure, None);

        let entries = store.check_ins(plans.id).unwrap();
        let on = |d: &str| entries.iter().find(|e| e.day == day(d));
        assert_eq!(on("2024-03-11").unwrap().amount, Some(2.0));
        assert_eq!(on("2024-03-12").unwrap().amount, Some(0.0));
        assert_eq!(on("2024-03-13").unwrap().amount, Some(1.5));
        assert_eq!(on("2024-03-16").unwrap().amount, Some(0.25));
        assert_eq!(on("2024-03-14").unwrap().state, Some(CheckState::Skipped));
        assert_eq!(on("2024-03-14").unwrap().amount, None);
        if version >= 25 {
            assert_eq!(
                on("2024-03-11").unwrap().note.as_deref(),
                Some("Two, both needed")
            );
            // Loop's "unknown" day is no entry, but its note is kept.
            let unknown = on("2024-03-15").unwrap();
            assert_eq!((unknown.state, unknown.amount), (None, None));
            assert_eq!(unknown.note.as_deref(), Some("Not sure"));
        } else {
            assert!(on("2024-03-15").is_none());
        }

        let again = store.import_loop(me, "loop.db", &export, now()).unwrap();
        assert_eq!(
            (
                again.habits_added,
                again.habits_matched,
                again.check_ins_added
            ),
            (0, 2, 0),
            "v{version}"
        );
        assert_eq!(store.check_ins(plans.id).unwrap(), entries, "v{version}");
    }
}

#[test]
fn an_imported_measurable_habit_scores_what_loop_publishes() {
    // Loop's own test: "Run", at least 2 miles a day, 2 miles on each of the last 20 days.
    let dir = tempfile::tempdir().unwrap();
    let last = day("2024-03-20");
    let reps: Vec<(i64, String, i64, Option<&str>)> = (0..20)
        .map(|back| {
            let date = last - chrono::Days::new(back);
            (1, date.format("%Y-%m-%d").to_string(), 2000, None)
        })
        .collect();
    let reps: Vec<(i64, &str, i64, Option<&str>)> = reps
        .iter()
        .map(|(h, d, v, n)| (*h, d.as_str(), *v, *n))
        .collect();
    let file = backup(dir.path(), 25, &reps);
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute_batch(
        "UPDATE Habits SET target_type = 0, target_value = 2.0, unit = 'miles', freq_den = 1
         WHERE id = 1",
    )
    .unwrap();
    drop(conn);
    let (mut store, me) = store_with_me(dir.path());
    let export = read_backup(&file).unwrap();
    let after = Utc.with_ymd_and_hms(2024, 3, 21, 9, 0, 0).unwrap();
    store.import_loop(me, "loop.db", &export, after).unwrap();
    let overviews = store.habit_overviews(me, false, last).unwrap();
    assert!(
        (overviews[0].strength - 0.655747).abs() < 1e-6,
        "{}",
        overviews[0].strength
    );
    let yesterday = store
        .habit_overviews(me, false, last.pred_opt().unwrap())
        .unwrap();
    assert!((yesterday[0].strength - 0.636894).abs() < 1e-6);
    assert_eq!(overviews[0].today_amount, Some(2.0));
    assert_eq!(overviews[0].period_amount, Some(2.0));
    assert_eq!(overviews[0].streaks.current, 20, "every day met the target");
}

#[test]
fn the_csv_export_brings_unit_target_and_every_amount() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("export");
    std::fs::create_dir_all(folder.join("001 Listening")).unwrap();
    std::fs::write(
        folder.join("Habits.csv"),
        "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n\
         001,Listening,NUMERICAL,How many minutes did you listen before speaking?,,1,7,#FF8F00,minutes,AT_LEAST,30.0,false\n",
    )
    .unwrap();
    // Loop writes a measurable habit's stored integer (amount × 1000), its markers by name.
    std::fs::write(
        folder.join("001 Listening/Checkmarks.csv"),
        "Date,Value,Notes\n2024-03-16,12500,Long meeting\n2024-03-15,SKIP,\n2024-03-14,NO,\n2024-03-13,UNKNOWN,\n2024-03-12,5000,\n",
    )
    .unwrap();
    let bytes = super::zip_folder(&folder);
    let export = read_csv_zip("loop.zip", Cursor::new(bytes)).unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let summary = store.import_loop(me, "loop.zip", &export, now()).unwrap();
    assert!(summary.refused.is_empty());
    assert_eq!(summary.check_ins_added, 4);
    let habit = &store.habits(me, false).unwrap()[0];
    assert_eq!(
        habit.measure,
        Some(Measure::new("minutes", 30.0, false).unwrap())
    );
    assert_eq!(habit.schedule.days(), 7);
    let amounts: Vec<(NaiveDate, Option<f64>, Option<CheckState>)> = store
        .check_ins(habit.id)
        .unwrap()
        .into_iter()
        .map(|e| (e.day, e.amount, e.state))
        .collect();
    assert_eq!(
        amounts,
        [
            (day("2024-03-12"), Some(5.0), Some(CheckState::Done)),
            (day("2024-03-14"), Some(0.0), Some(CheckState::Done)),
            (day("2024-03-15"), None, Some(CheckState::Skipped)),
            (day("2024-03-16"), Some(12.5), Some(CheckState::Done)),
        ]
    );
    let overview = &store.habit_overviews(me, false, day("2024-03-16")).unwrap()[0];
    assert_eq!(overview.period_amount, Some(17.5));
}

#[test]
fn a_negative_amount_stops_the_import_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = backup(dir.path(), 25, &[(1, "2024-03-11", -5, None)]);
    let err = read_backup(&file).unwrap_err();
    assert!(err.to_string().contains("-5"), "{err}");
}
