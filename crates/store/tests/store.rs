//! The store against real SQLite files: first run, persistence, refusal of files it must not touch.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::{TimeZone, Utc};
use leadback_core::{PersonKind, PersonName};
use leadback_store::{Integrity, Store, StoreError, latest_schema_version, paths};

fn name(raw: &str) -> PersonName {
    PersonName::parse(raw).unwrap_or_else(|err| panic!("{raw:?} should be a valid name: {err}"))
}

#[test]
fn first_run_creates_the_folder_and_a_migrated_database_with_no_one_in_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data_dir = dir.path().join("nested").join("leadback");
    let store = Store::open_in(&data_dir).expect("open");
    assert!(paths::database_path(&data_dir).is_file());
    assert_eq!(
        store.schema_version().expect("version"),
        latest_schema_version()
    );
    assert_eq!(
        store.me().expect("me"),
        None,
        "a new database has no profile yet"
    );
}

#[test]
fn my_name_survives_closing_and_reopening_and_renaming_keeps_one_me() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t0 = Utc
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .expect("t0");
    let t1 = Utc
        .with_ymd_and_hms(2026, 2, 1, 18, 30, 0)
        .single()
        .expect("t1");
    {
        let mut store = Store::open_in(dir.path()).expect("open");
        let me = store.set_my_name(&name("Ada"), t0).expect("save");
        assert_eq!(
            (me.kind, me.name.as_str(), me.created_at),
            (PersonKind::Me, "Ada", t0)
        );
    }
    let mut store = Store::open_in(dir.path()).expect("reopen");
    assert_eq!(store.me().expect("me").map(|p| p.name), Some("Ada".into()));

    let renamed = store.set_my_name(&name("Ada L."), t1).expect("rename");
    assert_eq!((renamed.created_at, renamed.updated_at), (t0, t1));
    let info = store.info().expect("info");
    let people = info
        .counts
        .iter()
        .find(|c| c.table == "person")
        .map(|c| c.rows);
    assert_eq!(people, Some(1), "renaming must not add a second \"me\"");
}

#[test]
fn info_reports_a_healthy_file_and_its_tables() {
    let store = Store::open_in_memory().expect("open");
    let info = store.info().expect("info");
    assert_eq!(info.integrity, Integrity::Ok);
    assert_eq!(info.schema_version, latest_schema_version());
    assert!(
        info.counts
            .iter()
            .any(|c| c.table == "person" && c.rows == 0)
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = paths::database_path(dir.path());
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.pragma_update(None, "user_version", latest_schema_version() + 1)
            .expect("set version");
    }
    let before = std::fs::read(&path).expect("read");
    match Store::open(&path) {
        Err(StoreError::NewerSchema {
            found, supported, ..
        }) => {
            assert_eq!(
                (found, supported),
                (latest_schema_version() + 1, latest_schema_version())
            );
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the file must not be modified"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_reported_as_damaged_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = paths::database_path(dir.path());
    let garbage = b"this is a diary, not a database ".repeat(200);
    std::fs::write(&path, &garbage).expect("write");
    let err = Store::open(&path).expect_err("must refuse");
    assert!(matches!(err, StoreError::Damaged { .. }), "got {err:?}");
    assert!(err.to_string().contains("damaged"), "message: {err}");
    assert_eq!(std::fs::read(&path).expect("read"), garbage);
}
