//! Arguments of the wrong type, and commands for "me" before there is a profile.

use super::*;

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
