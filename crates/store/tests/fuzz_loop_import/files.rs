//! The files fuzzed here, a store that already holds data, and importing into a copy of it.

use super::*;
use leadback_testkit::loop_fixture;

pub(crate) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap()
}

/// The real Loop backup (schema 12: a row means "done", no uuid, no notes).
pub(crate) static SCHEMA_12: LazyLock<Vec<u8>> =
    LazyLock::new(|| std::fs::read(loop_fixture("loop-schema12.db")).unwrap());

/// A backup in the shape of Loop's newest schema we read (25): values, notes, uuids, a measurable
/// habit, an archived one.
pub(crate) static SCHEMA_25: LazyLock<Vec<u8>> = LazyLock::new(|| {
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
pub(crate) static CSV_FILES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let root = loop_fixture("csv_export");
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

pub(crate) fn zip(files: &[(String, String)], stored: bool) -> Vec<u8> {
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

pub(crate) static CSV_ZIP: LazyLock<Vec<u8>> = LazyLock::new(|| zip(&CSV_FILES, false));

/// A store that already holds a person's data: their own habits, check-ins and notes, a journal
/// note, and the habits of an earlier Loop import (so an import can match as well as add).
pub(crate) static STORE_WITH_DATA: LazyLock<Vec<u8>> = LazyLock::new(|| {
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
            measure: None,
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
pub(crate) fn dump(database: &Path) -> Vec<String> {
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

pub(crate) fn count(dump: &[String], table: &str) -> usize {
    let prefix = format!("{table} [");
    dump.iter().filter(|row| row.starts_with(&prefix)).count()
}

/// Reads `bytes` as a Loop file named `name` and imports what it holds.
pub(crate) fn import(name: &str, bytes: &[u8]) {
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
pub(crate) fn write(name: &str, export: &LoopExport) {
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
