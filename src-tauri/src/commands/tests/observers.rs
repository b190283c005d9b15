//! Observer (360) forms through IPC: requests made for a client, answers given at the hand-over
//! screen and through an exported form's answers file, the combined view withheld below three
//! observers and shown with the gap from three; and every bad file or argument refused with a code
//! and nothing written.

use std::collections::BTreeMap;

use leadback_core::observers::ObserverAnswers;
use serde_json::{Value, json};

use super::{TestApp, rows};

struct Practice {
    app: TestApp,
    noor: Value,
    sam: Value,
    items: Vec<String>,
}

/// Coach Kim with two clients; Noor has answered the assessment with 2 throughout.
fn practice() -> Practice {
    let app = TestApp::new();
    let me = app.ok("set_my_name", json!({ "name": "Coach Kim" }))["id"].clone();
    let (noor, sam) = (app.add_client("Noor Haddad"), app.add_client("Sam Ortiz"));
    app.ok("switch_person", json!({ "personId": noor }));
    app.take_assessment(2);
    app.ok("switch_person", json!({ "personId": me }));
    let instrument = app.ok("get_questionnaire", json!({}))["instrument"].clone();
    let items = instrument["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    Practice {
        app,
        noor,
        sam,
        items,
    }
}

impl Practice {
    fn ask(&self, person: &Value, observer: &str) -> Value {
        self.app.ok(
            "add_observer_request",
            json!({ "personId": person, "observer": observer }),
        )
    }

    fn every_item(&self, value: i64) -> BTreeMap<String, Option<i64>> {
        self.items
            .iter()
            .map(|id| (id.clone(), Some(value)))
            .collect()
    }

    /// What the exported form's page saves for `request` when every item is answered `value`.
    fn answers_file(
        &self,
        request: &Value,
        value: i64,
        dir: &std::path::Path,
    ) -> std::path::PathBuf {
        let answers = ObserverAnswers {
            request_id: request["token"].as_str().unwrap().to_owned(),
            instrument_id: "leadback-core".into(),
            instrument_version: 1,
            answers: self.every_item(value),
        };
        let path = dir.join(format!("answers-{}.json", request["id"]));
        std::fs::write(&path, answers.to_file_json()).unwrap();
        path
    }

    fn view(&self, person: &Value) -> Value {
        self.app
            .ok("get_observer_view", json!({ "personId": person }))
    }
}

#[test]
fn three_observers_here_and_by_file_show_the_gap_and_two_never_show_a_score() {
    let p = practice();
    let dir = tempfile::tempdir().unwrap();
    let manager = p.ask(&p.noor, "Her manager");
    let peer = p.ask(&p.noor, "A peer");
    let report = p.ask(&p.noor, "Sam, who reports to her");

    // The hand-over screen: the form in the third person, then the answers.
    let form = p
        .app
        .ok("get_observer_form", json!({ "requestId": manager["id"] }));
    assert_eq!(form["subject"], "Noor Haddad");
    assert_eq!(form["items"].as_array().unwrap().len(), p.items.len());
    assert!(
        form["items"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Sets the pace")
    );
    for request in [&manager, &peer] {
        p.app.ok(
            "submit_observer_answers",
            json!({ "requestId": request["id"], "answers": p.every_item(4) }),
        );
    }
    let two = p.view(&p.noor);
    assert_eq!(two["summary"]["observers"], 2);
    for stance in ["front", "behind", "servant"] {
        assert_eq!(
            two["summary"]["stances"][stance],
            json!({ "kind": "withheld", "answered": 2, "needed": 3 })
        );
    }

    // The third through an exported form and the file it saves.
    let html = dir.path().join("form.html");
    let answers_name = p.app.ok(
        "export_observer_form",
        json!({ "requestId": report["id"], "path": html }),
    );
    assert!(
        answers_name
            .as_str()
            .unwrap()
            .ends_with(".leadback-observer.json")
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains(report["token"].as_str().unwrap()));
    assert!(page.contains("Noor Haddad"));
    let file = p.answers_file(&report, 4, dir.path());
    let imported = p.app.ok(
        "import_observer_answers",
        json!({ "personId": p.noor, "path": file }),
    );
    assert_eq!(imported["answered_via"], "file");

    let three = p.view(&p.noor);
    assert_eq!(three["summary"]["observers"], 3);
    let front = &three["summary"]["stances"]["front"];
    assert_eq!(front["kind"], "shown");
    assert_eq!(front["observers"], 3);
    let (mean, own) = (
        front["mean"].as_f64().unwrap(),
        three["own"]["front"].as_f64().unwrap(),
    );
    assert!(
        mean > own,
        "observers saw more of the front than Noor did: {mean} vs {own}"
    );
    assert!((front["gap"].as_f64().unwrap() - (mean - own)).abs() < 0.05);
    assert!(
        three["requests"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| !r["answered_at"].is_null())
    );
}

#[test]
fn an_answers_file_used_twice_edited_or_for_someone_else_is_refused_and_writes_nothing() {
    let p = practice();
    let dir = tempfile::tempdir().unwrap();
    let manager = p.ask(&p.noor, "Her manager");
    let sams_peer = p.ask(&p.sam, "A peer of Sam's");
    let file = p.answers_file(&manager, 4, dir.path());
    p.app.ok(
        "import_observer_answers",
        json!({ "personId": p.noor, "path": file }),
    );
    let before = rows(&p.app);

    // The same file again.
    let again = p.app.call(
        "import_observer_answers",
        json!({ "personId": p.noor, "path": file }),
    );
    let err = again.unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert!(
        err["message"].as_str().unwrap().contains("already in"),
        "{err}"
    );

    // An answer changed by hand after saving.
    let edited_path = p.answers_file(&sams_peer, 4, dir.path());
    let mut edited: Value =
        serde_json::from_str(&std::fs::read_to_string(&edited_path).unwrap()).unwrap();
    let first = edited["answers"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    edited["answers"][&first] = json!(1);
    let edited = serde_json::to_string_pretty(&edited).unwrap();
    std::fs::write(&edited_path, edited).unwrap();
    let err = p
        .app
        .call(
            "import_observer_answers",
            json!({ "personId": p.sam, "path": edited_path }),
        )
        .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("changed"),
        "{err}"
    );

    // Sam's observer's file offered as Noor's.
    let sams = p.answers_file(&sams_peer, 4, dir.path());
    let err = p
        .app
        .call(
            "import_observer_answers",
            json!({ "personId": p.noor, "path": sams }),
        )
        .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("someone else"),
        "{err}"
    );

    // A file for a request this database never made, and a file that is not one at all.
    let stranger = ObserverAnswers {
        request_id: "f".repeat(32),
        instrument_id: "leadback-core".into(),
        instrument_version: 1,
        answers: p.every_item(3),
    };
    let stranger_path = dir.path().join("stranger.json");
    std::fs::write(&stranger_path, stranger.to_file_json()).unwrap();
    let err = p
        .app
        .call(
            "import_observer_answers",
            json!({ "personId": p.noor, "path": stranger_path }),
        )
        .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("did not send"),
        "{err}"
    );
    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "{\"format\": \"something else\"}").unwrap();
    assert_eq!(
        p.app.code(
            "import_observer_answers",
            json!({ "personId": p.noor, "path": junk })
        ),
        "invalid_input"
    );
    assert_eq!(rows(&p.app), before);
}

#[test]
fn bad_requests_and_answers_are_refused_with_a_code_and_nothing_written() {
    let p = practice();
    let dir = tempfile::tempdir().unwrap();
    let request = p.ask(&p.noor, "Her manager");
    let before = rows(&p.app);
    let code = |cmd: &str, args: Value| p.app.code(cmd, args);

    assert_eq!(
        code(
            "add_observer_request",
            json!({ "personId": 999, "observer": "Peer" })
        ),
        "not_found"
    );
    assert_eq!(
        code(
            "add_observer_request",
            json!({ "personId": p.noor, "observer": "  " })
        ),
        "invalid_input"
    );
    assert_eq!(
        code(
            "add_observer_request",
            json!({ "personId": p.noor, "observer": "x".repeat(81) })
        ),
        "invalid_input"
    );
    assert_eq!(
        code("get_observer_form", json!({ "requestId": 999 })),
        "not_found"
    );
    let mut unknown = p.every_item(3);
    unknown.insert("not-an-item".into(), Some(3));
    assert_eq!(
        code(
            "submit_observer_answers",
            json!({ "requestId": request["id"], "answers": unknown })
        ),
        "invalid_input"
    );
    assert_eq!(
        code(
            "submit_observer_answers",
            json!({ "requestId": request["id"], "answers": p.every_item(9) })
        ),
        "invalid_input"
    );
    let nothing: BTreeMap<String, Option<i64>> =
        p.items.iter().map(|id| (id.clone(), None)).collect();
    assert_eq!(
        code(
            "submit_observer_answers",
            json!({ "requestId": request["id"], "answers": nothing })
        ),
        "invalid_input"
    );
    assert_eq!(
        code(
            "export_observer_form",
            json!({ "requestId": request["id"], "path": dir.path().join("form.pdf") })
        ),
        "invalid_input"
    );
    assert_eq!(
        code(
            "export_observer_form",
            json!({ "requestId": request["id"], "path": "/no/such/folder/form.html" })
        ),
        "invalid_input"
    );
    assert_eq!(
        code(
            "import_observer_answers",
            json!({ "personId": p.noor, "path": "/dev/zero" })
        ),
        "invalid_input"
    );
    assert_eq!(rows(&p.app), before);
    assert!(!dir.path().join("form.pdf").exists());

    // An answered request cannot be answered again or withdrawn; an open one can be withdrawn.
    p.app.ok(
        "submit_observer_answers",
        json!({ "requestId": request["id"], "answers": p.every_item(3) }),
    );
    assert_eq!(
        code("get_observer_form", json!({ "requestId": request["id"] })),
        "invalid_input"
    );
    assert_eq!(
        code(
            "withdraw_observer_request",
            json!({ "requestId": request["id"] })
        ),
        "invalid_input"
    );
    let open = p.ask(&p.noor, "A peer");
    p.app.ok(
        "withdraw_observer_request",
        json!({ "requestId": open["id"] }),
    );
    assert_eq!(p.view(&p.noor)["requests"].as_array().unwrap().len(), 1);
}
