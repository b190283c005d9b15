//! The passphrase through IPC: encrypting, locking, unlocking (a wrong passphrase touches
//! nothing), changing and removing it, and the idle setting.

use chrono::{TimeZone, Utc};
use leadback_core::FixedClock;
use leadback_store::{Store, paths};
use serde_json::json;

use super::TestApp;
use crate::state::AppState;

const SECRET: &str = "the back of the line";

fn clock() -> Box<FixedClock> {
    Box::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap(),
    ))
}

/// An app on a data folder holding "Ada", encrypted with [`SECRET`].
fn encrypted_app(dir: &std::path::Path) -> TestApp {
    let app = TestApp::with_store(Store::open_in(dir).unwrap());
    app.ok("set_my_name", json!({ "name": "Ada" }));
    assert_eq!(
        app.ok("get_lock_state", json!({})),
        json!({ "encrypted": false, "locked": false, "idle_minutes": null })
    );
    assert_eq!(
        app.ok("set_passphrase", json!({ "current": null, "new": SECRET })),
        0
    );
    app
}

#[test]
fn an_encrypted_database_starts_locked_and_opens_only_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    drop(encrypted_app(dir.path()));
    let database = paths::database_path(dir.path());
    assert!(paths::is_encrypted(&database));

    let app = TestApp::with_state(AppState::with_data_dir(dir.path(), clock()));
    assert_eq!(
        app.ok("get_lock_state", json!({})),
        json!({ "encrypted": true, "locked": true, "idle_minutes": null })
    );
    assert_eq!(app.code("get_me", json!({})), "locked");
    assert_eq!(
        app.code("get_habits", json!({ "includeArchived": false })),
        "locked"
    );

    let before = std::fs::read(&database).unwrap();
    for wrong in ["", "not it", &"x".repeat(2_000)] {
        assert_eq!(
            app.code("unlock", json!({ "passphrase": wrong })),
            "invalid_input"
        );
    }
    assert_eq!(
        std::fs::read(&database).unwrap(),
        before,
        "a wrong passphrase wrote"
    );
    assert_eq!(app.code("get_me", json!({})), "locked");

    app.ok("unlock", json!({ "passphrase": SECRET }));
    assert_eq!(app.ok("get_me", json!({}))["name"], "Ada");
    // Unlocking what is already open still needs the right passphrase.
    assert_eq!(
        app.code("unlock", json!({ "passphrase": "anything" })),
        "invalid_input"
    );
    app.ok("unlock", json!({ "passphrase": SECRET }));
    app.ok("lock", json!({}));
    assert_eq!(app.code("get_me", json!({})), "locked");
}

#[test]
fn the_passphrase_changes_only_with_the_current_one_and_can_be_removed() {
    let dir = tempfile::tempdir().unwrap();
    let app = encrypted_app(dir.path());
    let change = |current: &str, new: Option<&str>| json!({ "current": current, "new": new });
    assert_eq!(
        app.code("set_passphrase", change("wrong one", Some("another one"))),
        "invalid_input"
    );
    assert_eq!(
        app.code("set_passphrase", change(SECRET, Some("short"))),
        "invalid_input"
    );
    assert_eq!(
        app.code(
            "set_passphrase",
            json!({ "current": null, "new": "another one" })
        ),
        "invalid_input"
    );
    app.ok("set_passphrase", change(SECRET, Some("another one")));
    app.ok("lock", json!({}));
    assert_eq!(
        app.code("unlock", json!({ "passphrase": SECRET })),
        "invalid_input"
    );
    app.ok("unlock", json!({ "passphrase": "another one" }));

    app.ok("set_passphrase", change("another one", None));
    assert!(!paths::is_encrypted(&paths::database_path(dir.path())));
    assert_eq!(app.code("lock", json!({})), "invalid_input");
    assert_eq!(
        app.code("set_passphrase", json!({ "current": null, "new": null })),
        "invalid_input"
    );
    assert_eq!(app.ok("get_me", json!({}))["name"], "Ada");
}

#[test]
fn the_idle_time_is_kept_with_the_encrypted_data() {
    let dir = tempfile::tempdir().unwrap();
    let plain = TestApp::with_store(Store::open_in(dir.path()).unwrap());
    plain.ok("set_my_name", json!({ "name": "Ada" }));
    assert_eq!(
        plain.code("set_idle_lock", json!({ "minutes": 5 })),
        "invalid_input"
    );
    drop(plain);

    let dir = tempfile::tempdir().unwrap();
    let app = encrypted_app(dir.path());
    for bad in [0, 481, u32::MAX] {
        assert_eq!(
            app.code("set_idle_lock", json!({ "minutes": bad })),
            "invalid_input"
        );
    }
    assert!(app.call("set_idle_lock", json!({ "minutes": -5 })).is_err());
    app.ok("set_idle_lock", json!({ "minutes": 15 }));
    assert_eq!(app.ok("get_lock_state", json!({}))["idle_minutes"], 15);
    app.ok("set_idle_lock", json!({ "minutes": null }));
    assert_eq!(
        app.ok("get_lock_state", json!({}))["idle_minutes"],
        json!(null)
    );
}

#[test]
fn backups_taken_while_encrypted_are_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let app = encrypted_app(dir.path());
    let taken = app.ok("backup_now", json!({}));
    let path = std::path::PathBuf::from(taken["path"].as_str().unwrap());
    assert!(paths::is_encrypted(&path));
    let restored = app.ok("restore_backup", json!({ "path": taken["path"] }));
    assert_eq!(restored["reason"], "before-restore");
    assert_eq!(app.ok("get_me", json!({}))["name"], "Ada");
}
