//! Every command called with bad arguments: unknown ids, another person's records, values out of
//! range, huge strings, dates far off, bogus paths. Each must be refused with a code the UI can
//! switch on and leave the database and the data folder exactly as they were.
//!
//! Not called here: `get_start_at_login`/`set_start_at_login` (the autostart plugin is not in the
//! mock app) and `open_backups_folder` (nor is the opener plugin); none of them touches the data.

mod arguments;
mod assessments;
mod data;
mod exercises;
mod habits;
mod people;
mod programmes;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::TestApp;
use crate::state::AppState;
use leadback_store::Store;

/// A bad call and the code it must get.
type Case = (&'static str, Value, &'static str);

const MEGABYTE: usize = 1_000_000;

fn long(chars: usize) -> String {
    "x".repeat(chars)
}

/// A person with a bit of everything, and a coach's client whose records "me" must never reach.
struct World {
    app: TestApp,
    dir: tempfile::TempDir,
    habit: i64,
    open_assessment: i64,
    finished_assessment: i64,
    item: Value,
    scenario: Value,
    open_run: i64,
    finished_run: i64,
    client: i64,
    client_session: i64,
    client_habit: i64,
    client_assessment: i64,
    client_finished_assessment: i64,
    client_run: i64,
}

impl World {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let app = TestApp::with_store(Store::open_in(dir.path()).unwrap());
        let id = |value: Value| value["id"].as_i64().unwrap();
        app.ok("set_my_name", json!({ "name": "Ada" }));
        let habit = id(app.ok(
            "add_library_habit",
            json!({ "libraryId": "listen-before-speaking" }),
        ));
        app.ok(
            "check_in",
            json!({ "habitId": habit, "day": "2026-11-21", "check": "done", "note": "Asked first." }),
        );
        app.ok(
            "set_energy",
            json!({ "day": "2026-11-22", "level": 3, "note": null }),
        );
        app.ok(
            "set_reminders",
            json!({ "habitId": habit, "reminders": [{ "time": "07:30", "weekdays": 31 }] }),
        );
        let finished_assessment = id(app.take_assessment(3));
        let questionnaire = app.ok("get_questionnaire", json!({}))["instrument"].clone();
        let open = app.ok("start_assessment", json!({}));
        let item = questionnaire["items"][0]["id"].clone();
        app.ok(
            "answer_item",
            json!({ "assessmentId": open["id"], "itemId": item, "value": 4, "position": 1 }),
        );
        let finished_run = id(app.ok(
            "start_exercise",
            json!({ "exerciseId": "listen-first", "programmeItem": null }),
        ));
        app.ok(
            "finish_exercise",
            json!({ "runId": finished_run, "checkInHabit": false }),
        );
        let open_run = id(app.ok(
            "start_exercise",
            json!({ "exerciseId": "quick-pause", "programmeItem": null }),
        ));
        app.ok(
            "save_reflection",
            json!({ "runId": open_run, "step": 1, "promptId": "first-question", "answer": { "kind": "text", "value": "Who is new?" } }),
        );
        app.ok(
            "add_journal_note",
            json!({ "day": "2026-11-20", "text": "A quiet day." }),
        );
        app.ok(
            "set_programme_item_done",
            json!({ "programmeId": "three-days-at-the-back", "itemKey": "walk", "done": true }),
        );

        app.ok("backup_now", json!({}));

        // A client's records sit in the same tables as mine; these are made behind the commands'
        // back so that "me" acting on them is refused by the record checks alone.
        let conn = rusqlite::Connection::open(dir.path().join("leadback.sqlite3")).unwrap();
        let stamp = "2026-11-01T09:00:00.000Z";
        let instrument = open["instrument_id"].as_str().unwrap();
        let insert = |sql: &str, params: &[&dyn rusqlite::ToSql]| {
            conn.execute(sql, params).unwrap();
            conn.last_insert_rowid()
        };
        let client = insert(
            "INSERT INTO person (kind, name, created_at, updated_at) VALUES ('client', 'Cleo', ?1, ?1)",
            &[&stamp],
        );
        let client_habit = insert(
            "INSERT INTO habit (person_id, name, times, days, position, created_at)
             VALUES (?1, 'Their habit', 1, 1, 0, ?2)",
            &[&client, &stamp],
        );
        let client_finished_assessment = insert(
            "INSERT INTO assessment (person_id, instrument_id, instrument_version, started_at, completed_at)
             VALUES (?1, ?2, 1, ?3, ?3)",
            &[&client, &instrument, &stamp],
        );
        let client_assessment = insert(
            "INSERT INTO assessment (person_id, instrument_id, instrument_version, started_at)
             VALUES (?1, ?2, 1, ?3)",
            &[&client, &instrument, &stamp],
        );
        let client_run = insert(
            "INSERT INTO exercise_run (person_id, exercise_id, exercise_version, started_at)
             VALUES (?1, 'quick-pause', 1, ?2)",
            &[&client, &stamp],
        );
        let client_session = insert(
            "INSERT INTO session (person_id, starts_at, agenda, created_at, updated_at)
             VALUES (?1, '2026-11-20T09:00:00', 'Their session', ?2, ?2)",
            &[&client, &stamp],
        );
        // A folder for files the bad calls read (or must not write).
        std::fs::create_dir(dir.path().join("out")).unwrap();

        Self {
            app,
            dir,
            habit,
            open_assessment: id(open),
            finished_assessment,
            item,
            scenario: questionnaire["scenarios"][0]["id"].clone(),
            open_run,
            finished_run,
            client,
            client_session,
            client_habit,
            client_assessment,
            client_finished_assessment,
            client_run,
        }
    }

    fn path(&self, name: &str) -> Value {
        json!(self.dir.path().join(name))
    }

    fn refuse_all(&self, cases: &[Case]) {
        refuse_all(&self.app, self.dir.path(), cases);
    }
}

/// A file or folder, with the bytes of a file.
type FileState = (PathBuf, Option<Vec<u8>>);

/// Every row of every table, and every file in the folder with its bytes: a file written over the
/// database would go unnoticed by the open connection. (The `-shm` index changes as it is read.)
fn snapshot(app: &TestApp, dir: &Path) -> (Value, Vec<FileState>) {
    let state = app.state();
    let tables = state
        .store()
        .unwrap()
        .export_all(state.clock.now())
        .unwrap()
        .tables;
    let files = files_under(dir)
        .into_iter()
        .map(|path| {
            let is_index = path.to_string_lossy().ends_with("-shm");
            let bytes = (path.is_file() && !is_index).then(|| std::fs::read(&path).unwrap());
            (path, bytes)
        })
        .collect();
    (serde_json::to_value(tables).unwrap(), files)
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_under(&path));
        }
        found.push(path);
    }
    found.sort();
    found
}

/// Makes every call, then reports every one that was not refused with its code or that changed
/// something (comparing with the state after the previous call, so one write is reported once).
fn refuse_all(app: &TestApp, dir: &Path, cases: &[Case]) {
    let mut before = snapshot(app, dir);
    let mut wrong = Vec::new();
    for (cmd, args, expected) in cases {
        let call = format!("{cmd} {}", shorten(args));
        match app.call(cmd, args.clone()) {
            Ok(value) => wrong.push(format!("{call}: accepted, gave {}", shorten(&value))),
            Err(err) if err["code"] != *expected => {
                wrong.push(format!(
                    "{call}: refused as {} instead of {expected}",
                    shorten(&err)
                ));
            }
            Err(_) => {}
        }
        let after = snapshot(app, dir);
        if after != before {
            wrong.push(format!("{call}: changed the data"));
            before = after;
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// A value as one readable line: megabyte strings cut short.
fn shorten(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(150) {
        Some((cut, _)) => format!("{}… ({} bytes)", &text[..cut], text.len()),
        None => text,
    }
}
