//! Backups are real, checked copies; restoring one brings its data back and keeps a copy of what
//! was there; a damaged database is set aside, never deleted, when a backup takes its place.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use leadback_core::PersonName;
use leadback_store::backup::{self, BackupReason};
use leadback_store::{Store, StoreError, paths};

fn at(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

/// A store in a fresh data folder holding "me" and one journal note.
fn store_with_note(dir: &Path, note: &str) -> (Store, i64) {
    let mut store = Store::open_in(dir).unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Ada").unwrap(), at(1, 9))
        .unwrap();
    store
        .add_journal_note(me.id, day(), note, at(1, 9))
        .unwrap();
    (store, me.id)
}

fn notes(store: &Store, person: i64) -> Vec<String> {
    store
        .journal(person, &Default::default())
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_is_a_checked_copy_beside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store_with_note(dir.path(), "first light");

    let taken = store
        .backup_now(BackupReason::Manual, at(22, 7))
        .unwrap()
        .unwrap();

    assert_eq!(
        taken.path.parent(),
        Some(dir.path().join("backups").as_path())
    );
    assert!(taken.bytes > 0);
    assert_eq!(
        backup::verify(&taken.path, None).unwrap(),
        leadback_store::latest_schema_version()
    );
    let copy = Store::open(&taken.path).unwrap();
    let me = copy.me().unwrap().unwrap();
    assert_eq!(notes(&copy, me.id), ["first light"]);
    let listed = backup::list_backups(&dir.path().join("backups")).unwrap();
    assert_eq!(listed, [taken]);
}

#[test]
fn many_backups_in_the_same_second_keep_the_newest_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store_with_note(dir.path(), "n");
    let mut made = Vec::new();
    for _ in 0..15 {
        let taken = store
            .backup_now(BackupReason::Manual, at(22, 7))
            .unwrap()
            .unwrap();
        assert!(taken.path.is_file(), "the backup just made was rotated out");
        made.push(taken.path);
    }
    let kept: Vec<_> = backup::list_backups(&store.backups_dir().unwrap())
        .unwrap()
        .into_iter()
        .map(|b| b.path)
        .collect();
    assert_eq!(kept, [made[14].clone(), made[13].clone(), made[12].clone()]);
}

#[test]
fn a_database_in_memory_has_no_backups() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(
        store.backup_now(BackupReason::Manual, at(22, 7)).unwrap(),
        None
    );
}

#[test]
fn the_daily_backup_is_taken_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store_with_note(dir.path(), "n");

    assert!(store.backup_if_due(at(22, 7)).unwrap().is_some());
    assert!(store.backup_if_due(at(22, 18)).unwrap().is_none());
    let next = store.backup_if_due(at(23, 7)).unwrap().unwrap();
    assert_eq!(next.reason, BackupReason::Daily);
    assert_eq!(
        backup::list_backups(&store.backups_dir().unwrap())
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn the_daily_backup_can_be_taken_beside_an_open_store() {
    let dir = tempfile::tempdir().unwrap();
    let (store, me) = store_with_note(dir.path(), "kept while open");
    let database = paths::database_path(dir.path());

    let taken = backup::backup_file_if_due(&database, None, at(22, 7))
        .unwrap()
        .unwrap();
    assert!(
        backup::backup_file_if_due(&database, None, at(22, 8))
            .unwrap()
            .is_none()
    );

    let copy = Store::open(&taken.path).unwrap();
    assert_eq!(notes(&copy, me), ["kept while open"]);
    drop(store);
}

#[test]
fn rotation_removes_old_backups_but_never_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store_with_note(dir.path(), "n");
    let backups = store.backups_dir().unwrap();
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::write(backups.join("my-own-copy.sqlite3"), b"mine").unwrap();

    // One backup a day through October and November.
    let start = Utc.with_ymd_and_hms(2026, 10, 1, 8, 0, 0).unwrap();
    for i in 0..53 {
        store
            .backup_if_due(start + chrono::Duration::days(i))
            .unwrap()
            .unwrap();
    }

    let names = names_in(&backups);
    assert!(names.contains(&"my-own-copy.sqlite3".to_owned()));
    let kept = backup::list_backups(&backups).unwrap();
    // Seven days, plus the newest of three earlier weeks.
    assert_eq!(kept.len(), 7 + 3, "{names:?}");
    assert_eq!(kept[0].taken_at, start + chrono::Duration::days(52));
}

#[test]
fn restoring_brings_the_backup_back_and_keeps_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_note(dir.path(), "before");
    let taken = store
        .backup_now(BackupReason::Manual, at(22, 7))
        .unwrap()
        .unwrap();
    store
        .add_journal_note(me, day(), "after", at(22, 8))
        .unwrap();

    let safety = store
        .restore_backup(&taken.path, at(22, 9))
        .unwrap()
        .unwrap();

    assert_eq!(notes(&store, me), ["before"]);
    assert_eq!(safety.reason, BackupReason::BeforeRestore);
    let kept = Store::open(&safety.path).unwrap();
    assert_eq!(notes(&kept, me).len(), 2);
    // The restored data is the database now: it survives reopening, and search still works.
    drop(store);
    let reopened = Store::open_in(dir.path()).unwrap();
    assert_eq!(notes(&reopened, me), ["before"]);
    let found = reopened
        .journal(
            me,
            &leadback_store::JournalQuery {
                search: Some("before"),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(found.len(), 1);
}

#[test]
fn the_same_backup_restored_again_and_again_is_never_rotated_away() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_note(dir.path(), "before");
    let taken = store
        .backup_now(BackupReason::Manual, at(22, 7))
        .unwrap()
        .unwrap();
    // Named the way a person might type it: through the folder's "..".
    let typed = taken
        .path
        .parent()
        .unwrap()
        .join("..")
        .join(taken.path.parent().unwrap().file_name().unwrap())
        .join(taken.path.file_name().unwrap());
    // Each restore keeps a safety backup of the same day; with more than the newest few of a
    // day, rotation would take the one being restored.
    for hour in 8..8 + backup::KEEP_NEWEST as u32 + 2 {
        store
            .add_journal_note(me, day(), "after", at(22, hour))
            .unwrap();
        store.restore_backup(&typed, at(22, hour)).unwrap();
        assert_eq!(notes(&store, me), ["before"], "restore at {hour}:00");
    }
    assert!(taken.path.exists());
}

#[test]
fn a_file_that_is_not_a_good_backup_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_note(dir.path(), "kept");
    let other = tempfile::tempdir().unwrap();

    let text = other.path().join("notes.sqlite3");
    std::fs::write(&text, "just some text, not a database").unwrap();
    let foreign = other.path().join("foreign.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 3;")
        .unwrap();
    let newer = other.path().join("newer.sqlite3");
    {
        let (s, _) = store_with_note(&other.path().join("n"), "x");
        s.backup_now(BackupReason::Manual, at(22, 7)).unwrap();
    }
    std::fs::copy(other.path().join("n/leadback.sqlite3"), &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999;")
        .unwrap();
    let missing = other.path().join("missing.sqlite3");

    for (file, says) in [
        (&text, "not a SQLite database"),
        (&foreign, "not a Leadback database"),
        (&newer, "newer Leadback"),
        (&missing, "no such file"),
    ] {
        let err = store.restore_backup(file, at(22, 9)).unwrap_err();
        assert!(matches!(err, StoreError::BadBackup { .. }), "{err}");
        assert!(err.to_string().contains(says), "{err}");
    }
    assert_eq!(notes(&store, me), ["kept"]);
    assert!(
        backup::list_backups(&store.backups_dir().unwrap())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_damaged_backup_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store_with_note(dir.path(), "n");
    let taken = store
        .backup_now(BackupReason::Manual, at(22, 7))
        .unwrap()
        .unwrap();
    corrupt(&taken.path);
    let err = backup::verify(&taken.path, None).unwrap_err();
    assert!(matches!(err, StoreError::BadBackup { .. }), "{err}");
    assert_eq!(
        backup::newest_good_backup(&store.backups_dir().unwrap(), None).unwrap(),
        None
    );
}

/// Overwrites the middle of the file's pages with garbage, leaving the header intact.
fn corrupt(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.len() > 8192,
        "the test database is too small to corrupt"
    );
    let end = bytes.len() - 100;
    for b in &mut bytes[4096..end] {
        *b = 0x5a;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_database_is_set_aside_and_the_newest_good_backup_put_in_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (store, me) = store_with_note(dir.path(), "saved yesterday");
    store.backup_now(BackupReason::Daily, at(21, 7)).unwrap();
    let newest = store
        .backup_now(BackupReason::Manual, at(22, 7))
        .unwrap()
        .unwrap();
    drop(store);
    corrupt(&newest.path);
    let database = paths::database_path(dir.path());
    corrupt(&database);
    let damaged_bytes = std::fs::read(&database).unwrap();

    let err = Store::open_in(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::Damaged { .. }), "{err}");

    let good = backup::newest_good_backup(&dir.path().join("backups"), None)
        .unwrap()
        .unwrap();
    assert_eq!(
        good.taken_at,
        at(21, 7),
        "the damaged newer backup is skipped"
    );
    let aside = backup::recover_from_backup(dir.path(), &good.path, None, at(22, 10)).unwrap();

    assert_eq!(
        std::fs::read(&aside).unwrap(),
        damaged_bytes,
        "the damaged file is kept as it was"
    );
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(notes(&store, me), ["saved yesterday"]);
}

#[test]
fn upgrading_an_old_database_keeps_a_copy_of_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leadback.sqlite3");
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/schema-v1.sqlite3");
    std::fs::copy(&fixture, &path).unwrap();

    Store::open(&path).unwrap();

    let backups = backup::list_backups(&dir.path().join("backups")).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, BackupReason::BeforeMigration);
    assert_eq!(
        backup::verify(&backups[0].path, None).unwrap(),
        1,
        "the copy is of the old schema"
    );
    // Opening the upgraded database again takes no further copy.
    Store::open(&path).unwrap();
    assert_eq!(
        backup::list_backups(&dir.path().join("backups"))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_deferred_start_up_check_still_finds_damage() {
    let dir = tempfile::tempdir().unwrap();
    let (store, me) = store_with_note(dir.path(), "n");
    for n in 0..300 {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(n);
        let text = format!(
            "a longer note to fill pages, number {n}, {}",
            "words ".repeat(20)
        );
        let mut store = Store::open_in(dir.path()).unwrap();
        store.add_journal_note(me, day, &text, at(1, 9)).unwrap();
    }
    drop(store);
    let database = paths::database_path(dir.path());

    let healthy = Store::open_in_deferring_check(dir.path(), None).unwrap();
    assert!(healthy.check_pending());
    leadback_store::quick_check_file(&database, None).unwrap();
    drop(healthy);

    // Damage only the last pages (journal text), leaving the schema readable.
    let mut bytes = std::fs::read(&database).unwrap();
    let len = bytes.len();
    bytes[len * 2 / 3..len - 100].fill(0x5a);
    std::fs::write(&database, bytes).unwrap();
    // The schema is intact, so opening without the check succeeds; the check itself does not.
    let opened = Store::open_in_deferring_check(dir.path(), None).unwrap();
    assert!(opened.check_pending());
    let err = leadback_store::quick_check_file(&database, None).unwrap_err();
    assert!(matches!(err, StoreError::Damaged { .. }), "{err}");
    drop(opened);
    let checked = Store::open_in(dir.path());
    assert!(
        matches!(checked, Err(StoreError::Damaged { .. })),
        "a normal open checks at once"
    );
}
