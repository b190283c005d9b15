//! Bad calls about assessments and observer forms.

use super::*;

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
