//! Leaving a group: what the leaving computer changed last still reaches the others, and they
//! stop listing it and stop waiting for it, so their own files are folded into a snapshot as
//! before rather than piling up in the folder for ever.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::path::{Path, PathBuf};

use leadback_actions::sync::{self, Options, Wait};
use leadback_store::{JournalQuery, Store};
use leadback_testkit::{day, now, set_me};

const OPTIONS: Options = Options {
    work_factor: 1,
    compact_after: 3,
};

fn note(store: &mut Store, text: &str) {
    let me = store.me().unwrap().unwrap().id;
    store
        .add_journal_note(me, day(2026, 3, 1), text, now())
        .unwrap();
}

fn has_note(store: &Store, text: &str) -> bool {
    let me = store.me().unwrap().unwrap().id;
    store
        .journal(me, &JournalQuery::default())
        .unwrap()
        .iter()
        .any(|entry| entry.text == text)
}

fn sync_now(store: &mut Store) -> sync::Outcome {
    sync::sync_now(store, OPTIONS, now(), &mut |_, _| {}).unwrap()
}

/// The files a computer keeps in the folder (its card aside).
fn files_of(folder: &Path, store: &Store) -> usize {
    let device = sync::status(store)
        .unwrap()
        .devices
        .into_iter()
        .find(|d| d.this_device)
        .unwrap()
        .id;
    std::fs::read_dir(folder.join(device))
        .unwrap()
        .filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("card")
        })
        .count()
}

/// A laptop that started a group and a desktop that joined it, each with "me", both synced.
struct Paired {
    root: tempfile::TempDir,
    folder: PathBuf,
    laptop: Store,
    desktop: Store,
}

fn paired() -> Paired {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    let mut laptop = Store::open_in(&root.path().join("laptop")).unwrap();
    set_me(&mut laptop, "Ada");
    let code = sync::start(&mut laptop, &folder, "Laptop", OPTIONS, now())
        .unwrap()
        .code;
    let mut desktop = Store::open_in(&root.path().join("desktop")).unwrap();
    set_me(&mut desktop, "Ada");
    let joining = &mut |_, _| {};
    sync::join(
        &mut desktop,
        &folder,
        &code,
        "Desktop",
        OPTIONS,
        now(),
        joining,
    )
    .unwrap();
    sync_now(&mut laptop);
    Paired {
        root,
        folder,
        laptop,
        desktop,
    }
}

/// The names of the computers `store` lists.
fn listed(store: &Store) -> Vec<String> {
    let devices = sync::status(store).unwrap().devices;
    devices.into_iter().map(|d| d.name).collect()
}

#[test]
fn a_computer_that_leaves_sends_its_last_changes_and_is_waited_for_no_more() {
    let Paired {
        root,
        folder,
        mut laptop,
        mut desktop,
    } = paired();

    // The desktop's last change is not in the folder yet when it leaves.
    note(&mut desktop, "Written on the desktop just before it left");
    sync::leave(&mut desktop, Wait::No).unwrap();
    assert!(!sync::status(&desktop).unwrap().in_group);
    sync_now(&mut laptop);
    assert!(has_note(
        &laptop,
        "Written on the desktop just before it left"
    ));
    assert_eq!(listed(&laptop), ["Laptop"], "the desktop is still listed");

    // Alone in the group, the laptop folds its files as before: a snapshot and at most
    // `compact_after` files after it, however many syncs it makes.
    for n in 0..10 {
        note(&mut laptop, &format!("Laptop note {n}"));
        sync_now(&mut laptop);
        let files = files_of(&folder, &laptop);
        assert!(
            files <= OPTIONS.compact_after + 1,
            "{files} files after {n} syncs"
        );
    }

    // A computer joining now gets everything from the snapshot.
    let mut tablet = Store::open_in(&root.path().join("tablet")).unwrap();
    let code = sync::new_code(&laptop, OPTIONS, Wait::No).unwrap().code;
    sync::join(
        &mut tablet,
        &folder,
        &code,
        "Tablet",
        OPTIONS,
        now(),
        &mut |_, _| {},
    )
    .unwrap();
    for text in [
        "Laptop note 0",
        "Laptop note 9",
        "Written on the desktop just before it left",
    ] {
        assert!(has_note(&tablet, text), "{text}");
    }
}

#[test]
fn a_computer_that_will_not_sync_again_can_be_forgotten_and_is_waited_for_no_more() {
    let Paired {
        root: _root,
        folder,
        mut laptop,
        mut desktop,
    } = paired();

    // The laptop is lost. The desktop's files wait for it, then it is forgotten.
    for n in 0..5 {
        note(&mut desktop, &format!("Desktop note {n}"));
        sync_now(&mut desktop);
    }
    assert!(files_of(&folder, &desktop) > OPTIONS.compact_after + 1);
    for (refused, why) in [
        ("Desktop", "That is this computer"),
        ("desktop", "That is this computer"),
        ("Phone", "No other computer of this group goes by “Phone”"),
    ] {
        let err = sync::forget(&desktop, refused, Wait::No).unwrap_err();
        assert!(err.to_string().contains(why), "{refused}: {err}");
    }
    assert_eq!(
        listed(&desktop),
        ["Desktop", "Laptop"],
        "a refusal forgot someone"
    );
    assert_eq!(
        sync::forget(&desktop, "laptop", Wait::No).unwrap(),
        "Laptop"
    );
    assert_eq!(listed(&desktop), ["Desktop"]);
    note(&mut desktop, "Desktop note 5");
    sync_now(&mut desktop);
    assert!(files_of(&folder, &desktop) <= OPTIONS.compact_after + 1);

    // Found again after all, the laptop syncs, is listed again, and catches up.
    sync_now(&mut laptop);
    assert!(has_note(&laptop, "Desktop note 5"));
    assert_eq!(listed(&desktop), ["Desktop", "Laptop"]);
}
