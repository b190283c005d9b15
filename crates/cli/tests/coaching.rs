//! A coach's records from the terminal: `person add|edit|consent`, `session list|add|edit|delete`.
//! Every bad argument exits with 2, says why, and writes nothing.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::Path;

use common::{coach_with_client, ok, refused};
use leadback_store::Store;
use serde_json::Value;

/// Coach Kim and Noor Hadad, with a contact and a tag.
fn coach(dir: &Path) {
    let details = ["--contact", "noor@example.org", "--tag", "pilot"];
    coach_with_client(dir, &details);
}

fn people(dir: &Path) -> Value {
    serde_json::from_str(&ok(dir, &["people", "list", "--json"])).unwrap()
}

#[test]
fn a_coach_adds_a_client_and_corrects_a_typo_in_their_name() {
    let dir = tempfile::tempdir().unwrap();
    coach(dir.path());
    let noor = &people(dir.path())[1];
    assert_eq!(noor["person"]["name"], "Noor Hadad");
    assert_eq!(noor["contact"], "noor@example.org");
    assert_eq!(noor["tags"], serde_json::json!(["pilot"]));
    assert_eq!(noor["consent"]["terms"], "Notes kept on this laptop.");

    let saved = ok(
        dir.path(),
        &["person", "edit", "Noor Hadad", "--name", "Noor Haddad"],
    );
    assert!(saved.starts_with("Saved Noor Haddad"), "{saved}");
    let noor = &people(dir.path())[1];
    assert_eq!(noor["person"]["name"], "Noor Haddad");
    assert_eq!(
        noor["contact"], "noor@example.org",
        "what was not given stays"
    );
    assert_eq!(noor["tags"], serde_json::json!(["pilot"]));

    ok(
        dir.path(),
        &[
            "person",
            "edit",
            "Noor Haddad",
            "--tag",
            "cohort-2",
            "--tag",
            "lead",
            "--contact",
            "",
        ],
    );
    let noor = &people(dir.path())[1];
    assert_eq!(noor["tags"], serde_json::json!(["cohort-2", "lead"]));
    assert_eq!(noor["contact"], Value::Null);
}

#[test]
fn bad_client_details_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    coach(dir.path());
    ok(
        dir.path(),
        &["person", "add", "Sam Ortiz", "--consent", "Yes."],
    );
    let long = "x".repeat(300);
    refused(
        dir.path(),
        &["person", "add", "  ", "--consent", "Yes."],
        "name can't be empty",
    );
    refused(
        dir.path(),
        &["person", "add", "Ana", "--consent", "  "],
        "can't be empty",
    );
    refused(
        dir.path(),
        &["person", "add", &long, "--consent", "Yes."],
        "too long",
    );
    refused(
        dir.path(),
        &["person", "add", "Sam Ortiz", "--consent", "Yes."],
        "already a client called",
    );
    refused(
        dir.path(),
        &["person", "edit", "Nobody", "--name", "X"],
        "no client called \"Nobody\"",
    );
    refused(
        dir.path(),
        &["person", "edit", "Sam Ortiz", "--name", ""],
        "name can't be empty",
    );
    refused(
        dir.path(),
        &["person", "edit", "Sam Ortiz", "--name", "Noor Hadad"],
        "already a client called",
    );
    refused(
        dir.path(),
        &["person", "edit", "Sam Ortiz"],
        "Nothing to change",
    );
    refused(
        dir.path(),
        &["person", "edit", "Coach Kim", "--name", "K"],
        "no client called",
    );
}

#[test]
fn withdrawing_consent_asks_for_yes_then_stops_new_sessions_until_it_is_given_again() {
    let dir = tempfile::tempdir().unwrap();
    coach(dir.path());
    refused(
        dir.path(),
        &["person", "consent", "Noor Hadad", "--withdraw"],
        "Add --yes to withdraw it",
    );
    let withdrawn = ok(
        dir.path(),
        &["person", "consent", "Noor Hadad", "--withdraw", "--yes"],
    );
    assert!(withdrawn.contains("withdrew consent"), "{withdrawn}");
    assert!(ok(dir.path(), &["people", "list"]).contains("consent withdrawn"));

    refused(
        dir.path(),
        &["session", "add", "Noor Hadad", "--date", "2026-01-05"],
        "Noor Hadad withdrew consent on",
    );
    refused(
        dir.path(),
        &["person", "consent", "Noor Hadad", "--withdraw", "--yes"],
        "already withdrew consent",
    );
    refused(
        dir.path(),
        &["person", "consent", "Noor Hadad"],
        "--withdraw",
    );

    ok(
        dir.path(),
        &[
            "person",
            "consent",
            "Noor Hadad",
            "--give",
            "Notes kept, again.",
        ],
    );
    ok(
        dir.path(),
        &["session", "add", "Noor Hadad", "--date", "2026-01-05"],
    );
    let consents = Store::open_in(dir.path())
        .unwrap()
        .consents(people(dir.path())[1]["person"]["id"].as_i64().unwrap())
        .unwrap();
    let history: Vec<_> = consents
        .iter()
        .map(|c| (c.terms.as_str(), c.withdrawn_on.is_some()))
        .collect();
    assert_eq!(
        history,
        [
            ("Notes kept, again.", false),
            ("Notes kept on this laptop.", true)
        ]
    );
}

#[test]
fn sessions_are_added_listed_corrected_and_deleted_with_yes() {
    let dir = tempfile::tempdir().unwrap();
    coach(dir.path());
    let added = ok(
        dir.path(),
        &[
            "session",
            "add",
            "Noor Hadad",
            "--date",
            "2026-01-05T14:30",
            "--agenda",
            "Who speaks first?",
        ],
    );
    let id = added.split_whitespace().nth(2).unwrap().to_owned();
    assert!(added.contains("on 2026-01-05 14:30"), "{added}");
    ok(
        dir.path(),
        &["session", "add", "Noor Hadad", "--date", "2026-01-12"],
    );
    let listed = ok(dir.path(), &["session", "list", "Noor Hadad"]);
    let lines: Vec<_> = listed.lines().collect();
    assert!(
        lines[0].contains("2026-01-12 09:00"),
        "newest first: {listed}"
    );
    assert!(lines[1].contains("Who speaks first?"), "{listed}");

    ok(
        dir.path(),
        &["session", "edit", &id, "--date", "2026-01-06"],
    );
    let listed = ok(dir.path(), &["session", "list", "Noor Hadad"]);
    assert!(
        listed.contains("2026-01-06 09:00  Who speaks first?"),
        "the agenda stays: {listed}"
    );

    refused(
        dir.path(),
        &["session", "delete", &id],
        "Add --yes to delete it",
    );
    let deleted = ok(dir.path(), &["session", "delete", &id, "--yes"]);
    assert!(
        deleted.starts_with("Deleted the session with Noor Hadad on 2026-01-06"),
        "{deleted}"
    );
    assert!(!ok(dir.path(), &["session", "list", "Noor Hadad"]).contains("Who speaks"));
}

#[test]
fn bad_session_arguments_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    coach(dir.path());
    ok(
        dir.path(),
        &["session", "add", "Noor Hadad", "--date", "2026-01-05"],
    );
    let long = "x".repeat(3_000);
    refused(
        dir.path(),
        &["session", "add", "Nobody"],
        "no client called",
    );
    refused(
        dir.path(),
        &["session", "add", "Noor Hadad", "--date", "2026-13-01"],
        "is not a date",
    );
    refused(
        dir.path(),
        &["session", "add", "Noor Hadad", "--date", "next week"],
        "is not a date",
    );
    refused(
        dir.path(),
        &["session", "add", "Noor Hadad", "--agenda", &long],
        "too long",
    );
    refused(
        dir.path(),
        &["session", "edit", "9999", "--agenda", "x"],
        "There is no session 9999",
    );
    refused(dir.path(), &["session", "edit", "1"], "Nothing to change");
    refused(
        dir.path(),
        &["session", "edit", "1", "--date", "tomorrow"],
        "is not a date",
    );
    refused(
        dir.path(),
        &["session", "delete", "9999", "--yes"],
        "There is no session 9999",
    );
    refused(
        dir.path(),
        &["session", "list", "Nobody"],
        "no client called",
    );
}
