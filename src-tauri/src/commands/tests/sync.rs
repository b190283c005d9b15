//! Sync through IPC: two apps (two data folders) and one sync folder, as two computers would
//! have them; and when the automatic sync runs.

use std::path::Path;
use std::time::{Duration, Instant};

use leadback_actions::sync::Options;
use leadback_store::Store;
use serde_json::{Value, json};

use super::TestApp;
use crate::commands::sync::{LONGEST_WAIT, LOOK_EVERY, Runner, SYNC_EVERY, Schedule, auto_step};
use crate::state::AppState;

/// How the web view passes a progress channel.
const PROGRESS: &str = "__CHANNEL__:1";

/// An app on its own data folder, named `name`, pairing with a quickly stretched code.
fn computer(data: &Path, name: &str) -> TestApp {
    let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 22, 8, 0, 0).unwrap();
    let clock = Box::new(leadback_core::FixedClock::new(now));
    let mut state = AppState::with_store(Store::open_in(data).unwrap(), clock);
    state.sync = Runner::new(Options {
        work_factor: 4,
        ..Options::default()
    });
    let app = TestApp::with_state(state);
    app.ok("set_my_name", json!({ "name": name }));
    app
}

fn habit_names(app: &TestApp) -> Vec<String> {
    let habits = app.ok("get_habits", json!({ "includeArchived": false }));
    habits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["habit"]["name"].as_str().unwrap().to_owned())
        .collect()
}

struct Pair {
    _dirs: [tempfile::TempDir; 3],
    folder: String,
    a: TestApp,
    b: TestApp,
    code: String,
}

/// A starts a group; B joins it with the code typed in lower case without dashes.
fn paired() -> Pair {
    let dirs = [(); 3].map(|()| tempfile::tempdir().unwrap());
    let folder = dirs[2].path().display().to_string();
    let a = computer(dirs[0].path(), "Ada");
    let b = computer(dirs[1].path(), "Ada");
    let started = a.ok("sync_start", json!({ "folder": folder }));
    let code = started["code"].as_str().unwrap().to_owned();
    let typed = code.replace('-', "").to_lowercase();
    b.ok(
        "sync_join",
        json!({ "folder": folder, "code": typed, "onProgress": PROGRESS }),
    );
    Pair {
        _dirs: dirs,
        folder,
        a,
        b,
        code,
    }
}

#[test]
fn a_habit_added_on_one_computer_appears_on_the_other_after_sync_now() {
    let pair = paired();
    assert_eq!(pair.code.len(), 19, "four groups of four: {}", pair.code);
    pair.a
        .ok("add_library_habit", json!({ "libraryId": "real-break" }));
    let sent = pair.a.ok("sync_now", json!({ "onProgress": PROGRESS }));
    assert_eq!(sent["sent"].as_array().unwrap().len(), 1);
    assert!(habit_names(&pair.b).is_empty());

    let got = pair.b.ok("sync_now", json!({ "onProgress": PROGRESS }));
    assert_eq!(got["refused"], json!([]));
    assert_eq!(habit_names(&pair.b), habit_names(&pair.a));

    let view = pair.b.ok("sync_status", json!({}));
    assert_eq!(view["status"]["in_group"], true);
    let devices = view["status"]["devices"].as_array().unwrap();
    assert_eq!(devices.len(), 2);
    assert_eq!(
        devices.iter().filter(|d| d["this_device"] == true).count(),
        1
    );
    assert_eq!(view["problems"], json!([]));
    assert_eq!(view["tried_at"], "2026-11-22T08:00:00+00:00");
}

#[test]
fn a_wrong_code_or_a_relative_folder_is_refused_and_leaves_the_computer_out_of_any_group() {
    let pair = paired();
    let dir = tempfile::tempdir().unwrap();
    let c = computer(dir.path(), "Ada");
    let wrong = if pair.code.starts_with('A') { "B" } else { "A" };
    let wrong = format!("{wrong}{}", &pair.code[1..]);
    for args in [
        json!({ "folder": pair.folder, "code": wrong, "onProgress": PROGRESS }),
        json!({ "folder": pair.folder, "code": "too short", "onProgress": PROGRESS }),
        json!({ "folder": "relative/folder", "code": pair.code, "onProgress": PROGRESS }),
        json!({ "folder": "", "code": pair.code, "onProgress": PROGRESS }),
    ] {
        assert_eq!(c.code("sync_join", args.clone()), "invalid_input", "{args}");
    }
    assert_eq!(
        c.code("sync_start", json!({ "folder": "Sync" })),
        "invalid_input"
    );
    let view = c.ok("sync_status", json!({}));
    assert_eq!(view["status"]["in_group"], false);
    assert_eq!(view["problems"], json!([]));

    // The code was lost: a computer in the group shows a new one, and only that one works.
    let new = pair.b.ok("sync_new_code", json!({}));
    let new = new["code"].as_str().unwrap();
    assert_ne!(new, pair.code);
    let old = json!({ "folder": pair.folder, "code": pair.code, "onProgress": PROGRESS });
    assert_eq!(c.code("sync_join", old), "invalid_input");
    c.ok(
        "sync_join",
        json!({ "folder": pair.folder, "code": new, "onProgress": PROGRESS }),
    );
    assert_eq!(c.ok("sync_status", json!({}))["status"]["in_group"], true);
}

#[test]
fn a_missing_folder_is_kept_as_a_problem_in_plain_words_until_leaving() {
    let pair = paired();
    std::fs::remove_dir_all(&pair.folder).unwrap();
    assert_eq!(
        pair.a.code("sync_now", json!({ "onProgress": PROGRESS })),
        "invalid_input"
    );
    let problems = pair.a.ok("sync_status", json!({}))["problems"].clone();
    let problems = problems.as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0]["file"], Value::Null);
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .contains("the sync folder is not there"),
        "{problems:?}"
    );
    // Other screens carry on: the problem belongs to Settings -> Sync.
    pair.a
        .ok("add_library_habit", json!({ "libraryId": "real-break" }));

    pair.a.ok("sync_leave", json!({}));
    let view = pair.a.ok("sync_status", json!({}));
    assert_eq!(view["status"]["in_group"], false);
    assert_eq!(view["problems"], json!([]));
    assert_eq!(habit_names(&pair.a).len(), 1, "the data stays here");
}

/// How many files lie in `dir` and the folders in it.
fn files_in(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| if p.is_dir() { files_in(&p) } else { 1 })
        .sum()
}

#[test]
fn while_leadback_in_a_terminal_syncs_the_same_data_the_apps_sync_rename_and_leave_write_nothing() {
    let pair = paired();
    pair.a
        .ok("add_library_habit", json!({ "libraryId": "real-break" }));
    let before = files_in(Path::new(&pair.folder));
    let unsent = |app: &TestApp| app.ok("sync_status", json!({}))["status"]["unsent"].clone();
    let waiting = unsent(&pair.a);
    assert_ne!(waiting, json!(0));
    // `leadback sync now` in a terminal, holding the data's sync lock.
    let database = pair.a.state().store().unwrap().path().unwrap().to_owned();
    let terminal = leadback_testkit::hold_lock(&leadback_actions::sync::lock_path(&database));
    assert_eq!(
        pair.a.code("sync_now", json!({ "onProgress": PROGRESS })),
        "invalid_input"
    );
    let problems = pair.a.ok("sync_status", json!({}))["problems"].clone();
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .contains("another sync of this computer's data was running"),
        "{problems:?}"
    );
    assert_eq!(unsent(&pair.a), waiting, "nothing was sent");
    // Renaming this computer or leaving the group meanwhile is refused too: the terminal's sync
    // would write this computer's card over the new name, or go on after it left.
    let this_name =
        |app: &TestApp| app.ok("sync_status", json!({}))["status"]["devices"][0]["name"].clone();
    let name = this_name(&pair.a);
    assert_eq!(
        pair.a.code("sync_rename", json!({ "name": "Office" })),
        "invalid_input"
    );
    assert_eq!(pair.a.code("sync_leave", json!({})), "invalid_input");
    assert_eq!(this_name(&pair.a), name);
    assert_eq!(files_in(Path::new(&pair.folder)), before);

    drop(terminal);
    pair.a.ok("sync_now", json!({ "onProgress": PROGRESS }));
    assert_eq!(unsent(&pair.a), json!(0));
    pair.a.ok("sync_rename", json!({ "name": "Office" }));
    assert_eq!(this_name(&pair.a), json!("Office"));
}

#[test]
fn the_automatic_sync_sends_a_change_once_the_person_stops_writing() {
    let pair = paired();
    let state = pair.a.state();
    let t0 = Instant::now();
    let mut schedule = Schedule::default();
    // The first look after start-up syncs.
    auto_step(&state, &mut schedule, t0);
    pair.a
        .ok("add_library_habit", json!({ "libraryId": "real-break" }));
    let unsent = || pair.a.ok("sync_status", json!({}))["status"]["unsent"].clone();
    assert_ne!(unsent(), 0);
    // It waits for a quiet look, then sends.
    auto_step(&state, &mut schedule, t0 + LOOK_EVERY);
    assert_ne!(unsent(), 0, "the first look after a change waits");
    assert_eq!(auto_step(&state, &mut schedule, t0 + LOOK_EVERY * 2), 0);
    assert_eq!(unsent(), 0);
    // The other computer's own automatic sync brings it in and says so (the window then offers
    // to show it); with nothing new, it says nothing.
    let mut other = Schedule::default();
    assert!(auto_step(&pair.b.state(), &mut other, t0) > 0);
    assert_eq!(habit_names(&pair.b), habit_names(&pair.a));
    assert_eq!(
        auto_step(&pair.b.state(), &mut other, t0 + SYNC_EVERY * 2),
        0
    );
}

#[test]
fn the_automatic_sync_does_nothing_outside_a_group() {
    let dir = tempfile::tempdir().unwrap();
    let app = computer(dir.path(), "Ada");
    let mut schedule = Schedule::default();
    auto_step(&app.state(), &mut schedule, Instant::now());
    assert_eq!(app.ok("sync_status", json!({}))["tried_at"], Value::Null);
}

#[test]
fn the_schedule_syncs_at_start_after_a_quiet_look_at_the_latest_after_a_minute_and_every_five() {
    let t0 = Instant::now();
    let at = |secs: u64| t0 + Duration::from_secs(secs);
    let mut s = Schedule::default();
    assert!(s.due(at(0), 0), "the first look syncs");
    s.synced(at(0), 0);
    assert!(!s.due(at(5), 0), "nothing to send");
    assert!(!s.due(at(10), 1), "a change just made: wait for more");
    assert!(!s.due(at(15), 2), "still writing");
    assert!(s.due(at(20), 2), "quiet for a look");
    s.synced(at(20), 0);

    // Someone writing without pause is synced at the latest after a minute.
    let mut writing = Vec::new();
    for (i, secs) in (25..=25 + LONGEST_WAIT.as_secs()).step_by(5).enumerate() {
        writing.push(s.due(at(secs), i + 1));
    }
    assert_eq!(writing.iter().filter(|due| **due).count(), 1);
    assert!(writing.last().unwrap());
    s.synced(at(85), 0);

    // With nothing to send it still syncs every five minutes, to bring the others' changes in.
    assert!(!s.due(at(85) + SYNC_EVERY - LOOK_EVERY, 0));
    assert!(s.due(at(85) + SYNC_EVERY, 0));
}

#[test]
fn a_failed_sync_is_not_retried_every_look_for_the_same_changes() {
    let t0 = Instant::now();
    let at = |secs: u64| t0 + Duration::from_secs(secs);
    let mut s = Schedule::default();
    s.synced(at(0), 3); // the folder was missing: 3 changes left
    assert!(!s.due(at(5), 3));
    assert!(!s.due(at(10), 3));
    assert!(
        !s.due(at(65), 3),
        "the same changes wait for the five-minute sync"
    );
    assert!(!s.due(at(70), 4), "a new change…");
    assert!(s.due(at(75), 4), "…brings the next sync forward once quiet");
    s.synced(at(75), 4);
    assert!(s.due(at(75) + SYNC_EVERY, 4));
}

#[test]
fn a_computer_renamed_shows_its_new_name_on_the_other() {
    let pair = paired();
    assert_eq!(
        pair.a
            .ok("sync_rename", json!({ "name": "  Office desktop " })),
        json!("Office desktop")
    );
    let names = |app: &TestApp| -> Vec<String> {
        let view = app.ok("sync_status", json!({}));
        let mut names: Vec<String> = view["status"]["devices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["name"].as_str().unwrap().to_owned())
            .collect();
        names.sort();
        names
    };
    assert!(
        names(&pair.b).contains(&"Office desktop".to_owned()),
        "{:?}",
        names(&pair.b)
    );
    // A name that is empty, more than one line or far too long is refused and the old one kept.
    let huge = "x".repeat(1_000_000);
    for bad in ["   ", "Office\ndesktop", huge.as_str()] {
        assert_eq!(
            pair.a.code("sync_rename", json!({ "name": bad })),
            "invalid_input"
        );
    }
    assert!(names(&pair.a).contains(&"Office desktop".to_owned()));
    // Out of any group there is nothing to rename.
    pair.a.ok("sync_leave", json!({}));
    assert_eq!(
        pair.a.code("sync_rename", json!({ "name": "Laptop" })),
        "invalid_input"
    );
}

#[test]
fn another_computer_is_forgotten_by_its_id_and_a_bad_one_changes_nothing() {
    let pair = paired();
    let devices = |app: &TestApp| app.ok("sync_status", json!({}))["status"]["devices"].clone();
    let listed = devices(&pair.a);
    let this = listed[0]["id"].as_str().unwrap().to_owned();
    let other = listed[1]["id"].as_str().unwrap().to_owned();
    let huge = "x".repeat(1_000_000);
    for bad in [this.as_str(), "", "0000000000000000", huge.as_str()] {
        assert_eq!(
            pair.a.code("sync_forget", json!({ "computer": bad })),
            "invalid_input"
        );
    }
    assert!(
        pair.a
            .call("sync_forget", json!({ "computer": 7 }))
            .is_err()
    );
    assert_eq!(devices(&pair.a), listed, "a refusal forgot someone");

    let name = pair.a.ok("sync_forget", json!({ "computer": other }));
    assert_eq!(name, listed[1]["name"]);
    let left = devices(&pair.a);
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(left[0]["id"], json!(this));
    // B, found again, syncs and is listed again.
    pair.b.ok("sync_now", json!({ "onProgress": PROGRESS }));
    assert_eq!(devices(&pair.a), listed);
}

#[test]
fn a_sync_lets_go_of_the_database_between_files_and_says_how_far_it_is() {
    let pair = paired();
    // Three syncs on A: three files for B to apply.
    for id in ["real-break", "let-others-go-first", "back-of-the-walk"] {
        pair.a.ok("add_library_habit", json!({ "libraryId": id }));
        pair.a.ok("sync_now", json!({ "onProgress": PROGRESS }));
    }
    let state = pair.b.state();
    let run = leadback_actions::sync::Run::begin(&mut state.store().unwrap()).unwrap();
    let mut told = Vec::new();
    let outcome = crate::commands::sync::run_steps(&state, run, &mut |done, total| {
        // Between files, another call (a screen loading, a check-in) can have the database.
        assert!(state.store_is_free(), "held while telling progress");
        told.push((done, total));
    })
    .unwrap();
    assert_eq!(told, [(1, 3), (2, 3), (3, 3)]);
    assert_eq!(outcome.applied.len(), 3);
    assert_eq!(habit_names(&pair.b).len(), 3);
}
