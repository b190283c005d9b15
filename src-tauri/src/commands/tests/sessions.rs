//! A client's sessions through IPC: what was run or used in a session (named from the libraries),
//! the session list and timeline, and the day homework is due; and every one of those commands
//! refused with a code and nothing written when its argument is bad.

use serde_json::{Value, json};

use super::{TestApp, rows};

struct Coaching {
    app: TestApp,
    me: Value,
    noor: Value,
    sam: Value,
    session: Value,
    /// Noor's finished assessment and habit.
    assessment: Value,
    habit: Value,
    /// Sam's, which no session of Noor's may take.
    sam_assessment: Value,
    sam_habit: Value,
    homework: Value,
}

fn coaching() -> Coaching {
    let app = TestApp::new();
    let me = app.ok("set_my_name", json!({ "name": "Coach Kim" }))["id"].clone();
    let (noor, sam) = (app.add_client("Noor Haddad"), app.add_client("Sam Ortiz"));
    // Records made while acting for each client, as the coach does in a session.
    let records = |who: &Value, library_id: &str| {
        app.ok("switch_person", json!({ "personId": who }));
        let assessment = app.take_assessment(4)["id"].clone();
        let habit = app.ok("add_library_habit", json!({ "libraryId": library_id }))["id"].clone();
        (assessment, habit)
    };
    let (assessment, habit) = records(&noor, "let-others-go-first");
    let (sam_assessment, sam_habit) = records(&sam, "listen-before-speaking");
    app.ok("switch_person", json!({ "personId": me }));
    let session = app.ok(
        "add_session",
        json!({ "personId": noor, "session": { "starts_at": "2026-11-22T09:30:00", "agenda": "Who opens the stand-up?" } }),
    )["id"]
        .clone();
    let homework = app.ok(
        "assign_homework",
        json!({ "sessionId": session, "homework": { "kind": "exercise", "exercise_id": "listen-first" } }),
    )[0]["id"]
        .clone();
    Coaching {
        app,
        me,
        noor,
        sam,
        session,
        assessment,
        habit,
        sam_assessment,
        sam_habit,
        homework,
    }
}

#[test]
fn a_coach_notes_what_was_run_in_a_session_and_when_homework_is_due() {
    let c = coaching();
    let app = &c.app;
    let add = |item: Value| {
        app.ok(
            "add_session_item",
            json!({ "sessionId": c.session, "item": item }),
        )
    };
    add(json!({ "kind": "assessment", "assessment_id": c.assessment }));
    add(json!({ "kind": "habit", "habit_id": c.habit }));
    let exercise = add(json!({ "kind": "exercise", "exercise_id": "listen-first" }));
    add(json!({ "kind": "programme", "programme_id": "three-days-at-the-back" }));
    add(json!({ "kind": "habit", "habit_id": c.habit }));

    let items = app.ok("list_session_items", json!({ "personId": c.noor }));
    let seen: Vec<_> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["kind"].as_str().unwrap(), i["title"].as_str().unwrap()))
        .collect();
    assert_eq!(
        seen,
        [
            ("assessment", "Assessment"),
            ("habit", "Let someone else go first"),
            ("exercise", "Listen first"),
            ("programme", "Three days at the back of the line"),
        ],
        "each thing once, named as the coach knows it"
    );
    assert_eq!(items[0]["finished"], true);
    assert_eq!(
        app.ok("list_session_items", json!({ "personId": c.sam })),
        json!([]),
        "Sam sees nothing of Noor's session"
    );

    let removed = app.ok("remove_session_item", json!({ "itemId": exercise["id"] }));
    assert_eq!(removed["title"], "Listen first");
    let left = app.ok("list_session_items", json!({ "personId": c.noor }));
    assert_eq!(left.as_array().unwrap().len(), 3);

    let sessions = app.ok("list_sessions", json!({ "personId": c.noor }));
    assert_eq!(sessions[0]["agenda"], "Who opens the stand-up?");
    assert_eq!(
        app.ok("list_sessions", json!({ "personId": c.me })),
        json!([])
    );
    let timeline = app.ok("get_client_timeline", json!({ "personId": c.noor }));
    let kinds: Vec<_> = timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"session") && kinds.contains(&"assessment"),
        "{kinds:?}"
    );

    let homework = app.ok(
        "set_homework_due",
        json!({ "homeworkId": c.homework, "dueOn": "2026-11-29" }),
    );
    assert_eq!(homework[0]["due_on"], "2026-11-29");
    assert_eq!(homework[0]["title"], "Listen first");
    let cleared = app.ok(
        "set_homework_due",
        json!({ "homeworkId": c.homework, "dueOn": null }),
    );
    assert_eq!(cleared[0]["due_on"], Value::Null);
}

#[test]
fn bad_arguments_are_refused_with_a_code_and_change_nothing() {
    let c = coaching();
    let app = &c.app;
    let my_assessment = {
        app.ok("switch_person", json!({ "personId": c.me }));
        app.take_assessment(3)["id"].clone()
    };
    let item = |item: Value| json!({ "sessionId": c.session, "item": item });
    let long = "x".repeat(1_000_000);
    #[rustfmt::skip]
    let cases = [
        ("list_sessions", json!({ "personId": 9999 }), "not_found"),
        ("get_client_timeline", json!({ "personId": 9999 }), "not_found"),
        ("list_session_items", json!({ "personId": -1 }), "not_found"),
        ("add_session_item", json!({ "sessionId": 9999, "item": { "kind": "habit", "habit_id": c.habit } }), "not_found"),
        ("add_session_item", item(json!({ "kind": "assessment", "assessment_id": c.sam_assessment })), "not_found"),
        ("add_session_item", item(json!({ "kind": "assessment", "assessment_id": my_assessment })), "not_found"),
        ("add_session_item", item(json!({ "kind": "assessment", "assessment_id": i64::MAX })), "not_found"),
        ("add_session_item", item(json!({ "kind": "habit", "habit_id": c.sam_habit })), "not_found"),
        ("add_session_item", item(json!({ "kind": "exercise", "exercise_id": "no-such" })), "not_found"),
        ("add_session_item", item(json!({ "kind": "exercise", "exercise_id": long })), "not_found"),
        ("add_session_item", item(json!({ "kind": "programme", "programme_id": "" })), "not_found"),
        ("add_session_item", item(json!({ "kind": "programme", "programme_id": long })), "not_found"),
        ("remove_session_item", json!({ "itemId": 9999 }), "not_found"),
        ("set_homework_due", json!({ "homeworkId": 9999, "dueOn": "2026-11-29" }), "not_found"),
        ("set_homework_due", json!({ "homeworkId": c.homework, "dueOn": "2026-11-21" }), "invalid_input"),
        ("set_homework_due", json!({ "homeworkId": c.homework, "dueOn": "2027-11-24" }), "invalid_input"),
        ("set_homework_due", json!({ "homeworkId": c.homework, "dueOn": "9999-12-31" }), "invalid_input"),
        ("set_homework_due", json!({ "homeworkId": c.homework, "dueOn": "0001-01-01" }), "invalid_input"),
    ];
    let before = rows(app);
    let mut wrong = Vec::new();
    for (cmd, args, expected) in cases {
        match app.call(cmd, args.clone()) {
            Ok(value) => wrong.push(format!("{cmd} {args:.200}: accepted, gave {value:.200}")),
            Err(err) if err["code"] != expected => {
                wrong.push(format!(
                    "{cmd}: refused as {err:.300} instead of {expected}"
                ));
            }
            Err(_) => {}
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    assert_eq!(rows(app), before, "a refused call wrote something");
}
