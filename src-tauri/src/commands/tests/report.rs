//! The PDF report through IPC: a client's report names them and their coach and leaves session
//! notes out unless asked; a character no font on the computer has is named to the coach; bad
//! arguments (unknown people, paths that are not PDFs, folders that
//! do not exist, the data folder itself, wrong types) get a coded error and write nothing.

use chrono::{TimeZone, Utc};
use leadback_core::FixedClock;
use leadback_testkit::pdf_text;
use serde_json::{Value, json};

use super::TestApp;
use crate::state::AppState;

/// A coach with one client who has an assessment, a habit and a session with notes.
fn coach_with_client(app: &TestApp) -> Value {
    app.ok("set_my_name", json!({ "name": "Coach Kim" }));
    let noor = app.ok(
        "add_client",
        json!({
            "client": { "name": "Noor Haddad", "contact": null, "tags": [] },
            "consent": { "agreed_on": "2026-11-20", "terms": "A report on request." }
        }),
    )["person"]["id"]
        .clone();
    app.ok("switch_person", json!({ "personId": noor }));
    app.ok(
        "add_library_habit",
        json!({ "libraryId": "let-others-go-first" }),
    );
    app.take_assessment(4);
    let me = app.ok("get_me", json!({}))["id"].clone();
    app.ok("switch_person", json!({ "personId": me }));
    let session = app.ok(
        "add_session",
        json!({ "personId": noor, "session": { "starts_at": "2026-11-22T09:30:00", "agenda": "Who opens the stand-up?" } }),
    );
    app.ok(
        "save_session_notes",
        json!({ "sessionId": session["id"], "notes": "Noor let Sam open the stand-up." }),
    );
    noor
}

#[test]
fn a_clients_report_names_them_and_the_coach_and_notes_only_when_chosen() {
    let app = TestApp::new();
    let noor = coach_with_client(&app);
    let dir = tempfile::tempdir().unwrap();

    let plain = dir.path().join("noor.pdf");
    let summary = app.ok(
        "export_report",
        json!({ "personId": noor, "path": plain, "includeNotes": false }),
    );
    assert!(summary["pages"].as_u64().unwrap() >= 2);
    let bytes = std::fs::read(&plain).unwrap();
    assert_eq!(summary["bytes"].as_u64().unwrap(), bytes.len() as u64);
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&plain);
    assert!(text.contains("A report for Noor Haddad"), "{text}");
    assert!(text.contains("Coach Kim"));
    assert!(text.contains("Let someone else go first") || text.contains("Habits"));
    assert!(!text.contains("Noor let Sam open the stand-up."));

    let with_notes = dir.path().join("noor-notes.pdf");
    app.ok(
        "export_report",
        json!({ "personId": noor, "path": with_notes, "includeNotes": true }),
    );
    let text = pdf_text(&with_notes);
    assert!(text.contains("Session notes"));
    assert!(text.contains("Noor let Sam open the stand-up."), "{text}");
    assert!(
        !dir.path().join("noor.pdf.partial").exists(),
        "no partial file is left behind"
    );
}

#[test]
fn a_character_no_font_has_is_named_and_nothing_is_said_when_all_are_drawn() {
    let app = TestApp::new();
    // U+10FFFD is a private-use character: no font on any computer draws it.
    let ada = app.add_client("Ada \u{10FFFD} Lovelace");
    let noor = app.add_client("Noor Haddad");
    let dir = tempfile::tempdir().unwrap();

    let odd = dir.path().join("ada.pdf");
    let summary = app.ok(
        "export_report",
        json!({ "personId": ada, "path": odd, "includeNotes": false }),
    );
    let note = summary["missing_note"].as_str().unwrap_or_default();
    assert!(
        note.starts_with("1 character could not be drawn") && note.contains("U+10FFFD"),
        "the coach is told which character: {summary}"
    );
    assert!(
        pdf_text(&odd).contains("Lovelace"),
        "the report is still written"
    );

    let plain = dir.path().join("noor.pdf");
    let summary = app.ok(
        "export_report",
        json!({ "personId": noor, "path": plain, "includeNotes": false }),
    );
    assert_eq!(
        summary["missing_note"],
        Value::Null,
        "nothing is said when every character is drawn"
    );
}

#[test]
fn bad_arguments_get_a_coded_error_and_write_nothing() {
    let app = TestApp::new();
    let noor = coach_with_client(&app);
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("keep.pdf");
    std::fs::write(&existing, b"an earlier report").unwrap();
    let export = |person: Value, path: Value, notes: Value| json!({ "personId": person, "path": path, "includeNotes": notes });

    let cases = [
        (
            "unknown person",
            export(json!(9_999), json!(existing), json!(false)),
            "not_found",
        ),
        (
            "negative id",
            export(json!(-1), json!(existing), json!(false)),
            "not_found",
        ),
        (
            "not a pdf",
            export(noor.clone(), json!(dir.path().join("r.txt")), json!(false)),
            "invalid_input",
        ),
        (
            "no extension",
            export(noor.clone(), json!(dir.path().join("report")), json!(false)),
            "invalid_input",
        ),
        (
            "a folder",
            export(noor.clone(), json!(dir.path()), json!(false)),
            "invalid_input",
        ),
        (
            "missing folder",
            export(
                noor.clone(),
                json!(dir.path().join("nowhere/r.pdf")),
                json!(false),
            ),
            "invalid_input",
        ),
        (
            "huge path",
            export(
                noor.clone(),
                json!(format!("{}/r.pdf", "a".repeat(100_000))),
                json!(false),
            ),
            "invalid_input",
        ),
        (
            "bare name",
            export(noor.clone(), json!("r.pdf"), json!(false)),
            "invalid_input",
        ),
    ];
    for (what, args, code) in cases {
        assert_eq!(app.code("export_report", args), code, "{what}");
    }
    assert_eq!(std::fs::read(&existing).unwrap(), b"an earlier report");
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "nothing else was written: {files:?}");

    // Wrong types never reach our code.
    for args in [
        export(json!("noor"), json!(existing), json!(false)),
        export(noor.clone(), json!(42), json!(false)),
        export(noor.clone(), json!(existing), json!("yes")),
        json!({ "personId": noor, "path": existing }),
    ] {
        let refused = app.call("export_report", args).unwrap_err();
        assert!(refused.is_string(), "refused by the shell: {refused}");
    }
    assert_eq!(std::fs::read(&existing).unwrap(), b"an earlier report");
}

#[test]
fn a_report_is_never_written_over_the_database_or_into_its_backups() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap();
    let app = TestApp::with_state(AppState::with_data_dir(
        dir.path(),
        Box::new(FixedClock::new(now)),
    ));
    app.ok("set_my_name", json!({ "name": "Coach Kim" }));
    let me = app.ok("get_me", json!({}))["id"].clone();
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let into_backups = backups.join("report.pdf");
    assert_eq!(
        app.code(
            "export_report",
            json!({ "personId": me, "path": into_backups, "includeNotes": false })
        ),
        "invalid_input"
    );
    assert!(!into_backups.exists());
    // Beside the database is fine: the data folder is just a folder.
    let beside = dir.path().join("me.pdf");
    app.ok(
        "export_report",
        json!({ "personId": me, "path": beside, "includeNotes": false }),
    );
    assert!(pdf_text(&beside).contains("A report for Coach Kim"));
}
