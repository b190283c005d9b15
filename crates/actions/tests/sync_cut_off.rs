//! A start or a join whose first records cannot be put in the folder (a full disk, a stick pulled
//! out, a share that dropped) fails with the reason and leaves this computer as it was: not in a
//! group, nothing of it left in the folder, so that starting or joining again works and brings
//! every record across. The fail point `sync-folder-write` stands in for the folder failing; it
//! lives in its own test binary because fail points are set for the whole process.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::path::{Path, PathBuf};

use fail::FailScenario;
use leadback_actions::ActionError;
use leadback_actions::sync::{self, Options};
use leadback_store::{JournalQuery, Store};
use leadback_testkit::{day, now, set_me};

const OPTIONS: Options = Options {
    work_factor: 1,
    compact_after: 3,
};

const FOLDER_WRITE: &str = "sync-folder-write";

/// A computer with "me" and one journal note of its own.
fn computer(root: &Path, name: &str) -> Store {
    let mut store = Store::open_in(&root.join(name)).unwrap();
    let me = set_me(&mut store, "Ada");
    store
        .add_journal_note(
            me,
            day(2026, 3, 1),
            &format!("Written on the {name}"),
            now(),
        )
        .unwrap();
    store
}

/// How many of the journal's entries on `store` read `text`.
fn notes(store: &Store, text: &str) -> usize {
    let me = store.me().unwrap().unwrap().id;
    store
        .journal(me, &JournalQuery::default())
        .unwrap()
        .into_iter()
        .filter(|entry| entry.text == text)
        .count()
}

fn join(desktop: &mut Store, folder: &Path, code: &str) -> Result<sync::Outcome, ActionError> {
    sync::join(
        desktop,
        folder,
        code,
        "Desktop",
        OPTIONS,
        now(),
        &mut |_, _| {},
    )
}

fn entries(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A folder the sync tool keeps, made already, in a place of the test's own.
fn shared_folder() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    (root, folder)
}

/// A start with the folder's writes failing as `config` says (see `fail::cfg`).
fn start_failing(laptop: &mut Store, folder: &Path, config: &str) -> ActionError {
    fail::cfg(FOLDER_WRITE, config).unwrap();
    let started = sync::start(laptop, folder, "Laptop", OPTIONS, now());
    fail::remove(FOLDER_WRITE);
    started.unwrap_err()
}

/// The laptop starts (again), and a desktop joining gets the laptop's note, once.
fn starts_and_the_desktop_joins(laptop: &mut Store, root: &Path, folder: &Path) {
    let started = sync::start(laptop, folder, "Laptop", OPTIONS, now()).unwrap();
    let mut desktop = computer(root, "desktop");
    join(&mut desktop, folder, &started.code).unwrap();
    assert_eq!(notes(&desktop, "Written on the laptop"), 1);
}

fn assert_as_before(store: &Store, what: &str) {
    let status = sync::status(store).unwrap();
    assert!(!status.in_group, "{what}: still in a group");
    assert_eq!(status.folder, None, "{what}");
}

#[test]
fn a_start_that_cannot_put_its_records_in_the_folder_leaves_nothing_and_can_start_again() {
    let scenario = FailScenario::setup();
    let (root, folder) = shared_folder();
    let mut laptop = computer(root.path(), "laptop");

    // A start writes the group's key, then its snapshot, then its card: each of the last two
    // failing in turn.
    for (failing, config) in [("snapshot", "1*off->return"), ("card", "2*off->return")] {
        let err = start_failing(&mut laptop, &folder, config);
        assert!(
            err.to_string().contains("cannot be written to"),
            "{failing}: {err}"
        );
        assert_as_before(&laptop, failing);
        assert_eq!(
            entries(&folder),
            Vec::<String>::new(),
            "{failing}: left in the folder"
        );
    }

    // A folder the start made itself goes again.
    let made = root.path().join("made by the start");
    start_failing(&mut laptop, &made, "1*off->return");
    assert_as_before(&laptop, "in a folder it made");
    assert!(!made.exists(), "the folder it made is still there");

    // Starting again works, and a computer joining gets the laptop's note once.
    starts_and_the_desktop_joins(&mut laptop, root.path(), &folder);
    scenario.teardown();
}

#[test]
fn a_start_that_cannot_take_its_key_away_takes_it_away_when_started_again() {
    let scenario = FailScenario::setup();
    let (root, folder) = shared_folder();
    let mut laptop = computer(root.path(), "laptop");
    // The snapshot cannot be written, and the key it wrote a moment before cannot be taken away
    // (the stick was pulled out): here, the key is put back as the folder would still hold it.
    start_failing(&mut laptop, &folder, "1*off->return");
    std::fs::write(
        folder.join("leadback-sync.key"),
        b"the key of the start that failed",
    )
    .unwrap();
    assert_eq!(
        entries(&folder),
        ["leadback-sync.key"],
        "the key's file name"
    );
    assert_as_before(&laptop, "after the failed start");

    starts_and_the_desktop_joins(&mut laptop, root.path(), &folder);
    scenario.teardown();
}

#[test]
fn a_join_that_cannot_put_its_records_in_the_folder_leaves_nothing_and_can_join_again() {
    let scenario = FailScenario::setup();
    let (root, folder) = shared_folder();
    let mut laptop = computer(root.path(), "laptop");
    let started = sync::start(&mut laptop, &folder, "Laptop", OPTIONS, now()).unwrap();
    let before = entries(&folder);
    let mut desktop = computer(root.path(), "desktop");

    // A join's first write to the folder is its snapshot.
    fail::cfg(FOLDER_WRITE, "return").unwrap();
    let err = join(&mut desktop, &folder, &started.code).unwrap_err();
    fail::remove(FOLDER_WRITE);
    assert!(err.to_string().contains("cannot be written to"), "{err}");
    assert_as_before(&desktop, "after the failed join");
    assert_eq!(
        entries(&folder),
        before,
        "the desktop left something in the folder"
    );
    let outcome = sync::sync_now(&mut laptop, OPTIONS, now(), &mut |_, _| {}).unwrap();
    assert!(outcome.refused.is_empty(), "{outcome:?}");
    assert_eq!(sync::status(&laptop).unwrap().devices.len(), 1);

    // Joining again is not refused as "already syncs", and both notes end up on both.
    join(&mut desktop, &folder, &started.code).unwrap();
    sync::sync_now(&mut laptop, OPTIONS, now(), &mut |_, _| {}).unwrap();
    for store in [&laptop, &desktop] {
        assert_eq!(notes(store, "Written on the laptop"), 1);
        assert_eq!(notes(store, "Written on the desktop"), 1);
    }
    scenario.teardown();
}
