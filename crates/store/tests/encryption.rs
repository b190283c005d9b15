//! A passphrase encrypts the database at rest (SQLCipher): the file no longer reads as SQLite,
//! only the right passphrase opens it, a wrong one changes nothing, and the backups follow.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::path::Path;

use chrono::NaiveDate;
use leadback_store::backup::{self, BackupReason};
use leadback_store::{JournalQuery, Store, StoreError, paths};
use leadback_testkit::{now, set_me};

const SECRET: &str = "the back of the line";

fn store_with_note(dir: &Path) -> (Store, i64) {
    let mut store = Store::open_in(dir).unwrap();
    let me = set_me(&mut store, "Ada");
    let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    store
        .add_journal_note(me, day, "what I would tell nobody", now())
        .unwrap();
    (store, me)
}

fn found(store: &Store, me: i64, words: &str) -> usize {
    let query = JournalQuery {
        search: Some(words),
        ..Default::default()
    };
    store.journal(me, &query).unwrap().len()
}

fn file_contains(path: &Path, text: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn a_passphrase_encrypts_the_file_and_only_it_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let database = paths::database_path(dir.path());
    let (mut store, me) = store_with_note(dir.path());
    assert!(file_contains(&database, "nobody") || !paths::is_encrypted(&database));

    store.set_passphrase(Some(SECRET)).unwrap();
    assert!(store.is_encrypted());
    assert_eq!(
        found(&store, me, "nobody"),
        1,
        "search still works after re-keying"
    );
    drop(store);

    assert!(paths::is_encrypted(&database));
    assert!(
        !file_contains(&database, "nobody"),
        "the note is readable in the file"
    );
    assert!(matches!(
        Store::open_in(dir.path()),
        Err(StoreError::Locked)
    ));

    let before = std::fs::read(&database).unwrap();
    let wrong = Store::open_in_with(dir.path(), Some("not the passphrase"));
    assert!(
        matches!(wrong, Err(StoreError::WrongPassphrase)),
        "{wrong:?}"
    );
    assert_eq!(
        std::fs::read(&database).unwrap(),
        before,
        "a wrong passphrase wrote to the file"
    );

    let store = Store::open_in_with(dir.path(), Some(SECRET)).unwrap();
    assert_eq!(found(&store, me, "nobody"), 1);
}

#[test]
fn changing_and_removing_the_passphrase_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_note(dir.path());
    store.set_passphrase(Some(SECRET)).unwrap();
    store.set_passphrase(Some("a second passphrase")).unwrap();
    drop(store);
    assert!(matches!(
        Store::open_in_with(dir.path(), Some(SECRET)),
        Err(StoreError::WrongPassphrase)
    ));
    let mut store = Store::open_in_with(dir.path(), Some("a second passphrase")).unwrap();
    store.set_passphrase(None).unwrap();
    drop(store);
    assert!(!paths::is_encrypted(&paths::database_path(dir.path())));
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(found(&store, me, "nobody"), 1);
    assert_eq!(store.me().unwrap().unwrap().name.to_string(), "Ada");
}

#[test]
fn a_short_passphrase_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = store_with_note(dir.path());
    for weak in ["", "short", "        "] {
        let err = store.set_passphrase(Some(weak)).unwrap_err();
        assert!(matches!(err, StoreError::WeakPassphrase { .. }), "{err}");
    }
    assert!(!store.is_encrypted());
    assert!(!paths::is_encrypted(&paths::database_path(dir.path())));
}

#[test]
fn backups_of_an_encrypted_database_are_encrypted_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_note(dir.path());
    let plain = store
        .backup_now(BackupReason::Manual, now())
        .unwrap()
        .unwrap();
    assert!(file_contains(&plain.path, "nobody"));

    // Setting the passphrase re-keys the backups made before.
    let left = store.set_passphrase(Some(SECRET)).unwrap();
    assert!(left.is_empty());
    assert!(paths::is_encrypted(&plain.path));
    assert!(
        !file_contains(&plain.path, "nobody"),
        "an old backup stayed readable"
    );

    let taken = store
        .backup_now(BackupReason::Manual, now())
        .unwrap()
        .unwrap();
    assert!(paths::is_encrypted(&taken.path));
    assert!(backup::verify(&taken.path, None).is_err());
    assert_eq!(
        backup::verify(&taken.path, Some(SECRET)).unwrap(),
        leadback_store::latest_schema_version()
    );

    let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    store
        .add_journal_note(me, day, "after the backup", now())
        .unwrap();
    store.restore_backup(&taken.path, now()).unwrap();
    assert_eq!(found(&store, me, "after"), 0);
    assert_eq!(found(&store, me, "nobody"), 1);

    let database = paths::database_path(dir.path());
    let daily =
        backup::backup_file_if_due(&database, Some(SECRET), now() + chrono::Duration::days(1))
            .unwrap()
            .unwrap();
    assert!(paths::is_encrypted(&daily.path));
}
