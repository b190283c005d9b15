//! Where two features write the same record, what a person wrote or chose first stays: an
//! exercise's reflections go after the day's check-in note, a programme or homework reuses the
//! habit the person already has, an imported programme file never replaces one written here, and
//! a client's answers never land in the coach's unfinished assessment.

use serde_json::{Value, json};

use super::TestApp;

/// Ada with the habit "Listen before speaking" (linked to the exercise "listen-first").
fn ada() -> (TestApp, Value) {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let habit = app.ok(
        "add_library_habit",
        json!({ "libraryId": "listen-before-speaking" }),
    )["id"]
        .clone();
    (app, habit)
}

/// Runs "listen-first" writing `texts` into its text prompts in order, then finishes it.
fn run_listen_first(app: &TestApp, texts: &[&str], check_in_habit: bool) -> Value {
    let run = app.ok(
        "start_exercise",
        json!({ "exerciseId": "listen-first", "programmeItem": null }),
    );
    let exercises = app.ok("get_exercises", json!({}));
    let exercise = exercises
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "listen-first")
        .unwrap();
    let mut texts = texts.iter();
    for (step, content) in exercise["steps"].as_array().unwrap().iter().enumerate() {
        for prompt in content["prompts"].as_array().into_iter().flatten() {
            if prompt["kind"] != "text" {
                continue;
            }
            let Some(text) = texts.next() else { break };
            app.ok(
                "save_reflection",
                json!({ "runId": run["id"], "step": step, "promptId": prompt["id"], "answer": { "kind": "text", "value": text } }),
            );
        }
    }
    app.ok(
        "finish_exercise",
        json!({ "runId": run["id"], "checkInHabit": check_in_habit }),
    )
}

fn today_entry(app: &TestApp, habit: &Value) -> Value {
    let detail = app.ok("get_habit_detail", json!({ "habitId": habit }));
    detail["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["day"] == "2026-11-22")
        .cloned()
        .unwrap_or(Value::Null)
}

#[test]
fn finishing_an_exercise_adds_its_reflection_after_the_check_in_note_never_over_it() {
    let (app, habit) = ada();
    app.ok(
        "check_in",
        json!({ "habitId": habit, "day": "2026-11-22", "check": "done", "note": "Let Mia finish her point." }),
    );
    run_listen_first(&app, &["Stand-up with Mia."], true);

    let today = today_entry(&app, &habit);
    assert_eq!(today["state"], "done");
    assert_eq!(
        today["note"], "Let Mia finish her point.\n\nStand-up with Mia.",
        "the person's note first, a blank line, then the reflection"
    );
    let journal = app.ok(
        "get_journal",
        json!({ "search": "Mia", "stance": null, "exerciseId": null }),
    );
    let texts: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(&"Let Mia finish her point.\n\nStand-up with Mia."),
        "the journal shows the note as it is now: {texts:?}"
    );
    assert!(texts.contains(&"Stand-up with Mia."), "{texts:?}");
}

#[test]
fn a_reflection_already_in_the_note_is_not_added_again() {
    let (app, habit) = ada();
    run_listen_first(&app, &["Heard Sam out."], true);
    assert_eq!(today_entry(&app, &habit)["note"], "Heard Sam out.");
    run_listen_first(&app, &["Heard Sam out.", "Kept quiet longer."], true);
    assert_eq!(
        today_entry(&app, &habit)["note"],
        "Heard Sam out.\n\nKept quiet longer."
    );
}

#[test]
fn a_long_note_stays_whole_when_a_reflection_does_not_fit_beside_it() {
    let (app, habit) = ada();
    let max = leadback_core::habits::NOTE_MAX_CHARS;
    let mine = "m".repeat(max - 20);
    app.ok(
        "check_in",
        json!({ "habitId": habit, "day": "2026-11-22", "check": "not_done", "note": mine }),
    );
    run_listen_first(&app, &[&"r".repeat(200)], true);
    let today = today_entry(&app, &habit);
    let note = today["note"].as_str().unwrap();
    assert!(
        note.starts_with(&format!("{mine}\n\n")),
        "the note is whole"
    );
    assert_eq!(note.chars().count(), max, "only what fits is added");
    assert_eq!(today["state"], "done");
}

#[test]
fn finishing_without_checking_in_leaves_the_day_as_it_was() {
    let (app, habit) = ada();
    app.ok(
        "check_in",
        json!({ "habitId": habit, "day": "2026-11-22", "check": "skipped", "note": "Off sick." }),
    );
    run_listen_first(&app, &["Listened from bed."], false);
    let today = today_entry(&app, &habit);
    assert_eq!(
        (&today["state"], &today["note"]),
        (&json!("skipped"), &json!("Off sick."))
    );
}

#[test]
fn a_programme_adding_a_habit_the_person_has_keeps_theirs_and_adds_no_twin() {
    let (app, habit) = ada();
    app.ok(
        "update_habit",
        json!({ "habitId": habit, "habit": { "name": "Listen first at stand-up", "stance": "servant", "why": "My own reason.", "times": 3, "days": 7 } }),
    );
    app.ok(
        "check_in",
        json!({ "habitId": habit, "day": "2026-11-21", "check": "done", "note": "Asked first." }),
    );
    let again = app.ok(
        "add_library_habit",
        json!({ "libraryId": "listen-before-speaking" }),
    );
    assert_eq!(again["id"], habit, "the habit they have, not a new one");
    assert_eq!(again["name"], "Listen first at stand-up");
    assert_eq!(again["why"], "My own reason.");
    let habits = app.ok("get_habits", json!({ "includeArchived": false }));
    assert_eq!(habits.as_array().unwrap().len(), 1, "{habits}");
}

#[test]
fn homework_with_a_habit_the_client_has_keeps_their_habit_as_they_made_it() {
    let app = TestApp::new();
    let me = app.ok("set_my_name", json!({ "name": "Coach Kim" }))["id"].clone();
    let noor = app.add_client("Noor Haddad");
    app.ok("switch_person", json!({ "personId": noor }));
    let habit = app.ok(
        "add_library_habit",
        json!({ "libraryId": "let-others-go-first" }),
    )["id"]
        .clone();
    app.ok(
        "update_habit",
        json!({ "habitId": habit, "habit": { "name": "Let the juniors speak first", "stance": "behind", "why": null, "times": 2, "days": 7 } }),
    );
    app.ok(
        "check_in",
        json!({ "habitId": habit, "day": "2026-11-22", "check": "done", "note": "Jo led." }),
    );
    app.ok("switch_person", json!({ "personId": me }));
    let session = app.ok(
        "add_session",
        json!({ "personId": noor, "session": { "starts_at": "2026-11-22T09:30:00", "agenda": "" } }),
    )["id"]
        .clone();
    let homework = app.ok(
        "assign_homework",
        json!({ "sessionId": session, "homework": { "kind": "habit", "library_id": "let-others-go-first" } }),
    );
    assert_eq!(homework[0]["habit_id"], habit);
    assert_eq!(homework[0]["title"], "Let the juniors speak first");

    app.ok("switch_person", json!({ "personId": noor }));
    let habits = app.ok("get_habits", json!({ "includeArchived": false }));
    assert_eq!(habits.as_array().unwrap().len(), 1, "no twin: {habits}");
    assert_eq!(
        habits[0]["habit"]["schedule"],
        json!({ "times": 2, "days": 7 })
    );
    assert_eq!(habits[0]["today_note"], "Jo led.");
}

#[test]
fn importing_a_programme_file_never_replaces_one_written_here() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = ada();
    let sample = app.ok("get_programmes", json!({}))[0].clone();
    let mut mine = sample.clone();
    mine["id"] = json!("my-retreat");
    mine["title"] = json!("My retreat");
    app.ok("save_authored_programme", json!({ "programme": mine }));
    // Someone else's programme file that happens to use the same id.
    let mut theirs = sample.clone();
    theirs["id"] = json!("my-retreat");
    theirs["title"] = json!("Their retreat");
    let theirs: leadback_core::programmes::Programme = serde_json::from_value(theirs).unwrap();
    let path = dir.path().join("theirs.json");
    std::fs::write(&path, theirs.export_file()).unwrap();

    let refused = app
        .call("import_programme_file", json!({ "path": path }))
        .unwrap_err();
    assert_eq!(refused["code"], "invalid_input");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("You wrote “My retreat” here with the same id"),
        "{refused}"
    );
    let kept = app.ok("get_programmes", json!({}));
    let titles: Vec<&str> = kept
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"My retreat"), "{titles:?}");
    assert!(!titles.contains(&"Their retreat"), "{titles:?}");
}

#[test]
fn a_client_answering_at_the_coachs_screen_never_touches_the_coachs_own_assessment() {
    let app = TestApp::new();
    let me = app.ok("set_my_name", json!({ "name": "Coach Kim" }))["id"].clone();
    let mine = app.ok("start_assessment", json!({}));
    let item = app.ok("get_questionnaire", json!({}))["instrument"]["items"][0]["id"].clone();
    let answer = |assessment: &Value, value: i64| {
        app.ok(
            "answer_item",
            json!({ "assessmentId": assessment["id"], "itemId": item, "value": value, "position": 1 }),
        )
    };
    answer(&mine, 2);

    let noor = app.add_client("Noor Haddad");
    app.ok("switch_person", json!({ "personId": noor }));
    let theirs = app.ok("start_assessment", json!({}));
    assert_ne!(
        theirs["id"], mine["id"],
        "the client gets an assessment of their own"
    );
    answer(&theirs, 5);

    app.ok("switch_person", json!({ "personId": me }));
    let open = app.ok("get_open_assessment", json!({}));
    assert_eq!(open["id"], mine["id"]);
    assert_eq!(open["answers"][item.as_str().unwrap()], 2);
}
