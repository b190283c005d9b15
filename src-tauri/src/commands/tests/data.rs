//! Backups, export and recovery through IPC, on a database in a real folder.

use serde_json::json;

use super::TestApp;
use crate::state::AppState;
use leadback_store::Store;

fn app_in(dir: &std::path::Path) -> TestApp {
    let app = TestApp::with_store(Store::open_in(dir).unwrap());
    app.ok("set_my_name", json!({ "name": "Ada" }));
    app
}

#[test]
fn a_backup_taken_now_is_listed_and_can_be_restored() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path());
    let taken = app.ok("backup_now", json!({}));
    assert_eq!(taken["reason"], "manual");
    app.ok("set_my_name", json!({ "name": "Grace" }));

    let listed = app.ok("get_backups", json!({}));
    assert_eq!(listed["backups"].as_array().unwrap().len(), 1);
    assert!(listed["folder"].as_str().unwrap().ends_with("backups"));

    let safety = app.ok("restore_backup", json!({ "path": taken["path"] }));
    assert_eq!(safety["reason"], "before-restore");
    assert_eq!(app.ok("get_me", json!({}))["name"], "Ada");
}

#[test]
fn restoring_a_file_that_is_not_a_backup_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path());
    let bogus = dir.path().join("bogus.sqlite3");
    std::fs::write(&bogus, "not a database").unwrap();
    for path in [
        bogus.display().to_string(),
        "/no/such/file".into(),
        "x".repeat(10_000),
    ] {
        assert_eq!(
            app.code("restore_backup", json!({ "path": path })),
            "invalid_input"
        );
    }
    // Arguments of the wrong type are refused by Tauri before the command runs.
    assert!(app.call("restore_backup", json!({ "path": 7 })).is_err());
    assert_eq!(app.ok("get_me", json!({}))["name"], "Ada");
    assert!(
        app.ok("get_backups", json!({}))["backups"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn everything_is_exported_to_the_chosen_file() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path());
    let file = dir.path().join("everything.json");
    let summary = app.ok("export_everything", json!({ "path": file }));
    assert!(summary["rows"].as_u64().unwrap() >= 1);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(doc["format"], "leadback-export");
    assert_eq!(doc["tables"]["person"]["rows"][0][2], "Ada");

    let nowhere = dir.path().join("missing-folder/everything.json");
    assert_eq!(
        app.code("export_everything", json!({ "path": nowhere })),
        "storage"
    );
}

#[test]
fn with_the_database_open_there_is_nothing_to_recover() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path());
    assert_eq!(app.ok("get_recovery", json!({})), json!(null));
    assert_eq!(app.code("recover_from_backup", json!({})), "invalid_input");
}

/// Moves everything into the main file, then overwrites all of it after the 100-byte header
/// (the schema's own page included) with garbage.
fn corrupt(path: &std::path::Path) {
    rusqlite::Connection::open(path)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    let end = bytes.len();
    bytes[100..end].fill(0x5a);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_database_is_explained_and_replaced_by_the_newest_good_backup() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = app_in(dir.path());
        app.ok("backup_now", json!({}));
    }
    corrupt(&dir.path().join("leadback.sqlite3"));

    let app = TestApp::with_state(AppState::open(Some(dir.path())));
    assert_eq!(app.code("get_me", json!({})), "damaged_database");
    let recovery = app.ok("get_recovery", json!({}));
    assert_eq!(recovery["problem"]["code"], "damaged_database");
    assert_eq!(recovery["backup"]["reason"], "manual");

    let used = app.ok("recover_from_backup", json!({}));
    assert_eq!(used["path"], recovery["backup"]["path"]);
    assert_eq!(app.ok("get_me", json!({}))["name"], "Ada");
    assert_eq!(app.ok("get_recovery", json!({})), json!(null));
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("leadback.sqlite3.damaged-")
        });
    assert!(aside, "the damaged file was not kept");
}

#[test]
fn a_database_from_a_newer_leadback_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = app_in(dir.path());
        app.ok("backup_now", json!({}));
    }
    rusqlite::Connection::open(dir.path().join("leadback.sqlite3"))
        .unwrap()
        .execute_batch("PRAGMA user_version = 999")
        .unwrap();
    let app = TestApp::with_state(AppState::open(Some(dir.path())));
    let recovery = app.ok("get_recovery", json!({}));
    assert_eq!(recovery["problem"]["code"], "newer_database");
    assert_eq!(recovery["backup"], json!(null));
    assert_eq!(app.code("recover_from_backup", json!({})), "invalid_input");
}

#[test]
fn damage_found_by_the_check_beside_the_first_screen_closes_the_store() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = app_in(dir.path());
        app.ok("backup_now", json!({}));
        for n in 0..300 {
            let text = format!("note {n}: {}", "a few words to fill the pages ".repeat(8));
            app.ok(
                "add_journal_note",
                json!({ "day": "2026-11-20", "text": text }),
            );
        }
    }
    let database = dir.path().join("leadback.sqlite3");
    rusqlite::Connection::open(&database)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    // The last pages (journal text) are damaged; the schema still reads.
    let mut bytes = std::fs::read(&database).unwrap();
    let len = bytes.len();
    bytes[len * 2 / 3..len - 100].fill(0x5a);
    std::fs::write(&database, bytes).unwrap();

    let state = AppState::open(Some(dir.path()));
    let app = TestApp::with_state(state);
    assert_eq!(
        app.ok("get_me", json!({}))["name"],
        "Ada",
        "the first screen does not wait"
    );
    let state = app.state();
    assert!(!state.finish_startup_check());
    assert_eq!(app.code("get_me", json!({})), "damaged_database");
    assert_eq!(
        app.ok("get_recovery", json!({}))["backup"]["reason"],
        "manual"
    );
}
