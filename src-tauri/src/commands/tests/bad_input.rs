//! Every command called with bad arguments: unknown ids, another person's records, values out of
//! range, huge strings, dates far off, bogus paths. Each must be refused with a code the UI can
//! switch on and leave the database and the data folder exactly as they were.
//!
//! Not called here: `get_start_at_login`/`set_start_at_login` (the autostart plugin is not in the
//! mock app) and `open_backups_folder` (nor is the opener plugin); none of them touches the data.

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

#[test]
fn people_sessions_and_erasing() {
    let w = World::new();
    let me = w.app.ok("get_me", json!({}))["id"].clone();
    let client = |name: Value| json!({ "name": name, "contact": null, "tags": [] });
    let consent = |day: &str, terms: Value| json!({ "agreed_on": day, "terms": terms });
    let ok_consent = consent("2026-11-01", json!("Notes kept here."));
    let session = |at: &str, agenda: Value| json!({ "starts_at": at, "agenda": agenda });
    w.refuse_all(&[
        ("add_client", json!({ "client": client(json!("")), "consent": ok_consent }), "invalid_input"),
        ("add_client", json!({ "client": client(json!(long(MEGABYTE))), "consent": ok_consent }), "invalid_input"),
        ("add_client", json!({ "client": { "name": "Bo", "contact": "a\u{7}b", "tags": [] }, "consent": ok_consent }), "invalid_input"),
        ("add_client", json!({ "client": { "name": "Bo", "contact": null, "tags": [long(41)] }, "consent": ok_consent }), "invalid_input"),
        ("add_client", json!({ "client": client(json!("Bo")), "consent": consent("2026-11-23", json!("Later.")) }), "invalid_input"),
        ("add_client", json!({ "client": client(json!("Bo")), "consent": consent("2026-11-01", json!("  ")) }), "invalid_input"),
        ("add_client", json!({ "client": client(json!("Bo")), "consent": consent("2026-11-01", json!(long(MEGABYTE))) }), "invalid_input"),
        ("update_client", json!({ "personId": 9999, "client": client(json!("Bo")) }), "not_found"),
        ("update_client", json!({ "personId": me, "client": client(json!("Bo")) }), "not_found"),
        ("update_client", json!({ "personId": w.client, "client": client(json!("")) }), "invalid_input"),
        ("record_consent", json!({ "personId": me, "consent": ok_consent }), "not_found"),
        ("record_consent", json!({ "personId": w.client, "consent": consent("9999-01-01", json!("x")) }), "invalid_input"),
        ("withdraw_consent", json!({ "personId": w.client }), "not_found"),
        ("withdraw_consent", json!({ "personId": 9999 }), "not_found"),
        ("switch_person", json!({ "personId": 9999 }), "not_found"),
        ("get_client_overview", json!({ "personId": 9999 }), "not_found"),
        ("add_session", json!({ "personId": 9999, "session": session("2026-11-22T09:00:00", json!("")) }), "not_found"),
        ("add_session", json!({ "personId": me, "session": session("2026-11-22T09:00:00", json!("")) }), "not_found"),
        ("add_session", json!({ "personId": w.client, "session": session("2026-11-22T09:00:00", json!(long(MEGABYTE))) }), "invalid_input"),
        ("update_session", json!({ "sessionId": 9999, "session": session("2026-11-22T09:00:00", json!("")) }), "not_found"),
        ("save_session_notes", json!({ "sessionId": 9999, "notes": "x" }), "not_found"),
        ("save_session_notes", json!({ "sessionId": w.client_session, "notes": long(2_000_001) }), "invalid_input"),
        ("delete_session", json!({ "sessionId": 9999 }), "not_found"),
        ("assign_homework", json!({ "sessionId": 9999, "homework": { "kind": "exercise", "exercise_id": "listen-first" } }), "not_found"),
        ("assign_homework", json!({ "sessionId": w.client_session, "homework": { "kind": "exercise", "exercise_id": "no-such" } }), "not_found"),
        ("assign_homework", json!({ "sessionId": w.client_session, "homework": { "kind": "habit", "library_id": long(MEGABYTE) } }), "not_found"),
        ("erase_preview", json!({ "personId": me }), "not_found"),
        ("erase_person", json!({ "personId": me, "confirmName": "Ada" }), "not_found"),
        ("erase_person", json!({ "personId": 9999, "confirmName": "" }), "not_found"),
        ("erase_person", json!({ "personId": w.client, "confirmName": "cleo" }), "invalid_input"),
        ("erase_person", json!({ "personId": w.client, "confirmName": long(MEGABYTE) }), "invalid_input"),
        ("export_person_json", json!({ "personId": 9999, "path": w.path("out/x.json") }), "not_found"),
        ("export_person_json", json!({ "personId": w.client, "path": w.path("leadback.sqlite3") }), "invalid_input"),
        ("export_person_json", json!({ "personId": w.client, "path": w.path("no-such-folder/x.json") }), "storage"),
        ("export_results_csv", json!({ "personId": 9999, "path": w.path("out/x.csv") }), "not_found"),
        ("export_results_csv", json!({ "personId": w.client, "path": w.path("backups/x.csv") }), "invalid_input"),
        ("export_results_csv", json!({ "personId": w.client, "path": w.path("out") }), "storage"),
    ]);
}

#[test]
fn names() {
    let w = World::new();
    #[rustfmt::skip]
    let cases = [
        ("set_my_name", json!({ "name": "" }), "invalid_input"),
        ("set_my_name", json!({ "name": long(10_000) }), "invalid_input"),
        ("set_my_name", json!({ "name": long(MEGABYTE) }), "invalid_input"),
        ("set_my_name", json!({ "name": "Ada\u{0}" }), "invalid_input"),
    ];
    w.refuse_all(&cases);
}

#[test]
fn assessments() {
    let w = World::new();
    let (open, done, client) = (
        w.open_assessment,
        w.finished_assessment,
        w.client_assessment,
    );
    let item = |id: i64, item: &Value, value: Value, position: i64| json!({ "assessmentId": id, "itemId": item, "value": value, "position": position });
    let scenario = |id: i64, scenario: &Value, option: Value, position: i64| json!({ "assessmentId": id, "scenarioId": scenario, "optionId": option, "position": position });
    let id = |id: i64| json!({ "assessmentId": id });
    let step = |id: i64, position: i64| json!({ "assessmentId": id, "position": position });
    let (three, none) = (json!(3), Value::Null);
    #[rustfmt::skip]
    let cases = [
        ("answer_item", item(999, &w.item, three.clone(), 1), "not_found"),
        ("answer_item", item(i64::MAX, &w.item, three.clone(), 1), "not_found"),
        ("answer_item", item(-1, &w.item, three.clone(), 1), "not_found"),
        ("answer_item", item(client, &w.item, three.clone(), 1), "not_found"),
        ("answer_item", item(done, &w.item, three.clone(), 1), "invalid_input"),
        ("answer_item", item(open, &json!("no-such-item"), three.clone(), 1), "invalid_input"),
        ("answer_item", item(open, &json!(""), three.clone(), 1), "invalid_input"),
        ("answer_item", item(open, &json!(long(MEGABYTE)), three.clone(), 1), "invalid_input"),
        ("answer_item", item(open, &w.item, json!(0), 1), "invalid_input"),
        ("answer_item", item(open, &w.item, json!(6), 1), "invalid_input"),
        ("answer_item", item(open, &w.item, json!(i64::MIN), 1), "invalid_input"),
        ("answer_item", item(open, &w.item, three.clone(), -1), "invalid_input"),
        ("answer_item", item(open, &w.item, three.clone(), i64::MAX), "invalid_input"),
        ("answer_scenario", scenario(999, &w.scenario, none.clone(), 1), "not_found"),
        ("answer_scenario", scenario(client, &w.scenario, none.clone(), 1), "not_found"),
        ("answer_scenario", scenario(done, &w.scenario, none.clone(), 1), "invalid_input"),
        ("answer_scenario", scenario(open, &json!("no-such-scenario"), none.clone(), 1), "invalid_input"),
        ("answer_scenario", scenario(open, &w.scenario, json!("no-such-option"), 1), "invalid_input"),
        ("answer_scenario", scenario(open, &w.scenario, json!(long(MEGABYTE)), 1), "invalid_input"),
        ("answer_scenario", scenario(open, &w.scenario, none.clone(), -5), "invalid_input"),
        ("move_in_assessment", step(999, 1), "not_found"),
        ("move_in_assessment", step(client, 1), "not_found"),
        ("move_in_assessment", step(done, 1), "invalid_input"),
        ("move_in_assessment", step(open, -1), "invalid_input"),
        ("move_in_assessment", step(open, 100_000), "invalid_input"),
        ("finish_assessment", id(999), "not_found"),
        ("finish_assessment", id(client), "not_found"),
        ("finish_assessment", id(done), "invalid_input"),
        ("discard_assessment", id(999), "not_found"),
        ("discard_assessment", id(client), "not_found"),
        ("discard_assessment", id(done), "invalid_input"),
        ("get_assessment_result", id(999), "not_found"),
        ("get_assessment_result", id(w.client_finished_assessment), "not_found"),
        ("get_assessment_result", id(open), "invalid_input"),
    ];
    w.refuse_all(&cases);
}

#[test]
fn habits() {
    let w = World::new();
    let (mine, theirs) = (w.habit, w.client_habit);
    let own = |name: &str, why: Value, times: i64, days: i64| json!({ "name": name, "stance": "front", "why": why, "times": times, "days": days });
    let add = |habit: Value| json!({ "habit": habit });
    let update = |id: i64, habit: Value| json!({ "habitId": id, "habit": habit });
    let fine = own("Ask first", Value::Null, 1, 1);
    let archive = |id: i64| json!({ "habitId": id, "archived": true });
    let order = |ids: Value| json!({ "habitIds": ids });
    let library = |id: &str| json!({ "libraryId": id });
    #[rustfmt::skip]
    let cases = [
        ("add_library_habit", library("no-such-habit"), "not_found"),
        ("add_library_habit", library(""), "not_found"),
        ("add_library_habit", library("Listen-Before-Speaking"), "not_found"),
        ("add_library_habit", library(&long(MEGABYTE)), "not_found"),
        ("add_own_habit", add(own("", Value::Null, 1, 1)), "invalid_input"),
        ("add_own_habit", add(own(&long(10_000), Value::Null, 1, 1)), "invalid_input"),
        ("add_own_habit", add(own("Ask", json!(long(MEGABYTE)), 1, 1)), "invalid_input"),
        ("add_own_habit", add(own("Ask", json!("bell\u{7}"), 1, 1)), "invalid_input"),
        ("add_own_habit", add(own("Ask", Value::Null, 0, 1)), "invalid_input"),
        ("add_own_habit", add(own("Ask", Value::Null, -1, 7)), "invalid_input"),
        ("add_own_habit", add(own("Ask", Value::Null, 1, 366)), "invalid_input"),
        ("add_own_habit", add(own("Ask", Value::Null, i64::MAX, i64::MAX)), "invalid_input"),
        ("update_habit", update(999, fine.clone()), "not_found"),
        ("update_habit", update(theirs, fine.clone()), "not_found"),
        ("update_habit", update(mine, own(" ", Value::Null, 1, 1)), "invalid_input"),
        ("update_habit", update(mine, own("Ask", Value::Null, 8, 7)), "invalid_input"),
        ("archive_habit", archive(999), "not_found"),
        ("archive_habit", archive(theirs), "not_found"),
        ("reorder_habits", order(json!([999])), "not_found"),
        ("reorder_habits", order(json!([mine, 999])), "not_found"),
        ("reorder_habits", order(json!([theirs, mine])), "not_found"),
        ("reorder_habits", order(json!([mine, mine])), "invalid_input"),
        ("get_habit_detail", json!({ "habitId": 999 }), "not_found"),
        ("get_habit_detail", json!({ "habitId": theirs }), "not_found"),
    ];
    w.refuse_all(&cases);
}

/// The fixed clock says 2026-11-22; back-filling reaches ten years back.
#[test]
fn check_ins_energy_and_reminders() {
    let w = World::new();
    let (mine, theirs) = (w.habit, w.client_habit);
    let check = |id: i64, day: &str, note: Value| json!({ "habitId": id, "day": day, "check": "done", "note": note });
    let energy =
        |day: &str, level: i64, note: Value| json!({ "day": day, "level": level, "note": note });
    let remind = |id: i64, reminders: Value| json!({ "habitId": id, "reminders": reminders });
    let at = |time: &str, weekdays: i64| json!({ "time": time, "weekdays": weekdays });
    let every_minute: Vec<Value> = (0..25).map(|m| at(&format!("08:{m:02}"), 1)).collect();
    let (today, none) = ("2026-11-22", Value::Null);
    #[rustfmt::skip]
    let cases = [
        ("check_in", check(999, today, none.clone()), "not_found"),
        ("check_in", check(theirs, today, none.clone()), "not_found"),
        ("check_in", check(mine, "2026-11-23", none.clone()), "invalid_input"),
        ("check_in", check(mine, "9999-12-31", none.clone()), "invalid_input"),
        ("check_in", check(mine, "+10000-01-01", none.clone()), "invalid_input"),
        ("check_in", check(mine, "2016-11-21", none.clone()), "invalid_input"),
        ("check_in", check(mine, "0001-01-01", none.clone()), "invalid_input"),
        ("check_in", check(mine, "-0001-01-01", none.clone()), "invalid_input"),
        ("check_in", check(mine, today, json!(long(10_000))), "invalid_input"),
        ("check_in", check(mine, today, json!(long(MEGABYTE))), "invalid_input"),
        ("check_in", check(mine, today, json!("bell\u{7}")), "invalid_input"),
        ("set_energy", energy(today, 0, none.clone()), "invalid_input"),
        ("set_energy", energy(today, 6, none.clone()), "invalid_input"),
        ("set_energy", energy(today, i64::MIN, none.clone()), "invalid_input"),
        ("set_energy", energy("2026-11-23", 3, none.clone()), "invalid_input"),
        ("set_energy", energy("9999-12-31", 3, none.clone()), "invalid_input"),
        ("set_energy", energy("0001-01-01", 3, none.clone()), "invalid_input"),
        ("set_energy", energy(today, 3, json!(long(10_000))), "invalid_input"),
        ("set_reminders", remind(999, json!([at("07:30", 31)])), "not_found"),
        ("set_reminders", remind(999, json!([])), "not_found"),
        ("set_reminders", remind(theirs, json!([at("07:30", 31)])), "not_found"),
        ("set_reminders", remind(mine, json!([at("25:00", 31)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at("", 31)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at(&long(10_000), 31)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at("07:30", 0)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at("07:30", 128)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at("07:30", -1)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at("07:30", 1), at("07:30", 2)])), "invalid_input"),
        ("set_reminders", remind(mine, json!(every_minute)), "invalid_input"),
        ("get_reminders", json!({ "habitId": 999 }), "not_found"),
        ("get_reminders", json!({ "habitId": theirs }), "not_found"),
        ("import_loop", json!({ "path": w.path("no-such-file.db") }), "invalid_input"),
        ("import_loop", json!({ "path": "" }), "invalid_input"),
        ("import_loop", json!({ "path": w.path("out") }), "invalid_input"),
        ("import_loop", json!({ "path": long(10_000) }), "invalid_input"),
        ("import_loop", json!({ "path": w.path("leadback.sqlite3") }), "invalid_input"),
    ];
    w.refuse_all(&cases);
}

#[test]
fn exercises() {
    let w = World::new();
    let (open, done, theirs) = (w.open_run, w.finished_run, w.client_run);
    let start = |id: &str, item: Value| json!({ "exerciseId": id, "programmeItem": item });
    let reflect = |id: i64, step: i64, prompt: &str, answer: Value| json!({ "runId": id, "step": step, "promptId": prompt, "answer": answer });
    let text = |t: &str| json!({ "kind": "text", "value": t });
    let rating = |r: i64| json!({ "kind": "rating", "value": r });
    let step = |id: i64, step: i64| json!({ "runId": id, "step": step });
    let finish = |id: i64| json!({ "runId": id, "checkInHabit": true });
    let none = Value::Null;
    #[rustfmt::skip]
    let cases = [
        ("start_exercise", start("juggling", none.clone()), "not_found"),
        ("start_exercise", start("", none.clone()), "not_found"),
        ("start_exercise", start(&long(MEGABYTE), none.clone()), "not_found"),
        ("start_exercise", start("listen-first", json!("no-such-item")), "not_found"),
        // "walk" is an item of the retreat, but it runs another exercise.
        ("start_exercise", start("listen-first", json!("walk")), "not_found"),
        ("start_exercise", start("listen-first", json!(long(MEGABYTE))), "not_found"),
        ("save_reflection", reflect(999, 1, "first-question", text("a")), "not_found"),
        ("save_reflection", reflect(theirs, 1, "first-question", text("a")), "not_found"),
        ("save_reflection", reflect(done, 1, "first-question", text("a")), "invalid_input"),
        ("save_reflection", reflect(open, -1, "first-question", text("a")), "invalid_input"),
        ("save_reflection", reflect(open, 99, "first-question", text("a")), "invalid_input"),
        ("save_reflection", reflect(open, 1, "no-such-prompt", text("a")), "invalid_input"),
        ("save_reflection", reflect(open, 2, "no-such-prompt", none.clone()), "invalid_input"),
        ("save_reflection", reflect(open, 1, &long(MEGABYTE), none.clone()), "invalid_input"),
        ("save_reflection", reflect(open, 1, "first-question", text(&long(10_000))), "invalid_input"),
        ("save_reflection", reflect(open, 1, "first-question", text(&long(MEGABYTE))), "invalid_input"),
        ("save_reflection", reflect(open, 1, "ready-to-listen", rating(0)), "invalid_input"),
        ("save_reflection", reflect(open, 1, "ready-to-listen", rating(i64::MAX)), "invalid_input"),
        ("save_reflection", reflect(open, 1, "ready-to-listen", text("high")), "invalid_input"),
        ("move_in_exercise", step(999, 1), "not_found"),
        ("move_in_exercise", step(theirs, 1), "not_found"),
        ("move_in_exercise", step(done, 1), "invalid_input"),
        ("move_in_exercise", step(open, -1), "invalid_input"),
        ("move_in_exercise", step(open, 3), "invalid_input"),
        ("finish_exercise", finish(999), "not_found"),
        ("finish_exercise", finish(theirs), "not_found"),
        ("finish_exercise", finish(done), "invalid_input"),
    ];
    w.refuse_all(&cases);
}

#[test]
fn journal() {
    let w = World::new();
    let find = |search: Value, stance: Value, exercise: Value| json!({ "search": search, "stance": stance, "exerciseId": exercise });
    let note = |day: &str, text: &str| json!({ "day": day, "text": text });
    let export = |path: Value| json!({ "path": path });
    let none = Value::Null;
    #[rustfmt::skip]
    let cases = [
        ("get_journal", find(none.clone(), json!("sideways"), none.clone()), "invalid_input"),
        ("get_journal", find(none.clone(), none.clone(), json!("juggling")), "not_found"),
        ("get_journal", find(json!(long(MEGABYTE)), none.clone(), none.clone()), "invalid_input"),
        ("add_journal_note", note("2026-11-22", ""), "invalid_input"),
        ("add_journal_note", note("2026-11-22", " \n "), "invalid_input"),
        ("add_journal_note", note("2026-11-22", &long(10_000)), "invalid_input"),
        ("add_journal_note", note("2026-11-22", &long(MEGABYTE)), "invalid_input"),
        ("add_journal_note", note("2026-11-23", "Soon."), "invalid_input"),
        ("add_journal_note", note("9999-12-31", "Later."), "invalid_input"),
        ("add_journal_note", note("0001-01-01", "Long ago."), "invalid_input"),
        ("export_journal", export(w.path("no-such-folder/journal.md")), "storage"),
        ("export_journal", export(w.path("out")), "storage"),
        ("export_journal", export(json!("")), "storage"),
        ("export_journal", export(w.path("leadback.sqlite3")), "invalid_input"),
        ("export_journal", export(w.path("leadback.sqlite3-wal")), "invalid_input"),
    ];
    w.refuse_all(&cases);
}

#[test]
fn programmes() {
    let w = World::new();
    let retreat = w.app.ok("get_programmes", json!({}))[0].clone();
    let id = retreat["id"].as_str().unwrap();
    let authored = |change: &dyn Fn(&mut Value)| {
        let mut programme = retreat.clone();
        programme["id"] = json!("my-retreat");
        change(&mut programme);
        json!({ "programme": programme })
    };
    std::fs::write(w.dir.path().join("out/garbage.json"), "not json").unwrap();
    let too_big = format!("\"{}\"", long(2 * MEGABYTE));
    std::fs::write(w.dir.path().join("out/huge.json"), too_big).unwrap();
    let file = |name: &str| json!({ "path": w.path(name) });
    let export = |id: &str, name: &str| json!({ "programmeId": id, "path": w.path(name) });
    let progress = |id: &str| json!({ "programmeId": id });
    let done = |id: &str, key: &str| json!({ "programmeId": id, "itemKey": key, "done": true });
    #[rustfmt::skip]
    let cases = [
        ("preview_programme_file", file("no-such-file.json"), "invalid_input"),
        ("preview_programme_file", json!({ "path": "" }), "invalid_input"),
        ("preview_programme_file", file("out"), "invalid_input"),
        ("preview_programme_file", file("out/garbage.json"), "invalid_input"),
        ("preview_programme_file", file("out/huge.json"), "invalid_input"),
        ("import_programme_file", file("no-such-file.json"), "invalid_input"),
        ("import_programme_file", file("out/garbage.json"), "invalid_input"),
        ("import_programme_file", file("out/huge.json"), "invalid_input"),
        ("import_programme_file", file("leadback.sqlite3"), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["id"] = json!("")), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["id"] = json!("Not Kebab")), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["title"] = json!(long(10_000))), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["description"] = json!(long(MEGABYTE))), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["version"] = json!(0)), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["days"] = json!([])), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["days"][0]["items"][1]["exercise"] = json!("juggling")), "invalid_input"),
        ("export_programme", export("no-such-programme", "out/p.json"), "not_found"),
        ("export_programme", export(id, "no-such-folder/p.json"), "storage"),
        ("export_programme", export(id, "out"), "storage"),
        ("export_programme", export(id, "leadback.sqlite3"), "invalid_input"),
        ("export_programme", export(id, "backups/p.json"), "invalid_input"),
        ("get_programme_progress", progress("no-such-programme"), "not_found"),
        ("get_programme_progress", progress(&long(MEGABYTE)), "not_found"),
        ("set_programme_item_done", done("no-such-programme", "walk"), "not_found"),
        ("set_programme_item_done", done(id, "no-such-item"), "not_found"),
        ("set_programme_item_done", done(id, &long(MEGABYTE)), "not_found"),
        ("programme_deletion_preview", json!({ "id": id }), "invalid_input"),
        ("programme_deletion_preview", json!({ "id": "no-such-programme" }), "not_found"),
        ("delete_programme", json!({ "id": id }), "invalid_input"),
        ("delete_programme", json!({ "id": "no-such-programme" }), "not_found"),
        ("delete_programme", json!({ "id": long(MEGABYTE) }), "not_found"),
    ];
    w.refuse_all(&cases);
}

#[test]
fn cohort_results() {
    let w = World::new();
    std::fs::write(w.dir.path().join("out/garbage.json"), "not json").unwrap();
    let results = |id: &str, code: &str, name: Value, path: &str| json!({ "programmeId": id, "participantCode": code, "name": name, "path": w.path(path) });
    let retreat = "three-days-at-the-back";
    let out = "out/results.json";
    let (none, paths) = (Value::Null, |paths: Value| json!({ "paths": paths }));
    #[rustfmt::skip]
    let cases = [
        ("export_results", results("no-such-programme", "A", none.clone(), out), "not_found"),
        ("export_results", results(retreat, "", none.clone(), out), "invalid_input"),
        ("export_results", results(retreat, &long(10_000), none.clone(), out), "invalid_input"),
        ("export_results", results(retreat, "A\nB", none.clone(), out), "invalid_input"),
        ("export_results", results(retreat, "A", json!(long(MEGABYTE)), out), "invalid_input"),
        ("export_results", results(retreat, "A", none.clone(), "no-such-folder/r.json"), "storage"),
        ("export_results", results(retreat, "A", none.clone(), "leadback.sqlite3"), "invalid_input"),
        ("import_results", paths(json!([])), "invalid_input"),
        ("import_results", paths(json!([w.path("no-such-file.json")])), "invalid_input"),
        ("import_results", paths(json!([w.path("out/garbage.json")])), "invalid_input"),
        ("import_results", paths(json!([w.path("out")])), "invalid_input"),
        ("get_cohort_summary", json!({ "programmeId": "no-such-programme" }), "not_found"),
        ("get_cohort_summary", json!({ "programmeId": long(MEGABYTE) }), "not_found"),
    ];
    w.refuse_all(&cases);
}

#[test]
fn backups_and_export() {
    let w = World::new();
    std::fs::write(w.dir.path().join("out/garbage.sqlite3"), "not a database").unwrap();
    let path = |name: &str| json!({ "path": w.path(name) });
    #[rustfmt::skip]
    let cases = [
        ("restore_backup", path("no-such-backup.sqlite3"), "invalid_input"),
        ("restore_backup", json!({ "path": "" }), "invalid_input"),
        ("restore_backup", path("out"), "invalid_input"),
        ("restore_backup", path("out/garbage.sqlite3"), "invalid_input"),
        ("restore_backup", json!({ "path": long(10_000) }), "invalid_input"),
        ("restore_backup", path("leadback.sqlite3"), "invalid_input"),
        ("export_everything", path("no-such-folder/all.json"), "storage"),
        ("export_everything", json!({ "path": "" }), "storage"),
        // A folder: the half-written file beside it must not be left behind.
        ("export_everything", path("out"), "storage"),
        ("export_everything", path("leadback.sqlite3"), "invalid_input"),
        ("export_everything", path("backups/all.json"), "invalid_input"),
        ("recover_from_backup", json!({}), "invalid_input"),
    ];
    w.refuse_all(&cases);

    // A database in memory has no folder to keep backups in.
    let app = TestApp::new();
    assert_eq!(app.code("get_backups", json!({})), "storage");
    assert_eq!(app.code("backup_now", json!({})), "storage");
}

#[test]
fn arguments_of_the_wrong_type_are_refused_before_any_command_runs() {
    let w = World::new();
    let before = snapshot(&w.app, w.dir.path());
    let drawing = json!({ "kind": "drawing", "value": "" });
    #[rustfmt::skip]
    let calls = [
        ("set_my_name", json!({})),
        ("answer_item", json!({ "assessmentId": "1", "itemId": w.item, "value": 3, "position": 1 })),
        ("answer_item", json!({ "assessmentId": 1.5, "itemId": w.item, "value": 3, "position": 1 })),
        ("check_in", json!({ "habitId": w.habit, "day": "2026-02-30", "check": "done", "note": null })),
        ("check_in", json!({ "habitId": w.habit, "day": "2026-11-22", "check": "maybe", "note": null })),
        ("set_energy", json!({ "day": "2026-11-22", "level": "high", "note": null })),
        ("add_own_habit", json!({ "habit": { "name": "Ask", "stance": "sideways", "times": 1, "days": 1 } })),
        ("reorder_habits", json!({ "habitIds": "1,2" })),
        ("set_reminders", json!({ "habitId": w.habit, "reminders": [{ "time": "07:30" }] })),
        ("save_reflection", json!({ "runId": w.open_run, "step": 1, "promptId": "first-question", "answer": drawing })),
        ("get_habits", json!({ "includeArchived": "no" })),
        ("import_results", json!({ "paths": "a.json" })),
        ("save_authored_programme", json!({ "programme": { "id": "x" } })),
    ];
    for (cmd, args) in calls {
        assert!(w.app.call(cmd, args.clone()).is_err(), "{cmd} {args}");
    }
    assert_eq!(snapshot(&w.app, w.dir.path()), before);
}

#[test]
fn commands_for_me_are_refused_before_there_is_a_profile() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::with_store(Store::open_in(dir.path()).unwrap());
    let path = |name: &str| json!(dir.path().join(name));
    let habit = json!({ "name": "Ask first", "stance": null, "why": null, "times": 1, "days": 1 });
    let retreat = "three-days-at-the-back";
    #[rustfmt::skip]
    let cases = [
        ("get_open_assessment", json!({}), "not_found"),
        ("start_assessment", json!({}), "not_found"),
        ("get_assessment_history", json!({}), "not_found"),
        ("get_habits", json!({ "includeArchived": true }), "not_found"),
        ("add_library_habit", json!({ "libraryId": "listen-before-speaking" }), "not_found"),
        ("add_own_habit", json!({ "habit": habit }), "not_found"),
        ("reorder_habits", json!({ "habitIds": [] }), "not_found"),
        ("set_energy", json!({ "day": "2026-11-22", "level": 3, "note": null }), "not_found"),
        ("get_energy", json!({}), "not_found"),
        ("get_stance_rollup", json!({}), "not_found"),
        ("get_open_exercise_run", json!({}), "not_found"),
        ("start_exercise", json!({ "exerciseId": "quick-pause", "programmeItem": null }), "not_found"),
        ("get_journal", json!({ "search": null, "stance": null, "exerciseId": null }), "not_found"),
        ("add_journal_note", json!({ "day": "2026-11-22", "text": "Hello." }), "not_found"),
        ("export_journal", json!({ "path": path("journal.md") }), "not_found"),
        ("get_programme_progress", json!({ "programmeId": retreat }), "not_found"),
        ("set_programme_item_done", json!({ "programmeId": retreat, "itemKey": "walk", "done": true }), "not_found"),
        ("export_results", json!({ "programmeId": retreat, "participantCode": "A", "name": null, "path": path("r.json") }), "not_found"),
    ];
    refuse_all(&app, dir.path(), &cases);
    assert_eq!(app.ok("get_me", json!({})), Value::Null);
}

#[test]
fn finishing_an_exercise_checks_in_even_when_its_reflections_are_longer_than_a_note() {
    let w = World::new();
    let run = w.app.ok(
        "start_exercise",
        json!({ "exerciseId": "listen-first", "programmeItem": null }),
    );
    let exercise = w
        .app
        .ok("get_exercises", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "listen-first")
        .unwrap()
        .clone();
    // Different words each time: a reflection already in the note is not added again.
    let mut letters = ('a'..='z').cycle();
    for (step, content) in exercise["steps"].as_array().unwrap().iter().enumerate() {
        for prompt in content["prompts"].as_array().into_iter().flatten() {
            let answer = match prompt["kind"].as_str().unwrap() {
                "text" => {
                    let letter = letters.next().unwrap_or('x');
                    json!({ "kind": "text", "value": letter.to_string().repeat(4_000) })
                }
                _ => json!({ "kind": "rating", "value": 3 }),
            };
            w.app.ok(
                "save_reflection",
                json!({ "runId": run["id"], "step": step, "promptId": prompt["id"], "answer": answer }),
            );
        }
    }
    w.app.ok(
        "finish_exercise",
        json!({ "runId": run["id"], "checkInHabit": true }),
    );
    let detail = w.app.ok("get_habit_detail", json!({ "habitId": w.habit }));
    let today = detail["entries"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (today["day"].as_str(), today["state"].as_str()),
        (Some("2026-11-22"), Some("done"))
    );
    let note = today["note"].as_str().unwrap();
    assert_eq!(note.chars().count(), leadback_core::habits::NOTE_MAX_CHARS);
}

#[test]
fn a_database_from_a_newer_leadback_is_refused_by_every_command_and_left_untouched() {
    let (dir, files) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = |name: &str| json!(files.path().join(name));
    let retreat = "three-days-at-the-back";
    let (backup, mut programme) = {
        let app = TestApp::with_store(Store::open_in(dir.path()).unwrap());
        app.ok("set_my_name", json!({ "name": "Ada" }));
        let export = json!({ "programmeId": retreat, "path": file("programme.json") });
        app.ok("export_programme", export);
        let programme = app.ok("get_programmes", json!({}))[0].clone();
        (app.ok("backup_now", json!({}))["path"].clone(), programme)
    };
    programme["id"] = json!("my-retreat");
    // A facilitator's own programme: the built-in one can never be imported over.
    let exported = files.path().join("programme.json");
    let mut file_json: Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    file_json["programme"]["id"] = json!("my-retreat");
    std::fs::write(&exported, file_json.to_string()).unwrap();
    let results = leadback_core::cohort::ResultsFile::new(retreat, "A", None, None, None, &[]);
    std::fs::write(files.path().join("results.json"), results.unwrap().seal()).unwrap();
    let database = dir.path().join("leadback.sqlite3");
    rusqlite::Connection::open(&database)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999")
        .unwrap();
    let (bytes_before, files_before) = (std::fs::read(&database).unwrap(), files_under(dir.path()));

    let app = TestApp::with_state(AppState::open(Some(dir.path())));
    let habit = json!({ "name": "Ask first", "stance": null, "why": null, "times": 1, "days": 1 });
    let reminders = json!([{ "time": "07:30", "weekdays": 31 }]);
    let today = "2026-11-22";
    // Every command that reads or writes the database. Not here: the ones that never open it
    // (questionnaire, habit library, exercises, previewing a programme file, recovery) and
    // `import_loop`, which needs a Loop file before it gets that far.
    #[rustfmt::skip]
    let store_commands = [
        ("get_me", json!({})),
        ("set_my_name", json!({ "name": "Grace" })),
        ("get_open_assessment", json!({})),
        ("start_assessment", json!({})),
        ("answer_item", json!({ "assessmentId": 1, "itemId": "front-01", "value": 3, "position": 1 })),
        ("answer_scenario", json!({ "assessmentId": 1, "scenarioId": "hike", "optionId": null, "position": 1 })),
        ("move_in_assessment", json!({ "assessmentId": 1, "position": 1 })),
        ("finish_assessment", json!({ "assessmentId": 1 })),
        ("discard_assessment", json!({ "assessmentId": 1 })),
        ("get_assessment_result", json!({ "assessmentId": 1 })),
        ("get_assessment_history", json!({})),
        ("get_habits", json!({ "includeArchived": false })),
        ("add_library_habit", json!({ "libraryId": "listen-before-speaking" })),
        ("add_own_habit", json!({ "habit": habit })),
        ("update_habit", json!({ "habitId": 1, "habit": habit })),
        ("archive_habit", json!({ "habitId": 1, "archived": true })),
        ("reorder_habits", json!({ "habitIds": [1] })),
        ("check_in", json!({ "habitId": 1, "day": today, "check": "done", "note": null })),
        ("get_habit_detail", json!({ "habitId": 1 })),
        ("set_energy", json!({ "day": today, "level": 3, "note": null })),
        ("get_energy", json!({})),
        ("get_stance_rollup", json!({})),
        ("set_reminders", json!({ "habitId": 1, "reminders": reminders })),
        ("get_reminders", json!({ "habitId": 1 })),
        ("get_open_exercise_run", json!({})),
        ("start_exercise", json!({ "exerciseId": "quick-pause", "programmeItem": null })),
        ("save_reflection", json!({ "runId": 1, "step": 1, "promptId": "first-question", "answer": null })),
        ("move_in_exercise", json!({ "runId": 1, "step": 1 })),
        ("finish_exercise", json!({ "runId": 1, "checkInHabit": true })),
        ("get_journal", json!({ "search": null, "stance": null, "exerciseId": null })),
        ("add_journal_note", json!({ "day": today, "text": "Hello." })),
        ("export_journal", json!({ "path": file("journal.md") })),
        ("get_programmes", json!({})),
        ("import_programme_file", json!({ "path": file("programme.json") })),
        ("save_authored_programme", json!({ "programme": programme })),
        ("export_programme", json!({ "programmeId": retreat, "path": file("p.json") })),
        ("get_programme_progress", json!({ "programmeId": retreat })),
        ("set_programme_item_done", json!({ "programmeId": retreat, "itemKey": "walk", "done": true })),
        ("export_results", json!({ "programmeId": retreat, "participantCode": "A", "name": null, "path": file("r.json") })),
        ("import_results", json!({ "paths": [file("results.json")] })),
        ("get_cohort_summary", json!({ "programmeId": retreat })),
        ("get_backups", json!({})),
        ("backup_now", json!({})),
        ("restore_backup", json!({ "path": backup })),
        ("export_everything", json!({ "path": file("all.json") })),
    ];
    for (cmd, args) in store_commands {
        assert_eq!(app.code(cmd, args), "newer_database", "{cmd}");
    }
    assert_eq!(std::fs::read(&database).unwrap(), bytes_before);
    assert_eq!(files_under(dir.path()), files_before);
    let written: Vec<_> = ["journal.md", "p.json", "r.json", "all.json"]
        .into_iter()
        .filter(|name| files.path().join(name).exists())
        .collect();
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn observer_forms() {
    let w = World::new();
    let request = w.app.ok(
        "add_observer_request",
        json!({ "personId": w.client, "observer": "Her manager" }),
    )["id"]
        .clone();
    std::fs::write(w.dir.path().join("junk.json"), "not json at all").unwrap();
    std::fs::write(w.dir.path().join("big.json"), vec![b' '; 1024 * 1024 + 1]).unwrap();
    let many: serde_json::Map<String, Value> =
        (0..5000).map(|i| (format!("item-{i}"), json!(3))).collect();
    w.refuse_all(&[
        (
            "add_observer_request",
            json!({ "personId": 9999, "observer": "Peer" }),
            "not_found",
        ),
        (
            "add_observer_request",
            json!({ "personId": w.client, "observer": long(MEGABYTE) }),
            "invalid_input",
        ),
        (
            "add_observer_request",
            json!({ "personId": w.client, "observer": "a\nb" }),
            "invalid_input",
        ),
        (
            "get_observer_view",
            json!({ "personId": 9999 }),
            "not_found",
        ),
        (
            "get_observer_form",
            json!({ "requestId": 9999 }),
            "not_found",
        ),
        (
            "submit_observer_answers",
            json!({ "requestId": 9999, "answers": {} }),
            "not_found",
        ),
        (
            "submit_observer_answers",
            json!({ "requestId": request, "answers": many }),
            "invalid_input",
        ),
        (
            "submit_observer_answers",
            json!({ "requestId": request, "answers": { "front-01": 99 } }),
            "invalid_input",
        ),
        (
            "submit_observer_answers",
            json!({ "requestId": request, "answers": { long(MEGABYTE): 3 } }),
            "invalid_input",
        ),
        (
            "export_observer_form",
            json!({ "requestId": 9999, "path": w.path("out/f.html") }),
            "not_found",
        ),
        (
            "export_observer_form",
            json!({ "requestId": request, "path": w.path("backups/f.html") }),
            "invalid_input",
        ),
        (
            "export_observer_form",
            json!({ "requestId": request, "path": w.path("leadback.sqlite3") }),
            "invalid_input",
        ),
        (
            "export_observer_form",
            json!({ "requestId": request, "path": w.path("no-such-folder/f.html") }),
            "invalid_input",
        ),
        (
            "import_observer_answers",
            json!({ "personId": w.client, "path": w.path("junk.json") }),
            "invalid_input",
        ),
        (
            "import_observer_answers",
            json!({ "personId": w.client, "path": w.path("big.json") }),
            "invalid_input",
        ),
        (
            "import_observer_answers",
            json!({ "personId": w.client, "path": "/dev/zero" }),
            "invalid_input",
        ),
        (
            "import_observer_answers",
            json!({ "personId": w.client, "path": w.path("missing.json") }),
            "invalid_input",
        ),
        (
            "import_observer_answers",
            json!({ "personId": 9999, "path": w.path("junk.json") }),
            "not_found",
        ),
        (
            "withdraw_observer_request",
            json!({ "personId": 9999, "requestId": 9999 }),
            "not_found",
        ),
    ]);
}
