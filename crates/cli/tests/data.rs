//! Backups, restore, export and import from the command line, as a person moving to a new computer
//! or undoing a mistake would use them.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use common::{leadback, ok, refused, stderr};

#[test]
fn a_backup_can_be_listed_and_restored_and_the_current_data_is_kept_first() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["me", "--name", "Ada"]);
    ok(
        data,
        &[
            "journal",
            "add",
            "before the backup",
            "--date",
            "2026-11-01",
        ],
    );
    let said = ok(data, &["backup", "now"]);
    assert!(said.contains("Backed up and checked"), "{said}");
    let listed = ok(data, &["backup", "list"]);
    let file = listed.split_whitespace().last().unwrap().to_owned();
    assert!(listed.contains("by hand"), "{listed}");

    ok(
        data,
        &["journal", "add", "after the backup", "--date", "2026-11-02"],
    );
    let restored = ok(data, &["backup", "restore", &file]);
    assert!(
        restored.contains("What was there before is kept in"),
        "{restored}"
    );

    let journal = ok(data, &["journal"]);
    assert!(journal.contains("before the backup"), "{journal}");
    assert!(!journal.contains("after the backup"), "{journal}");
    let listed = ok(data, &["backup", "list"]);
    assert!(listed.contains("before restore"), "{listed}");
}

#[test]
fn restoring_something_that_is_not_a_backup_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&data, &["me", "--name", "Ada"]);
    let bogus = dir.path().join("bogus.sqlite3");
    std::fs::write(&bogus, "hello").unwrap();

    let out = leadback(&data, &["backup", "restore", bogus.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a SQLite database"),
        "{}",
        stderr(&out)
    );
    assert_eq!(ok(&data, &["me"]).trim(), "Ada");
    assert!(ok(&data, &["backup", "list"]).contains("No backups yet"));
}

#[test]
fn an_export_moves_everything_to_a_new_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    let new = dir.path().join("new");
    let file = dir.path().join("everything.json");
    ok(&old, &["me", "--name", "Ada"]);
    ok(&old, &["habits", "add", "let-others-go-first"]);
    ok(
        &old,
        &[
            "habits",
            "check",
            "Let",
            "--date",
            "2026-11-01",
            "--note",
            "went last",
        ],
    );
    ok(
        &old,
        &["journal", "add", "a quiet day", "--date", "2026-11-02"],
    );

    let said = ok(&old, &["export", file.to_str().unwrap()]);
    assert!(said.contains("Exported"), "{said}");
    ok(&new, &["import", "backup", file.to_str().unwrap()]);

    assert_eq!(ok(&new, &["me"]).trim(), "Ada");
    let journal = ok(&new, &["journal"]);
    assert!(
        journal.contains("went last") && journal.contains("a quiet day"),
        "{journal}"
    );
    let again = dir.path().join("again.json");
    ok(&new, &["export", again.to_str().unwrap()]);
    let strip = |p: &std::path::Path| {
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        v.as_object_mut().unwrap().remove("exported_at");
        v
    };
    assert_eq!(strip(&file), strip(&again));

    // Importing into a folder that already has data is refused.
    let out = leadback(&new, &["import", "backup", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("already holds data"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_of_the_wrong_kind_is_refused_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("programme.json");
    std::fs::write(
        &file,
        r#"{"format":"leadback-programme","format_version":1}"#,
    )
    .unwrap();
    let out = leadback(&data, &["import", "backup", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a Leadback export"),
        "{}",
        stderr(&out)
    );
    assert!(
        !data.exists(),
        "the data folder was created for a file that was refused"
    );
}

#[test]
fn an_encrypted_database_opens_only_with_the_passphrase_in_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["me", "--name", "Ada"]);
    let mut store = leadback_store::Store::open_in(data).unwrap();
    store.set_passphrase(Some("the back of the line")).unwrap();
    drop(store);

    let out = leadback(data, &["me"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("LEADBACK_PASSPHRASE"),
        "{}",
        stderr(&out)
    );

    let with = |passphrase: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_leadback"))
            .arg("me")
            .env("LEADBACK_DATA_DIR", data)
            .env("LEADBACK_PASSPHRASE", passphrase)
            .output()
            .unwrap()
    };
    let wrong = with("not the passphrase");
    assert!(!wrong.status.success());
    assert!(
        stderr(&wrong).contains("does not open"),
        "{}",
        stderr(&wrong)
    );
    let right = with("the back of the line");
    assert_eq!(String::from_utf8_lossy(&right.stdout).trim(), "Ada");
}

#[test]
fn the_database_in_use_is_neither_restored_over_itself_nor_exported_over() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["me", "--name", "Ada"]);
    let database = leadback_store::paths::database_path(data);
    let database = database.to_str().unwrap();
    refused(
        data,
        &["backup", "restore", database],
        "is the database in use, not a backup of it",
    );
    refused(data, &["export", database], "Nothing was written");
    let wal = format!("{database}-wal");
    refused(data, &["export", &wal], "Nothing was written");
    let me = ok(data, &["me"]);
    assert!(me.contains("Ada"), "{me}");
}
