//! Commands called the way the web view calls them: through IPC on Tauri's mock runtime, with the
//! app's real configuration and capability, so argument decoding and permissions are tested too.

use chrono::{TimeZone, Utc};
use leadback_core::FixedClock;
use leadback_store::Store;
use serde_json::{Value, json};

use crate::mock::MockApp;
use crate::state::AppState;

mod bad_input;
mod consent;
mod data;
mod instruments;
mod lock;
mod nothing_replaced;
mod observers;
mod people;
mod permissions;
mod programmes;
mod report;
mod sessions;
mod sync;

struct TestApp(MockApp);

/// The whole database as JSON, to prove a refused call wrote nothing.
fn rows(app: &TestApp) -> Value {
    let state = app.state();
    let doc = state
        .store()
        .unwrap()
        .export_all(state.clock.now())
        .unwrap();
    serde_json::to_value(doc.tables).unwrap()
}

impl TestApp {
    fn new() -> Self {
        Self::with_store(Store::open_in_memory().unwrap())
    }

    fn with_store(store: Store) -> Self {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap();
        Self::with_state(AppState::with_store(store, Box::new(FixedClock::new(now))))
    }

    fn with_state(state: AppState) -> Self {
        Self(MockApp::new(state).unwrap())
    }

    /// The app's shared state, as the commands see it.
    fn state(&self) -> tauri::State<'_, AppState> {
        self.0.state()
    }

    /// Calls a command; `Ok` with its JSON result or `Err` with the JSON (or text) it was refused with.
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.0.call(cmd, args)
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|err| panic!("{cmd} failed: {err}"))
    }

    fn code(&self, cmd: &str, args: Value) -> String {
        match self.call(cmd, args) {
            Ok(value) => panic!("{cmd} should have failed, returned {value}"),
            Err(err) => err["code"].as_str().unwrap_or("<not coded>").to_owned(),
        }
    }

    /// Adds a client (no contact, no tags) who gave consent; returns their id.
    fn add_client(&self, name: &str) -> Value {
        let client = json!({ "name": name, "contact": null, "tags": [] });
        let consent = json!({ "agreed_on": "2026-11-01", "terms": "Notes kept on this laptop." });
        self.ok(
            "add_client",
            json!({ "client": client, "consent": consent }),
        )["person"]["id"]
            .clone()
    }

    /// Answers every question with `value` (scenarios: the first option) and finishes.
    fn take_assessment(&self, value: i64) -> Value {
        let instrument = self.ok("get_questionnaire", json!({}))["instrument"].clone();
        let started = self.ok("start_assessment", json!({}));
        let id = &started["id"];
        let mut position = 0;
        let items = instrument["items"].as_array().unwrap().iter();
        let energy = instrument["energy"]["items"].as_array().unwrap().iter();
        for item in items.chain(energy) {
            position += 1;
            self.ok(
                "answer_item",
                json!({ "assessmentId": id, "itemId": item["id"], "value": value, "position": position }),
            );
        }
        for scenario in instrument["scenarios"].as_array().unwrap() {
            position += 1;
            self.ok(
                "answer_scenario",
                json!({ "assessmentId": id, "scenarioId": scenario["id"], "optionId": scenario["options"][0]["id"], "position": position }),
            );
        }
        self.ok("finish_assessment", json!({ "assessmentId": id }))
    }
}

#[test]
fn onboarding_through_ipc_saves_the_trimmed_name() {
    let app = TestApp::new();
    assert_eq!(app.ok("get_me", json!({})), Value::Null);
    let me = app.ok("set_my_name", json!({ "name": "  Ada  " }));
    assert_eq!(me["name"], "Ada");
    assert_eq!(app.ok("get_me", json!({}))["name"], "Ada");
}

#[test]
fn bad_names_are_refused_with_a_code_and_nothing_is_saved() {
    let app = TestApp::new();
    for bad in [
        json!(""),
        json!("   "),
        json!("n".repeat(10_000)),
        json!("two\nlines"),
    ] {
        assert_eq!(
            app.code("set_my_name", json!({ "name": bad })),
            "invalid_input"
        );
    }
    // Wrong types never reach our code: the shell refuses them as text.
    let refused = app.call("set_my_name", json!({ "name": 42 })).unwrap_err();
    assert!(
        refused
            .as_str()
            .is_some_and(|m| m.contains("invalid args `name`")),
        "{refused}"
    );
    assert_eq!(app.ok("get_me", json!({})), Value::Null);
}

#[test]
fn an_assessment_needs_a_profile_first() {
    let app = TestApp::new();
    assert_eq!(app.code("start_assessment", json!({})), "not_found");
}

#[test]
fn answers_are_checked_against_the_instrument_before_they_are_saved() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let started = app.ok("start_assessment", json!({}));
    let id = started["id"].clone();
    let item = app.ok("get_questionnaire", json!({}))["instrument"]["items"][0]["id"].clone();

    let answer = |value: Value, position: i64| json!({ "assessmentId": id, "itemId": item, "value": value, "position": position });
    assert_eq!(
        app.code("answer_item", answer(json!(6), 1)),
        "invalid_input"
    );
    assert_eq!(
        app.code("answer_item", answer(json!(3), 9_999)),
        "invalid_input"
    );
    assert_eq!(
        app.code(
            "answer_item",
            json!({ "assessmentId": id, "itemId": "nope", "value": 3, "position": 1 })
        ),
        "invalid_input"
    );
    assert_eq!(
        app.code(
            "answer_item",
            json!({ "assessmentId": 999, "itemId": item, "value": 3, "position": 1 })
        ),
        "not_found"
    );
    let open = app.ok("get_open_assessment", json!({}));
    assert_eq!(open["answers"], json!({}), "no refused answer was saved");
    assert_eq!(open["position"], 0);

    app.ok("answer_item", answer(Value::Null, 1));
    let open = app.ok("get_open_assessment", json!({}));
    assert_eq!(open["answers"][item.as_str().unwrap()], Value::Null);
    assert_eq!(open["position"], 1);
}

#[test]
fn a_finished_assessment_has_a_result_and_joins_the_history() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let first = app.take_assessment(5);
    let result = &first["result"];
    assert_eq!(result["suggestions"]["habits"].as_array().unwrap().len(), 3);
    assert_eq!(
        result["suggestions"]["exercises"].as_array().unwrap().len(),
        2
    );
    assert!(result["scores"]["stances"]["front"].is_number());
    assert_eq!(app.ok("get_open_assessment", json!({})), Value::Null);

    let again = app.ok(
        "get_assessment_result",
        json!({ "assessmentId": first["id"] }),
    );
    assert_eq!(
        again, first,
        "the result is recomputed identically from the stored answers"
    );

    let second = app.take_assessment(1);
    let history = app.ok("get_assessment_history", json!({}));
    let ids: Vec<&Value> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["id"])
        .collect();
    assert_eq!(ids, [&first["id"], &second["id"]]);
    assert_ne!(
        history[0]["scores"]["stances"], history[1]["scores"]["stances"],
        "different answers give different scores"
    );
    let answered = app.code(
        "answer_item",
        json!({ "assessmentId": first["id"], "itemId": "front-01", "value": 1, "position": 1 }),
    );
    assert_eq!(
        answered, "invalid_input",
        "a finished assessment cannot change"
    );
}

#[test]
fn discarding_starts_over() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let first = app.ok("start_assessment", json!({}));
    app.ok("discard_assessment", json!({ "assessmentId": first["id"] }));
    assert_eq!(app.ok("get_open_assessment", json!({})), Value::Null);
    assert_eq!(
        app.code(
            "get_assessment_result",
            json!({ "assessmentId": first["id"] })
        ),
        "not_found"
    );
}

#[test]
fn a_library_habit_is_checked_in_today_back_filled_and_its_numbers_follow() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let library = app.ok("get_habit_library", json!({}));
    assert!(library.as_array().unwrap().len() >= 12);
    let habit = app.ok(
        "add_library_habit",
        json!({ "libraryId": "let-others-go-first" }),
    );
    let id = &habit["id"];
    assert_eq!(habit["stance"], "behind");

    // The fixed clock says 2026-11-22.
    let check = |day: &str, state: Value, note: Value| {
        app.call(
            "check_in",
            json!({ "habitId": id, "day": day, "check": state, "note": note }),
        )
    };
    check(
        "2026-11-22",
        json!("done"),
        json!("  Sam chose the route.  "),
    )
    .unwrap();
    for day in ["2026-11-19", "2026-11-20", "2026-11-21"] {
        check(day, json!("done"), Value::Null).unwrap();
    }
    check("2026-11-18", json!("skipped"), Value::Null).unwrap();

    let habits = app.ok("get_habits", json!({ "includeArchived": false }));
    let overview = &habits[0];
    assert_eq!(overview["today"], "done");
    assert_eq!(overview["streaks"]["current"], 4);
    assert!(overview["strength"].as_f64().unwrap() > 0.15);

    let detail = app.ok("get_habit_detail", json!({ "habitId": id }));
    let today = detail["entries"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        today["note"], "Sam chose the route.",
        "notes are trimmed and kept"
    );
    assert!(detail["explanation"]["half_life_days"].as_f64().unwrap() > 12.9);
}

#[test]
fn check_ins_for_days_to_come_or_of_unknown_states_are_refused_and_write_nothing() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let habit = app.ok("add_library_habit", json!({ "libraryId": "real-break" }));
    let id = habit["id"].clone();
    let future = json!({ "habitId": id, "day": "2026-11-23", "check": "done", "note": null });
    assert_eq!(app.code("check_in", future), "invalid_input");
    let odd = json!({ "habitId": id, "day": "2026-11-22", "check": "maybe", "note": null });
    assert!(
        app.call("check_in", odd).unwrap_err().as_str().is_some(),
        "refused before our code"
    );
    let not_a_day = json!({ "habitId": id, "day": "yesterday", "check": "done", "note": null });
    assert!(app.call("check_in", not_a_day).is_err());
    let long_note =
        json!({ "habitId": id, "day": "2026-11-22", "check": "done", "note": "x".repeat(6000) });
    assert_eq!(app.code("check_in", long_note), "invalid_input");
    let detail = app.ok("get_habit_detail", json!({ "habitId": id }));
    assert_eq!(detail["entries"], json!([]));
}

#[test]
fn own_habits_need_a_name_and_a_possible_schedule() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let input = |name: &str, times: i64, days: i64| json!({ "habit": { "name": name, "stance": "servant", "why": null, "times": times, "days": days } });
    assert_eq!(app.code("add_own_habit", input(" ", 1, 1)), "invalid_input");
    assert_eq!(
        app.code("add_own_habit", input("Ask first", 4, 3)),
        "invalid_input"
    );
    let added = app.ok("add_own_habit", input("Ask first", 2, 3));
    assert_eq!(added["schedule"], json!({ "times": 2, "days": 3 }));
    let habits = app.ok("get_habits", json!({ "includeArchived": false }));
    assert_eq!(habits.as_array().unwrap().len(), 1);
}

#[test]
fn an_exercise_run_keeps_its_reflections_and_finishing_checks_in_the_linked_habit() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let habit = app.ok(
        "add_library_habit",
        json!({ "libraryId": "listen-before-speaking" }),
    );
    let run = app.ok(
        "start_exercise",
        json!({ "exerciseId": "quick-pause", "programmeItem": null }),
    );
    let run_id = run["id"].clone();
    let save = |prompt: &str, answer: Value| {
        app.call(
            "save_reflection",
            json!({ "runId": run_id, "step": 1, "promptId": prompt, "answer": answer }),
        )
    };
    save(
        "first-question",
        json!({ "kind": "text", "value": "What would you try first?" }),
    )
    .unwrap();
    save("ready-to-listen", json!({ "kind": "rating", "value": 4 })).unwrap();
    let wrong_kind = save(
        "ready-to-listen",
        json!({ "kind": "text", "value": "very" }),
    )
    .unwrap_err();
    assert_eq!(wrong_kind["code"], "invalid_input");
    let out_of_range =
        save("ready-to-listen", json!({ "kind": "rating", "value": 9 })).unwrap_err();
    assert_eq!(out_of_range["code"], "invalid_input");

    let open = app.ok("get_open_exercise_run", json!({}));
    assert_eq!(
        open["reflections"].as_array().unwrap().len(),
        2,
        "saved as typed"
    );

    app.ok(
        "finish_exercise",
        json!({ "runId": run_id, "checkInHabit": true }),
    );
    let detail = app.ok("get_habit_detail", json!({ "habitId": habit["id"] }));
    let today = &detail["entries"][0];
    assert_eq!(
        (today["day"].as_str(), today["state"].as_str()),
        (Some("2026-11-22"), Some("done"))
    );
    assert_eq!(today["note"], "What would you try first?");

    let journal = app.ok(
        "get_journal",
        json!({ "search": "first", "stance": null, "exerciseId": null }),
    );
    let kinds: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["check-in", "reflection"]);
    assert_eq!(
        app.code(
            "start_exercise",
            json!({ "exerciseId": "juggling", "programmeItem": null })
        ),
        "not_found"
    );
}

#[test]
fn a_programme_travels_as_a_file_and_progress_is_kept_per_day() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("programme.json");
    let path = file.to_str().unwrap();
    let programmes = app.ok("get_programmes", json!({}));
    let id = programmes[0]["id"].clone();
    app.ok(
        "export_programme",
        json!({ "programmeId": id, "path": path }),
    );
    let preview = app.ok("preview_programme_file", json!({ "path": path }));
    assert_eq!(preview["id"], id);

    let first_item = preview["days"][0]["items"][0]["key"].clone();
    let progress = app.ok(
        "set_programme_item_done",
        json!({ "programmeId": id, "itemKey": first_item, "done": true }),
    );
    assert_eq!(progress["days"][0]["required_done"], 1);

    std::fs::write(
        &file,
        "{\"format\": \"leadback-results\", \"format_version\": 1}",
    )
    .unwrap();
    assert_eq!(
        app.code("preview_programme_file", json!({ "path": path })),
        "invalid_input"
    );
    std::fs::write(&file, "x".repeat(10)).unwrap();
    assert_eq!(
        app.code("import_programme_file", json!({ "path": path })),
        "invalid_input"
    );
}

#[test]
fn a_built_in_programme_cannot_be_replaced_by_an_import_or_an_edit() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("programme.json");
    let builtin = app.ok("get_programmes", json!({}))[0].clone();
    app.ok(
        "export_programme",
        json!({ "programmeId": builtin["id"], "path": path }),
    );
    assert_eq!(
        app.code("import_programme_file", json!({ "path": path })),
        "invalid_input"
    );
    let mut edited = builtin.clone();
    edited["version"] = json!(2);
    edited["title"] = json!("Renamed");
    let refused = app.call("save_authored_programme", json!({ "programme": edited }));
    let message = refused.unwrap_err()["message"].as_str().unwrap().to_owned();
    assert!(message.contains("comes with Leadback"), "{message}");
    assert_eq!(
        app.ok("get_programmes", json!({}))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn an_endless_or_oversized_programme_file_is_refused_without_reading_it_all() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    for path in ["/dev/zero", "/dev/urandom"] {
        assert_eq!(
            app.code("preview_programme_file", json!({ "path": path })),
            "invalid_input",
            "{path}"
        );
    }
}

#[test]
fn results_files_are_checked_then_summarised_for_the_cohort() {
    let app = TestApp::new();
    let dir = tempfile::tempdir().unwrap();
    let scores = |v: f64| leadback_core::assessment::StanceScores {
        front: Some(v),
        behind: Some(50.0),
        servant: Some(50.0),
    };
    let mut paths = Vec::new();
    for (code, before) in [("A", 80.0), ("B", 70.0), ("C", 60.0)] {
        let file = leadback_core::cohort::ResultsFile::new(
            "three-days-at-the-back",
            code,
            None,
            Some(scores(before)),
            Some(scores(before - 10.0)),
            &[],
        )
        .unwrap();
        let path = dir.path().join(format!("{code}.json"));
        std::fs::write(&path, file.seal()).unwrap();
        paths.push(path.to_str().unwrap().to_owned());
    }
    assert_eq!(app.ok("import_results", json!({ "paths": paths })), 3);
    let summary = app.ok(
        "get_cohort_summary",
        json!({ "programmeId": "three-days-at-the-back" }),
    );
    assert_eq!(summary["participants"], 3);
    assert_eq!(summary["stances"][0]["change"]["mean_change"], -10.0);

    let truncated = dir.path().join("cut.json");
    let text = std::fs::read_to_string(&paths[0]).unwrap();
    std::fs::write(&truncated, &text[..text.len() / 2]).unwrap();
    let refused = json!({ "paths": [truncated.to_str().unwrap()] });
    assert_eq!(app.code("import_results", refused), "invalid_input");
}

#[test]
fn the_home_list_carries_todays_note_and_reminders_read_back_as_typed() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let habit = app.ok(
        "add_library_habit",
        json!({ "libraryId": "praise-a-contribution" }),
    );
    let id = habit["id"].clone();
    let today =
        json!({ "habitId": id, "day": "2026-11-22", "check": "done", "note": "Thanked Lee." });
    app.ok("check_in", today);
    let habits = app.ok("get_habits", json!({ "includeArchived": false }));
    assert_eq!(habits[0]["today_note"], "Thanked Lee.");

    let reminders = json!({ "habitId": id, "reminders": [{ "time": "07:30", "weekdays": 31 }] });
    let saved = app.ok("set_reminders", reminders);
    assert_eq!(saved[0]["time"], "07:30");
    let bad = json!({ "habitId": id, "reminders": [{ "time": "25:00", "weekdays": 31 }] });
    assert_eq!(app.code("set_reminders", bad), "invalid_input");
}
