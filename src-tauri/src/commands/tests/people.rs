//! A coach's workflow through IPC: a client with consent, acting for them (every "my …" command
//! follows), a session with a megabyte of notes, homework, the overview, and erasing them.

use serde_json::{Value, json};

use super::TestApp;

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| p["person"]["name"].as_str().unwrap())
        .collect()
}

#[test]
fn a_coach_works_with_a_client_and_then_erases_them() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Coach Kim" }));
    let added = app.ok(
        "add_client",
        json!({
            "client": { "name": " Noor Haddad ", "contact": "noor@example.org", "tags": ["pilot"] },
            "consent": { "agreed_on": "2026-11-20", "terms": "Session notes kept on this laptop; a report on request." }
        }),
    );
    let noor = added["person"]["id"].clone();
    assert_eq!(added["person"]["name"], "Noor Haddad");
    assert_eq!(added["consent"]["agreed_on"], "2026-11-20");
    assert_eq!(
        names(&app.ok("list_people", json!({}))),
        ["Coach Kim", "Noor Haddad"]
    );

    // Acting for Noor: the habit and the assessment are hers, not the coach's.
    assert_eq!(
        app.ok("switch_person", json!({ "personId": noor }))["name"],
        "Noor Haddad"
    );
    assert_eq!(
        app.ok("get_acting_person", json!({}))["name"],
        "Noor Haddad"
    );
    app.ok(
        "add_library_habit",
        json!({ "libraryId": "let-others-go-first" }),
    );
    app.take_assessment(4);
    let me = app.ok("get_me", json!({}))["id"].clone();
    app.ok("switch_person", json!({ "personId": me }));
    assert_eq!(
        app.ok("get_habits", json!({ "includeArchived": true })),
        json!([])
    );
    assert_eq!(app.ok("get_assessment_history", json!({})), json!([]));

    let session = app.ok(
        "add_session",
        json!({ "personId": noor, "session": { "starts_at": "2026-11-22T09:30:00", "agenda": "Who opens the stand-up?" } }),
    );
    let notes = "Noor let Sam open the stand-up. ".repeat(33_000);
    app.ok(
        "save_session_notes",
        json!({ "sessionId": session["id"], "notes": notes }),
    );
    let homework = app.ok(
        "assign_homework",
        json!({ "sessionId": session["id"], "homework": { "kind": "habit", "library_id": "let-others-go-first" } }),
    );
    assert_eq!(homework.as_array().unwrap().len(), 1);
    app.ok(
        "assign_homework",
        json!({ "sessionId": session["id"], "homework": { "kind": "exercise", "exercise_id": "listen-first" } }),
    );

    let overview = app.ok("get_client_overview", json!({ "personId": noor }));
    assert_eq!(overview["sessions"][0]["notes"], notes);
    assert_eq!(
        overview["latest"]["scores"]["answered"]["items"]["answered"],
        overview["latest"]["scores"]["answered"]["items"]["total"]
    );
    let titles: Vec<_> = overview["homework"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Let someone else go first"), "{titles:?}");
    assert_eq!(titles.len(), 2);
    let noor_habits = {
        app.ok("switch_person", json!({ "personId": noor }));
        app.ok("get_habits", json!({ "includeArchived": true }))
    };
    assert_eq!(
        noor_habits.as_array().unwrap().len(),
        1,
        "the library habit she had was reused"
    );

    // Their data, for them: a JSON file of every row about Noor, and her results as CSV.
    let dir = tempfile::tempdir().unwrap();
    let json_path = dir.path().join("noor.json");
    let summary = app.ok(
        "export_person_json",
        json!({ "personId": noor, "path": json_path }),
    );
    assert!(summary["rows"].as_u64().unwrap() > 40, "{summary}");
    let text = std::fs::read_to_string(&json_path).unwrap();
    assert!(text.contains("Noor Haddad") && text.contains("stand-up"));
    assert!(
        !text.contains("Coach Kim"),
        "the coach's own data stays out"
    );
    let csv_path = dir.path().join("noor.csv");
    assert_eq!(
        app.ok(
            "export_results_csv",
            json!({ "personId": noor, "path": csv_path })
        ),
        1
    );
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert!(csv.starts_with("completed_at,instrument,version,front,behind,servant"));
    assert_eq!(csv.lines().count(), 2);

    let preview = app.ok("erase_preview", json!({ "personId": noor }));
    assert_eq!(preview["sessions"], 1);
    assert_eq!(preview["assessments"], 1);
    app.ok(
        "erase_person",
        json!({ "personId": noor, "confirmName": "Noor Haddad" }),
    );
    assert_eq!(names(&app.ok("list_people", json!({}))), ["Coach Kim"]);
    assert_eq!(app.ok("get_acting_person", json!({}))["name"], "Coach Kim");
    assert_eq!(
        app.code("get_client_overview", json!({ "personId": noor })),
        "not_found"
    );
}

#[test]
fn consistency_counts_everyone_and_waits_for_ten_complete_assessments() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Coach Kim" }));
    let client = app.ok(
        "add_client",
        json!({
            "client": { "name": "Noor Haddad", "contact": null, "tags": [] },
            "consent": { "agreed_on": "2026-11-20", "terms": "Notes kept here." }
        }),
    )["person"]["id"]
        .clone();
    for n in 0..9 {
        app.take_assessment(1 + n % 5);
    }
    let nine = app.ok("get_consistency", json!({}));
    for stance in nine.as_array().unwrap() {
        assert_eq!(stance["assessments"], 9);
        assert_eq!(stance["alpha"], Value::Null);
    }
    // The tenth is the client's: alpha is over the whole database.
    app.ok("switch_person", json!({ "personId": client }));
    app.take_assessment(4);
    let ten = app.ok("get_consistency", json!({}));
    for stance in ten.as_array().unwrap() {
        assert_eq!(stance["assessments"], 10);
        assert!(stance["alpha"].is_number(), "{stance}");
    }
}

#[test]
fn the_overview_says_when_a_client_left_an_assessment_unfinished() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Coach Kim" }));
    let added = app.ok(
        "add_client",
        json!({
            "client": { "name": "Noor Haddad", "contact": null, "tags": [] },
            "consent": { "agreed_on": "2026-11-20", "terms": "Notes kept on this laptop." }
        }),
    );
    let noor = added["person"]["id"].clone();
    let overview = app.ok("get_client_overview", json!({ "personId": noor }));
    assert_eq!(overview["unfinished_since"], Value::Null);

    app.ok("switch_person", json!({ "personId": noor }));
    let started = app.ok("start_assessment", json!({}));
    let me = app.ok("get_me", json!({}))["id"].clone();
    app.ok("switch_person", json!({ "personId": me }));
    let overview = app.ok("get_client_overview", json!({ "personId": noor }));
    assert_eq!(
        overview["unfinished_since"], started["started_at"],
        "the coach sees it from the client's page, whoever the app acts for"
    );
}
