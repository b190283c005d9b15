//! Fuzzing the Loop Habit Tracker importer, from the file on disk to the rows in the store: arbitrary
//! bytes, the real Loop backup and a newer-schema one damaged at random (bytes, or odd values in its
//! cells), and the real CSV export damaged at random (bytes of the zip, or the text of its CSV
//! files). Whatever the file, the import finishes or is refused with a message, never panics, never
//! changes the file it reads; a refused import leaves the store exactly as it was, row for row, and
//! an import that finishes writes exactly what its summary says.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

// The byte and line edits the core loaders' fuzz tests use.
#[path = "../../core/tests/common/mod.rs"]
mod common;

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::{ByteEdit, TextEdit, apply_bytes, apply_text, assert_clear, byte_edit, config};
use leadback_core::PersonName;
use leadback_core::habits::{CheckState, HabitName, Schedule};
use leadback_store::loop_import::{self, LoopEntry, LoopExport, LoopHabit, LoopValue};
use leadback_store::{Integrity, NewHabit, Store};
use proptest::prelude::*;
use proptest::sample::Index;
use rusqlite::types::Value as Cell;
use rusqlite::{Connection, OpenFlags};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap()
}

fn shared_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/loop-habit-tracker")
        .join(name)
}

/// The real Loop backup (schema 12: a row means "done", no uuid, no notes).
static SCHEMA_12: LazyLock<Vec<u8>> =
    LazyLock::new(|| std::fs::read(shared_fixture("loop-schema12.db")).unwrap());

/// A backup in the shape of Loop's newest schema we read (25): values, notes, uuids, a measurable
/// habit, an archived one.
static SCHEMA_25: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loop.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE Habits (id INTEGER PRIMARY KEY, archived INTEGER, color INTEGER, description TEXT,
           freq_den INTEGER, freq_num INTEGER, highlight INTEGER, name TEXT, position INTEGER,
           reminder_hour INTEGER, reminder_min INTEGER, reminder_days INTEGER, type INTEGER,
           target_type INTEGER, target_value REAL, unit TEXT, question TEXT, uuid TEXT);
         CREATE TABLE Repetitions (id INTEGER PRIMARY KEY, habit INTEGER, timestamp INTEGER,
           value INTEGER, notes TEXT);
         INSERT INTO Habits (id, archived, name, freq_num, freq_den, position, type, question, uuid) VALUES
           (1, 0, 'Listen first', 1, 1, 0, 0, 'Did you listen first?', 'abc-123'),
           (2, 1, 'Walk at the back', 2, 7, 1, 0, NULL, 'def-456'),
           (3, 0, 'Glasses of water', 1, 1, 2, 1, 'How many?', 'ghi-789');
         INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES
           (1, 1577836800000, 2, 'listened'), (1, 1577923200000, 0, NULL),
           (1, 1578009600000, 3, ''), (1, 1578096000000, 1, 'auto'), (1, 1578182400000, -1, NULL),
           (2, 1577836800000, 2, NULL), (2, 1578441600000, 2, 'at the back'),
           (3, 1577836800000, 8000, NULL);
         PRAGMA user_version = 25;",
    )
    .unwrap();
    drop(conn);
    std::fs::read(&path).unwrap()
});

/// The real CSV export's files, as (path in the zip, text).
static CSV_FILES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let root = shared_fixture("csv_export");
    let mut files = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(&root).unwrap().to_string_lossy();
                files.push((name.into_owned(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
});

fn zip(files: &[(String, String)], stored: bool) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let method = if stored {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, text) in files {
        writer.start_file(name.as_str(), options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

static CSV_ZIP: LazyLock<Vec<u8>> = LazyLock::new(|| zip(&CSV_FILES, false));

/// A store that already holds a person's data: their own habits, check-ins and notes, a journal
/// note, and the habits of an earlier Loop import (so an import can match as well as add).
static STORE_WITH_DATA: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Ada").unwrap(), now())
        .unwrap()
        .id;
    let day = |d| NaiveDate::from_ymd_opt(2015, 1, d).unwrap();
    for (name, times) in [("Listen first", 1), ("Wake up early", 3)] {
        let name = HabitName::parse(name).unwrap();
        let habit = NewHabit {
            library_id: None,
            name: &name,
            stance: None,
            why: Some("mine"),
            schedule: Schedule::new(times, 7).unwrap(),
        };
        let id = store.add_habit(me, &habit, now()).unwrap().id;
        store
            .check_in(id, day(24), Some(CheckState::Done), Some("mine"), now())
            .unwrap();
        store
            .check_in(id, day(25), Some(CheckState::NotDone), None, now())
            .unwrap();
    }
    store
        .add_journal_note(me, day(25), "a note of my own", now())
        .unwrap();
    let earlier = loop_import::read_csv_zip("loop.zip", Cursor::new(CSV_ZIP.clone())).unwrap();
    store.import_loop(me, "loop.zip", &earlier, now()).unwrap();
    drop(store);
    std::fs::read(leadback_store::paths::database_path(dir.path())).unwrap()
});

/// Every row of every table (the search index's too), the schema and the version, sorted: equal
/// dumps mean nothing was written.
fn dump(database: &Path) -> Vec<String> {
    let conn = Connection::open_with_flags(database, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let mut out = vec![format!("user_version {version}")];
    let schema: Vec<(String, String, Option<String>)> = conn
        .prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (kind, name, sql) in &schema {
        out.push(format!("{kind} {name} {sql:?}"));
        if kind != "table" {
            continue;
        }
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{}\"", name.replace('"', "\"\"")))
            .unwrap();
        let columns = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                (0..columns)
                    .map(|i| r.get::<_, Cell>(i))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap()
            .map(|row| format!("{name} {:?}", row.unwrap()))
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

fn count(dump: &[String], table: &str) -> usize {
    let prefix = format!("{table} [");
    dump.iter().filter(|row| row.starts_with(&prefix)).count()
}

/// Reads `bytes` as a Loop file named `name` and imports what it holds.
fn import(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let read = loop_import::read_file(&file);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "the file read is left as it was"
    );
    match read {
        Ok(export) => write(name, &export),
        // Reading has no store to write to: a refusal here cannot have written anything.
        Err(err) => assert_clear(&err.to_string(), ""),
    }
}

/// Imports `export` into a copy of the store with data: refused with nothing written, or written
/// exactly as the summary says.
fn write(name: &str, export: &LoopExport) {
    let dir = tempfile::tempdir().unwrap();
    let database = leadback_store::paths::database_path(dir.path());
    std::fs::write(&database, &*STORE_WITH_DATA).unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let me = store.me().unwrap().unwrap().id;
    let before = dump(&database);

    match store.import_loop(me, name, export, now()) {
        Err(err) => {
            assert_clear(&err.to_string(), "");
            assert_eq!(
                dump(&database),
                before,
                "a refused import wrote nothing: {err}"
            );
        }
        Ok(summary) => {
            let after = dump(&database);
            let sum = summary.habits_added as usize
                + summary.habits_matched as usize
                + summary.refused.len();
            assert_eq!(sum, export.habits.len(), "every habit is accounted for");
            assert_eq!(
                count(&after, "habit") - count(&before, "habit"),
                summary.habits_added as usize,
                "{summary:?}"
            );
            assert_eq!(
                count(&after, "check_in") - count(&before, "check_in"),
                (summary.check_ins_added + summary.notes_kept) as usize,
                "{summary:?}"
            );
        }
    }
    assert_eq!(store.info().unwrap().integrity, Integrity::Ok);
}

/// Part of a file an edit is aimed at: SQLite's 100-byte header and the first page (which holds
/// the schema) break differently from the rest.
#[derive(Debug, Clone, Copy)]
enum Region {
    Header,
    FirstPage,
    Anywhere,
}

fn apply_in(bytes: &mut Vec<u8>, region: Region, edits: &[ByteEdit]) {
    let end = match region {
        Region::Header => 100,
        Region::FirstPage => 4096,
        Region::Anywhere => bytes.len(),
    }
    .min(bytes.len());
    let mut part = bytes[..end].to_vec();
    for edit in edits {
        apply_bytes(&mut part, edit);
    }
    bytes.splice(..end, part);
}

fn region() -> impl Strategy<Value = Region> {
    prop_oneof![
        1 => Just(Region::Header),
        1 => Just(Region::FirstPage),
        2 => Just(Region::Anywhere),
    ]
}

fn backup() -> impl Strategy<Value = &'static [u8]> {
    prop_oneof![Just(SCHEMA_12.as_slice()), Just(SCHEMA_25.as_slice())]
}

/// A change made through SQLite to a backup: the file stays a valid database, its contents odd.
#[derive(Debug, Clone)]
enum CellEdit {
    Set {
        habits: bool,
        row: Index,
        column: Column,
        value: Cell,
    },
    Delete {
        habits: bool,
        row: Index,
    },
    RenameColumn {
        habits: bool,
        column: Index,
    },
    DropTable {
        habits: bool,
    },
    Version(i64),
}

fn cell() -> impl Strategy<Value = Cell> {
    const JAN_1_2020: i64 = 1_577_836_800_000;
    prop_oneof![
        Just(Cell::Null),
        (-2i64..5).prop_map(Cell::Integer),
        prop_oneof![
            Just(0),
            Just(7),
            Just(1000),
            Just(JAN_1_2020 + 1),
            Just(-JAN_1_2020),
            Just(i64::MAX),
            Just(i64::MIN),
            Just(8_210_298_412_800_000),
            Just(8_210_298_412_800_001),
        ]
        .prop_map(Cell::Integer),
        any::<i64>().prop_map(Cell::Integer),
        any::<f64>().prop_map(Cell::Real),
        prop_oneof![
            ".{0,20}",
            Just(String::new()),
            Just(" \n ".to_owned()),
            Just("2".to_owned()),
            Just("a\nb".to_owned()),
            (0usize..400).prop_map(|n| "x".repeat(n)),
            Just("x".repeat(5_001)),
        ]
        .prop_map(Cell::Text),
        proptest::collection::vec(any::<u8>(), 0..16).prop_map(Cell::Blob),
    ]
}

/// Which column a `Set` changes: any, or one the importer reads (if the table has it).
#[derive(Debug, Clone)]
enum Column {
    Any(Index),
    Named(&'static str),
}

fn column() -> impl Strategy<Value = Column> {
    prop_oneof![
        any::<Index>().prop_map(Column::Any),
        proptest::sample::select(
            &[
                "name",
                "freq_num",
                "freq_den",
                "type",
                "uuid",
                "question",
                "habit",
                "timestamp",
                "value",
                "notes",
            ][..]
        )
        .prop_map(Column::Named),
    ]
}

fn cell_edit() -> impl Strategy<Value = CellEdit> {
    prop_oneof![
        6 => (any::<bool>(), any::<Index>(), column(), cell())
            .prop_map(|(habits, row, column, value)| CellEdit::Set { habits, row, column, value }),
        1 => (any::<bool>(), any::<Index>()).prop_map(|(habits, row)| CellEdit::Delete { habits, row }),
        1 => (any::<bool>(), any::<Index>())
            .prop_map(|(habits, column)| CellEdit::RenameColumn { habits, column }),
        1 => any::<bool>().prop_map(|habits| CellEdit::DropTable { habits }),
        1 => prop_oneof![Just(7), Just(8), Just(25), Just(26), any::<i64>()].prop_map(CellEdit::Version),
    ]
}

/// Applies the edits through SQLite; an edit SQLite refuses (a constraint, a missing table) is
/// simply not made.
fn apply_cells(path: &Path, edits: &[CellEdit]) {
    let conn = Connection::open(path).unwrap();
    let table = |habits: bool| if habits { "Habits" } else { "Repetitions" };
    let ids = |t: &str| -> Vec<i64> {
        conn.prepare(&format!("SELECT rowid FROM {t} ORDER BY rowid"))
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .unwrap_or_default()
    };
    let columns = |t: &str| -> Vec<String> {
        conn.prepare(&format!("PRAGMA table_info({t})"))
            .and_then(|mut s| s.query_map([], |r| r.get(1))?.collect())
            .unwrap_or_default()
    };
    for edit in edits {
        let _ = match edit {
            CellEdit::Set {
                habits,
                row,
                column,
                value,
            } => {
                let (t, ids, columns) =
                    (table(*habits), ids(table(*habits)), columns(table(*habits)));
                if ids.is_empty() || columns.is_empty() {
                    continue;
                }
                let column = match column {
                    Column::Any(index) => index.get(&columns).as_str(),
                    Column::Named(name) => name,
                };
                conn.execute(
                    &format!("UPDATE {t} SET \"{column}\" = ?1 WHERE rowid = ?2"),
                    rusqlite::params![value, row.get(&ids)],
                )
            }
            CellEdit::Delete { habits, row } => {
                let (t, ids) = (table(*habits), ids(table(*habits)));
                if ids.is_empty() {
                    continue;
                }
                conn.execute(
                    &format!("DELETE FROM {t} WHERE rowid = ?1"),
                    [row.get(&ids)],
                )
            }
            CellEdit::RenameColumn { habits, column } => {
                let (t, columns) = (table(*habits), columns(table(*habits)));
                if columns.is_empty() {
                    continue;
                }
                let old = column.get(&columns);
                conn.execute(
                    &format!("ALTER TABLE {t} RENAME COLUMN \"{old}\" TO \"{old}_renamed\""),
                    [],
                )
            }
            CellEdit::DropTable { habits } => {
                conn.execute(&format!("DROP TABLE {}", table(*habits)), [])
            }
            CellEdit::Version(version) => conn
                .pragma_update(None, "user_version", version)
                .map(|()| 0),
        };
    }
}

/// A change to one of the CSV export's files before it is zipped.
#[derive(Debug, Clone)]
enum CsvEdit {
    Text(TextEdit),
    /// One cell of one line replaced (cells split on commas, quotes ignored); mostly below the
    /// header row, so the file still reads.
    Cell {
        header: bool,
        line: Index,
        column: Index,
        value: String,
    },
    /// The file moved: a habit's folder numbered differently, or renamed.
    Rename(String),
}

fn csv_value() -> impl Strategy<Value = String> {
    const AWKWARD: &[&str] = &[
        "YES_MANUAL",
        "YES_AUTO",
        "NO",
        "SKIP",
        "UNKNOWN",
        "YES_NO",
        "NUMERICAL",
        "true",
        "false",
        "",
        " ",
        "0",
        "1",
        "2",
        "3",
        "-1",
        "7",
        "001",
        "1.5",
        "1e400",
        "NaN",
        "inf",
        "9223372036854775807",
        "9223372036854775808",
        "2015-01-25",
        "2015-02-30",
        "0000-01-01",
        "+262143-12-31",
        "99999-01-01",
        "2015-1-5",
        "\"a,b\"",
        "\"\"\"\"",
        "\"unterminated",
        "\u{feff}Position",
    ];
    prop_oneof![
        4 => proptest::sample::select(AWKWARD).prop_map(str::to_owned),
        1 => ".{0,20}",
        1 => (0usize..300).prop_map(|n| "x".repeat(n)),
        1 => Just("x".repeat(5_001)),
    ]
}

fn csv_edit() -> impl Strategy<Value = CsvEdit> {
    prop_oneof![
        3 => common::text_edit().prop_map(CsvEdit::Text),
        5 => (proptest::bool::weighted(0.1), any::<Index>(), any::<Index>(), csv_value())
            .prop_map(|(header, line, column, value)| CsvEdit::Cell { header, line, column, value }),
        1 => prop_oneof![
            Just("1 Meditate/Checkmarks.csv".to_owned()),
            Just("002 Meditate/Checkmarks.csv".to_owned()),
            Just("Habits.csv".to_owned()),
            Just("habits.csv".to_owned()),
            Just("002 Wake up early\\Checkmarks.csv".to_owned()),
            "[0-9]{0,4} [a-z]{0,6}/Checkmarks.csv",
        ]
        .prop_map(CsvEdit::Rename),
    ]
}

/// Which file of the export an edit changes: mostly one the importer reads.
#[derive(Debug, Clone)]
enum Target {
    Named(&'static str),
    Any(Index),
}

fn csv_file() -> impl Strategy<Value = Target> {
    prop_oneof![
        3 => Just(Target::Named("Habits.csv")),
        2 => Just(Target::Named("002 Wake up early/Checkmarks.csv")),
        1 => Just(Target::Named("001 Meditate/Checkmarks.csv")),
        1 => any::<Index>().prop_map(Target::Any),
    ]
}

fn apply_csv(file: &mut (String, String), edit: &CsvEdit) {
    match edit {
        CsvEdit::Text(edit) => file.1 = apply_text(&file.1, std::slice::from_ref(edit)),
        CsvEdit::Cell {
            header,
            line,
            column,
            value,
        } => {
            let mut lines: Vec<String> = file.1.lines().map(str::to_owned).collect();
            let at = match lines.len() {
                0 => return,
                1 => 0,
                _ if *header => 0,
                n => 1 + line.index(n - 1),
            };
            let line = &mut lines[at];
            let mut cells: Vec<&str> = line.split(',').collect();
            let column = column.index(cells.len());
            cells[column] = value;
            *line = cells.join(",");
            file.1 = lines.join("\n") + "\n";
        }
        CsvEdit::Rename(name) => file.0.clone_from(name),
    }
}

/// What a reader could hand the writer: habits with names, schedules, days and notes Leadback may
/// not be able to keep, and keys that match habits an earlier import brought in.
fn export() -> impl Strategy<Value = LoopExport> {
    let day = prop_oneof![
        400 => (0i32..4000).prop_map(|d| NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(d as u64)),
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::MAX),
        1 => Just(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()),
        1 => Just(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()),
        1 => Just(NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap()),
    ];
    let value = prop_oneof![
        Just(LoopValue::Done),
        Just(LoopValue::NotDone),
        Just(LoopValue::Skipped),
        Just(LoopValue::Auto),
        Just(LoopValue::Unknown),
        any::<f64>().prop_map(LoopValue::Amount),
    ];
    let note = proptest::option::of(prop_oneof![
        ".{0,20}",
        Just(String::new()),
        Just("x".repeat(5_001)),
    ]);
    let entry = (day, value, note).prop_map(|(day, value, note)| LoopEntry { day, value, note });
    let name = prop_oneof![
        40 => "[A-Za-z][a-z ]{0,20}",
        1 => Just("Meditate".to_owned()),
        1 => Just(String::new()),
        1 => Just("two\nlines".to_owned()),
        1 => Just("x".repeat(81)),
    ];
    let frequency = prop_oneof![
        40 => (1i64..=7).prop_flat_map(|den| (1..=den, Just(den))),
        1 => (any::<i64>(), any::<i64>()),
        1 => (-1i64..3, -1i64..3),
    ];
    let habit = (
        name,
        proptest::option::of(prop_oneof![
            Just("1:Meditate".to_owned()),
            Just("2:Wake up early".to_owned())
        ]),
        proptest::option::of(".{0,20}"),
        frequency,
        any::<bool>(),
        proptest::bool::weighted(0.1),
        proptest::collection::vec(entry, 0..12),
    )
        .prop_map(
            |(name, key, description, (freq_num, freq_den), archived, numerical, entries)| {
                LoopHabit {
                    key: key.unwrap_or_else(|| format!("0:{name}")),
                    name,
                    description,
                    freq_num,
                    freq_den,
                    archived,
                    position: 0,
                    numerical,
                    entries,
                }
            },
        );
    proptest::collection::vec(habit, 1..6).prop_map(|habits| LoopExport { habits })
}

#[test]
fn the_files_fuzzed_here_import_cleanly() {
    // The mutations below start from these files; if they were refused they would test nothing.
    for (name, bytes) in [
        ("loop.db", SCHEMA_12.as_slice()),
        ("loop-25.db", SCHEMA_25.as_slice()),
        ("loop.zip", CSV_ZIP.as_slice()),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let export = loop_import::read_file(&file).unwrap();
        assert!(!export.habits.is_empty(), "{name}");
        import(name, bytes);
    }
}

proptest! {
    #![proptest_config(config(concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/fuzz_loop_import.txt")))]

    #[test]
    fn arbitrary_bytes_are_imported_or_refused(
        start in prop_oneof![
            Just(&b""[..]),
            Just(&b"SQLite format 3\0"[..]),
            Just(&SCHEMA_12[..100]),
            Just(&b"PK\x03\x04"[..]),
            Just(&b"PK\x05\x06"[..]),
        ],
        rest in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        import("file", &[start, &rest].concat());
    }

    #[test]
    fn a_damaged_loop_backup_is_imported_or_refused(
        base in backup(),
        region in region(),
        edits in proptest::collection::vec(byte_edit(), 1..4),
    ) {
        let mut bytes = base.to_vec();
        apply_in(&mut bytes, region, &edits);
        import("loop.db", &bytes);
    }

    #[test]
    fn a_loop_backup_with_odd_values_is_imported_or_refused(
        base in backup(),
        cells in proptest::collection::vec(cell_edit(), 1..4),
        bytes in proptest::option::weighted(0.2, byte_edit()),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edited.db");
        std::fs::write(&path, base).unwrap();
        apply_cells(&path, &cells);
        let mut edited = std::fs::read(&path).unwrap();
        apply_in(&mut edited, Region::Anywhere, bytes.as_slice());
        import("loop.db", &edited);
    }

    #[test]
    fn a_damaged_csv_zip_is_imported_or_refused(
        region in region(),
        edits in proptest::collection::vec(byte_edit(), 1..4),
    ) {
        let mut bytes = CSV_ZIP.clone();
        apply_in(&mut bytes, region, &edits);
        import("loop.zip", &bytes);
    }

    #[test]
    fn a_csv_export_with_odd_contents_is_imported_or_refused(
        edits in proptest::collection::vec((csv_file(), csv_edit()), 1..5),
        stored in any::<bool>(),
        bytes in proptest::option::weighted(0.2, byte_edit()),
    ) {
        let mut files = CSV_FILES.clone();
        for (which, edit) in &edits {
            let at = match which {
                Target::Named(name) => files.iter().position(|f| f.0 == *name).unwrap_or(0),
                Target::Any(index) => index.index(files.len()),
            };
            apply_csv(&mut files[at], edit);
        }
        // Two files renamed to one name cannot both be in a zip: the later one is left out.
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files.dedup_by(|a, b| a.0 == b.0);
        let mut zipped = zip(&files, stored);
        apply_in(&mut zipped, Region::Anywhere, bytes.as_slice());
        import("loop.zip", &zipped);
    }

    #[test]
    fn an_export_is_written_whole_or_not_at_all(export in export()) {
        write("loop.db", &export);
    }
}
