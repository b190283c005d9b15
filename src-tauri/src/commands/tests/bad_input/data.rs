//! Bad calls about backups and export, and a database from a newer Leadback.

use super::*;

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
