//! A coach's own instruments through IPC: preview (nothing saved), import (once per id and
//! version), the choice for new assessments, assessments on an imported instrument scored with it,
//! alpha per instrument version over everyone in the database; and every command refused with a
//! code and nothing written when its argument is bad.

use std::path::{Path, PathBuf};

use leadback_store::Store;
use serde_json::{Value, json};

use super::{TestApp, rows};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/instruments")
        .join(name)
}

fn err(app: &TestApp, cmd: &str, args: Value) -> Value {
    match app.call(cmd, args) {
        Ok(value) => panic!("{cmd} should have failed, returned {value}"),
        Err(err) => err,
    }
}

#[test]
fn a_coach_previews_imports_and_chooses_their_own_instrument() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Coach Kim" }));
    let list = app.ok("list_instruments", json!({}));
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], "leadback-core");
    assert_eq!(list[0]["current"], true);

    let before = rows(&app);
    let preview = app.ok(
        "preview_instrument",
        json!({ "path": fixture("team-pulse.toml") }),
    );
    assert_eq!(preview["instrument"]["id"], "team-pulse");
    assert_eq!(preview["instrument"]["items"], 9);
    assert_eq!(preview["already_imported"], false);
    assert_eq!(rows(&app), before, "a preview saves nothing");

    let imported = app.ok(
        "import_instrument",
        json!({ "path": fixture("team-pulse.toml") }),
    );
    assert_eq!(imported["title"], "Team pulse: a short check on how I lead");
    assert_eq!(imported["imported_at"], "2026-11-22T08:00:00Z");
    let after_one = rows(&app);
    // The same file again: nothing changes, and the preview says so.
    app.ok(
        "import_instrument",
        json!({ "path": fixture("team-pulse.toml") }),
    );
    assert_eq!(rows(&app), after_one);
    let again = app.ok(
        "preview_instrument",
        json!({ "path": fixture("team-pulse.toml") }),
    );
    assert_eq!(again["already_imported"], true);

    // New assessments still use the built-in one until the coach chooses.
    let questionnaire = app.ok("get_questionnaire", json!({}));
    assert_eq!(questionnaire["instrument"]["id"], "leadback-core");
    let list = app.ok(
        "choose_instrument",
        json!({ "instrumentId": "team-pulse", "version": 1 }),
    );
    assert_eq!(list[1]["current"], true);
    assert_eq!(list[0]["current"], false);
    let taken = app.take_assessment(4);
    // Nine items at 4, one reverse-keyed per stance (counting 2): mean 10/3 on 1–5 → 58.3.
    assert_eq!(
        taken["result"]["scores"]["stances"]["front"],
        json!(58.3),
        "{taken}"
    );
    let history = app.ok("get_assessment_history", json!({}));
    assert_eq!(history.as_array().unwrap().len(), 1);
    let result = app.ok(
        "get_assessment_result",
        json!({ "assessmentId": taken["id"] }),
    );
    assert_eq!(result, taken);

    // A second version does not change how the first one's assessments are scored.
    app.ok(
        "import_instrument",
        json!({ "path": fixture("team-pulse-v2.toml") }),
    );
    app.ok(
        "choose_instrument",
        json!({ "instrumentId": "team-pulse", "version": 2 }),
    );
    assert_eq!(
        app.ok(
            "get_assessment_result",
            json!({ "assessmentId": taken["id"] })
        ),
        taken
    );
    let list = app.ok("list_instruments", json!({}));
    let versions: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].clone(), i["version"].clone(), i["current"].clone()))
        .collect();
    assert_eq!(
        versions,
        [
            (json!("leadback-core"), json!(1), json!(false)),
            (json!("team-pulse"), json!(1), json!(false)),
            (json!("team-pulse"), json!(2), json!(true)),
        ]
    );
}

#[test]
fn alpha_per_instrument_version_counts_everyone_in_the_database() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Coach Kim" }));
    app.ok(
        "import_instrument",
        json!({ "path": fixture("team-pulse.toml") }),
    );
    app.ok(
        "choose_instrument",
        json!({ "instrumentId": "team-pulse", "version": 1 }),
    );
    let client = app.add_client("Noor Haddad");
    for n in 0..9 {
        app.take_assessment(1 + n % 5);
    }
    let nine = app.ok(
        "get_instrument_consistency",
        json!({ "instrumentId": "team-pulse", "version": 1 }),
    );
    assert_eq!(nine["min_assessments"], 10);
    assert_eq!(nine["finished"], 9);
    for stance in nine["stances"].as_array().unwrap() {
        assert_eq!(stance["assessments"], 9);
        assert_eq!(stance["items"], 3);
        assert_eq!(stance["alpha"], Value::Null);
    }
    app.ok("switch_person", json!({ "personId": client }));
    app.take_assessment(2);
    let ten = app.ok(
        "get_instrument_consistency",
        json!({ "instrumentId": "team-pulse", "version": 1 }),
    );
    for stance in ten["stances"].as_array().unwrap() {
        assert_eq!(stance["assessments"], 10);
        assert!(stance["alpha"].is_number(), "{stance}");
    }
    // The built-in instrument has none of these.
    let builtin = app.ok(
        "get_instrument_consistency",
        json!({ "instrumentId": "leadback-core", "version": 1 }),
    );
    assert_eq!(builtin["finished"], 0);
}

#[test]
fn bad_files_and_arguments_are_refused_with_a_code_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::with_store(Store::open_in(dir.path()).unwrap());
    app.ok("set_my_name", json!({ "name": "Coach Kim" }));
    app.ok(
        "import_instrument",
        json!({ "path": fixture("team-pulse.toml") }),
    );
    let files = tempfile::tempdir().unwrap();
    let big = files.path().join("big.toml");
    std::fs::write(&big, "#".repeat(1024 * 1024 + 10)).unwrap();
    let binary = files.path().join("binary.toml");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let huge = "x".repeat(1_000_000);

    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "preview_instrument",
            json!({ "path": fixture("broken-schema.toml") }),
            "invalid_input",
            "item \"tp-front-2\"",
        ),
        (
            "import_instrument",
            json!({ "path": fixture("broken-schema.toml") }),
            "invalid_input",
            "fall in no band",
        ),
        (
            "import_instrument",
            json!({ "path": fixture("broken-syntax.toml") }),
            "invalid_input",
            "broken-syntax.toml",
        ),
        (
            "import_instrument",
            json!({ "path": fixture("broken-builtin-id.toml") }),
            "invalid_input",
            "an id of its own",
        ),
        (
            "import_instrument",
            json!({ "path": fixture("broken-unknown-habit.toml") }),
            "invalid_input",
            "\"nap-all-day\"",
        ),
        (
            "import_instrument",
            json!({ "path": fixture("team-pulse-changed.toml") }),
            "invalid_input",
            "already imported with different content",
        ),
        (
            "preview_instrument",
            json!({ "path": fixture("team-pulse-changed.toml") }),
            "invalid_input",
            "raise the version",
        ),
        (
            "import_instrument",
            json!({ "path": big }),
            "invalid_input",
            "at most 1048576 bytes",
        ),
        (
            "import_instrument",
            json!({ "path": binary }),
            "invalid_input",
            "not a text file",
        ),
        (
            "import_instrument",
            json!({ "path": files.path().join("missing.toml") }),
            "invalid_input",
            "could not be read",
        ),
        (
            "import_instrument",
            json!({ "path": files.path() }),
            "invalid_input",
            "could not be read",
        ),
        (
            "import_instrument",
            json!({ "path": huge }),
            "invalid_input",
            "could not be read",
        ),
        (
            "choose_instrument",
            json!({ "instrumentId": "nobody", "version": 1 }),
            "not_found",
            "no instrument \"nobody\"",
        ),
        (
            "choose_instrument",
            json!({ "instrumentId": "team-pulse", "version": 9 }),
            "not_found",
            "version 9",
        ),
        (
            "choose_instrument",
            json!({ "instrumentId": "team-pulse", "version": -1 }),
            "not_found",
            "version -1",
        ),
        (
            "choose_instrument",
            json!({ "instrumentId": huge, "version": 1 }),
            "invalid_input",
            "at most 100",
        ),
        (
            "get_instrument_consistency",
            json!({ "instrumentId": "nobody", "version": 1 }),
            "not_found",
            "no instrument",
        ),
        (
            "get_instrument_consistency",
            json!({ "instrumentId": huge, "version": 1 }),
            "invalid_input",
            "at most 100",
        ),
        (
            "get_instrument_consistency",
            json!({ "instrumentId": "team-pulse", "version": i64::MAX }),
            "not_found",
            "no instrument",
        ),
        (
            "choose_instrument",
            json!({ "instrumentId": "team-pulse", "version": "one" }),
            "bad_request",
            "",
        ),
        ("import_instrument", json!({}), "bad_request", ""),
    ];
    let before = rows(&app);
    let mut wrong = Vec::new();
    for (cmd, args, code, says) in cases {
        let err = err(&app, cmd, args.clone());
        // Arguments of the wrong shape never reach the command: the shell refuses them as text,
        // which the UI's api module codes as bad_request.
        let (found, message) = match &err {
            Value::String(text) => ("bad_request", text.as_str()),
            _ => (
                err["code"].as_str().unwrap_or("<not coded>"),
                err["message"].as_str().unwrap_or_default(),
            ),
        };
        if found != code || !message.contains(says) {
            wrong.push(format!("{cmd}: {err} (wanted {code}, saying {says:?})"));
        }
        if rows(&app) != before {
            wrong.push(format!("{cmd}: changed the data"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
