//! A client's withdrawn consent through IPC: every way of taking something new about them is
//! refused with `consent_withdrawn` and a plain reason, nothing is written, and consent given
//! again opens the way once more with its history kept.

use serde_json::{Value, json};

use super::{TestApp, rows};

struct Withdrawn {
    app: TestApp,
    me: Value,
    sam: Value,
    session: Value,
    habit: Value,
}

/// A coach and Sam, who has a session and a habit from before, then withdraws consent (the fixed
/// clock says 2026-11-22).
fn withdrawn() -> Withdrawn {
    let app = TestApp::new();
    let me = app.ok("set_my_name", json!({ "name": "Coach Kim" }))["id"].clone();
    let sam = app.add_client("Sam");
    let session = app.ok(
        "add_session",
        json!({ "personId": sam, "session": { "starts_at": "2026-11-22T09:30:00", "agenda": "" } }),
    )["id"]
        .clone();
    app.ok("switch_person", json!({ "personId": sam }));
    let habit = app.ok("add_library_habit", json!({ "libraryId": "real-break" }))["id"].clone();
    app.ok("switch_person", json!({ "personId": me }));
    let consent = app.ok("withdraw_consent", json!({ "personId": sam }));
    assert_eq!(consent["withdrawn_on"], "2026-11-22");
    Withdrawn {
        app,
        me,
        sam,
        session,
        habit,
    }
}

#[test]
fn nothing_new_is_taken_for_a_client_who_withdrew_consent() {
    let w = withdrawn();
    let app = &w.app;
    let before = rows(app);
    let session = json!({ "starts_at": "2026-11-29T09:30:00", "agenda": "Next" });
    let cases = [
        (
            "add_session",
            json!({ "personId": w.sam, "session": session }),
        ),
        (
            "add_session_item",
            json!({ "sessionId": w.session, "item": { "kind": "habit", "habit_id": w.habit } }),
        ),
        (
            "assign_homework",
            json!({ "sessionId": w.session, "homework": { "kind": "exercise", "exercise_id": "listen-first" } }),
        ),
        (
            "assign_homework",
            json!({ "sessionId": w.session, "homework": { "kind": "habit", "library_id": "let-others-go-first" } }),
        ),
        (
            "add_observer_request",
            json!({ "personId": w.sam, "observer": "her manager" }),
        ),
    ];
    for (cmd, args) in cases {
        let err = app.call(cmd, args).unwrap_err();
        assert_eq!(err["code"], "consent_withdrawn", "{cmd}: {err}");
        assert_eq!(
            err["message"],
            "Sam withdrew consent on 2026-11-22: record their consent again before starting an assessment, a session, homework or an observer form. Nothing was changed.",
            "{cmd}"
        );
    }
    // The client-facing assessment: the coach acts for Sam and starts one.
    app.ok("switch_person", json!({ "personId": w.sam }));
    assert_eq!(app.code("start_assessment", json!({})), "consent_withdrawn");
    app.ok("switch_person", json!({ "personId": w.me }));
    assert_eq!(rows(app), before, "nothing was written");

    // The coach's own work goes on.
    app.ok("start_assessment", json!({}));
}

#[test]
fn consent_given_again_opens_the_way_and_keeps_the_history() {
    let w = withdrawn();
    let app = &w.app;
    app.ok(
        "record_consent",
        json!({ "personId": w.sam, "consent": { "agreed_on": "2026-11-22", "terms": "Notes kept on this laptop, again." } }),
    );
    app.ok(
        "add_session",
        json!({ "personId": w.sam, "session": { "starts_at": "2026-11-29T09:30:00", "agenda": "Back" } }),
    );
    app.ok(
        "add_observer_request",
        json!({ "personId": w.sam, "observer": "her manager" }),
    );
    app.ok("switch_person", json!({ "personId": w.sam }));
    app.ok("start_assessment", json!({}));
    app.ok("switch_person", json!({ "personId": w.me }));

    let overview = app.ok("get_client_overview", json!({ "personId": w.sam }));
    let history: Vec<(Value, Value)> = overview["consents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["terms"].clone(), c["withdrawn_on"].clone()))
        .collect();
    assert_eq!(
        history,
        [
            (json!("Notes kept on this laptop, again."), Value::Null),
            (json!("Notes kept on this laptop."), json!("2026-11-22")),
        ]
    );
}
