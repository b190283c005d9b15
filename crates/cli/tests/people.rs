//! `leadback people list` and `leadback person erase`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use common::{leadback, ok, stderr};
use leadback_store::Store;
use leadback_testkit::{add_tagged_client, now, set_me};

fn with_a_client(dir: &std::path::Path) {
    let mut store = Store::open_in(dir).unwrap();
    set_me(&mut store, "Coach Kim");
    let terms = "Notes kept on this laptop.";
    let client = add_tagged_client(&mut store, "Noor Haddad", &["pilot"], terms);
    store
        .add_session(client, now().naive_utc(), "First session", now())
        .unwrap();
}

#[test]
fn people_list_shows_me_then_clients_with_consent() {
    let dir = tempfile::tempdir().unwrap();
    with_a_client(dir.path());
    let text = ok(dir.path(), &["people", "list"]);
    let lines: Vec<_> = text.lines().collect();
    assert!(lines[0].starts_with("Coach Kim (me)"), "{text}");
    assert!(lines[1].starts_with("Noor Haddad"), "{text}");
    // The testkit's day: 22 November 2026.
    assert!(lines[1].contains("consent given 2026-11-22"), "{text}");
    assert!(lines[1].contains("[pilot]"), "{text}");

    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["people", "list", "--json"])).unwrap();
    assert_eq!(json[1]["person"]["name"], "Noor Haddad");
    assert_eq!(json[1]["consent"]["terms"], "Notes kept on this laptop.");
}

#[test]
fn erasing_asks_for_yes_then_erases_only_that_client() {
    let dir = tempfile::tempdir().unwrap();
    with_a_client(dir.path());

    let refused = leadback(dir.path(), &["person", "erase", "Noor Haddad"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("1 session, "),
        "{}",
        stderr(&refused)
    );
    assert!(stderr(&refused).contains("--yes"));
    assert!(ok(dir.path(), &["people", "list"]).contains("Noor Haddad"));

    let unknown = leadback(dir.path(), &["person", "erase", "Nobody", "--yes"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("no client called \"Nobody\""));
    let me = leadback(dir.path(), &["person", "erase", "Coach Kim", "--yes"]);
    assert_eq!(me.status.code(), Some(2), "me is not a client");

    let erased = ok(dir.path(), &["person", "erase", "Noor Haddad", "--yes"]);
    assert!(erased.starts_with("Erased Noor Haddad"), "{erased}");
    let left = ok(dir.path(), &["people", "list"]);
    assert!(!left.contains("Noor"), "{left}");
    assert!(left.contains("Coach Kim"));
}
