//! Exercises, programmes and the day's notes from the terminal: `exercise start|finish` adds a
//! reflection after the day's check-in note; `programme delete` names what goes and needs --yes;
//! a check-in or an energy level given without --note keeps the note already written.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::Path;

use common::{ok, refused};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::builtin_library;
use leadback_core::programmes;
use leadback_store::{Store, StoredProgramme};
use leadback_testkit::{now, set_me};

/// Today's note of the one habit, as stored.
fn todays_note(dir: &Path) -> Option<String> {
    let store = Store::open_in(dir).unwrap();
    let me = store.me().unwrap().unwrap().id;
    let habit = store.habits(me, true).unwrap()[0].id;
    store.check_ins(habit).unwrap().pop().and_then(|c| c.note)
}

fn with_habit(dir: &Path) {
    ok(dir, &["me", "--name", "Ada"]);
    ok(dir, &["habits", "add", "listen-before-speaking"]);
}

/// Checks in the one habit, "Listen before speaking", today, with `more` arguments.
fn check_in(dir: &Path, more: &[&str]) {
    ok(dir, &[&["habits", "check", "Listen"], more].concat());
}

fn start(dir: &Path, exercise: &str) -> String {
    let started = ok(dir, &["exercise", "start", exercise]);
    assert!(started.starts_with("Started"), "{started}");
    started
        .split("run ")
        .nth(1)
        .unwrap()
        .split('.')
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn finishing_an_exercise_adds_the_reflection_after_the_days_note() {
    let dir = tempfile::tempdir().unwrap();
    with_habit(dir.path());
    check_in(dir.path(), &["--note", "Let Mia finish her point."]);
    let run = start(dir.path(), "listen-first");
    let finished = ok(
        dir.path(),
        &[
            "exercise",
            "finish",
            &run,
            "--reflection",
            "Stand-up with Mia.",
            "--check-in",
        ],
    );
    assert!(
        finished.contains("Listen before speaking: done on"),
        "{finished}"
    );
    assert_eq!(
        todays_note(dir.path()).as_deref(),
        Some("Let Mia finish her point.\n\nStand-up with Mia.")
    );
    let journal = ok(dir.path(), &["journal", "--search", "Stand-up"]);
    assert!(journal.contains("reflection"), "{journal}");
}

#[test]
fn bad_exercise_arguments_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["me", "--name", "Ada"]);
    refused(
        dir.path(),
        &["exercise", "start", "juggling"],
        "There is no exercise \"juggling\"",
    );
    let run = start(dir.path(), "listen-first");
    refused(
        dir.path(),
        &["exercise", "finish", &run, "--check-in"],
        "You have no habit “Listen before speaking” to check in",
    );
    refused(
        dir.path(),
        &[
            "exercise",
            "finish",
            &run,
            "--reflection",
            &"x".repeat(6_000),
        ],
        "too long",
    );
    refused(
        dir.path(),
        &["exercise", "finish", "9999"],
        "You have no exercise run 9999",
    );
    ok(dir.path(), &["exercise", "finish", &run]);
    refused(
        dir.path(),
        &["exercise", "finish", &run],
        "is finished already",
    );
}

#[test]
fn a_check_in_or_energy_without_a_note_keeps_the_note_already_written() {
    let dir = tempfile::tempdir().unwrap();
    with_habit(dir.path());
    check_in(
        dir.path(),
        &["--state", "not-done", "--note", "Spoke over Jo."],
    );
    check_in(dir.path(), &[]);
    assert_eq!(todays_note(dir.path()).as_deref(), Some("Spoke over Jo."));
    check_in(dir.path(), &["--note", ""]);
    assert_eq!(todays_note(dir.path()), None, "an empty --note removes it");

    ok(dir.path(), &["energy", "2", "--note", "Slept badly."]);
    ok(dir.path(), &["energy", "4"]);
    let store = Store::open_in(dir.path()).unwrap();
    let me = store.me().unwrap().unwrap().id;
    let energy = store.energy(me).unwrap();
    assert_eq!(
        (energy[0].level, energy[0].note.as_deref()),
        (4, Some("Slept badly."))
    );
}

/// The built-in sample programme, and a copy of it under an id and title of its own.
fn sample_and_copy(id: &str, title: &str) -> (programmes::Programme, programmes::Programme) {
    let builtin = programmes::builtin(
        &ExerciseLibrary::builtin().unwrap(),
        &builtin_library().unwrap(),
    )
    .unwrap();
    let sample = builtin[0].clone();
    let mut mine = sample.clone();
    mine.id = id.into();
    mine.title = title.into();
    (sample, mine)
}

#[test]
fn deleting_a_programme_says_what_goes_and_needs_yes() {
    let dir = tempfile::tempdir().unwrap();
    let sample = {
        let mut store = Store::open_in(dir.path()).unwrap();
        let me = set_me(&mut store, "Ada");
        let (builtin, mine) = sample_and_copy("my-retreat", "My retreat");
        store
            .save_programme(
                &StoredProgramme {
                    id: mine.id.clone(),
                    version: 1,
                    title: mine.title.clone(),
                    body: mine.export_file(),
                    origin: "authored".into(),
                },
                now(),
            )
            .unwrap();
        store
            .set_programme_item_done(me, "my-retreat", "walk", true, now())
            .unwrap();
        builtin.id.clone()
    };
    refused(
        dir.path(),
        &["programme", "delete", "my-retreat"],
        "deletes “My retreat” with 1 item ticked off in it and 0 participant results files",
    );
    refused(
        dir.path(),
        &["programme", "delete", &sample, "--yes"],
        "comes with Leadback",
    );
    refused(
        dir.path(),
        &["programme", "delete", "nope", "--yes"],
        "There is no programme \"nope\"",
    );
    let deleted = ok(dir.path(), &["programme", "delete", "my-retreat", "--yes"]);
    assert!(deleted.starts_with("Deleted “My retreat”"), "{deleted}");
    assert!(
        Store::open_in(dir.path())
            .unwrap()
            .programmes()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_programme_file_is_imported_once_checked_and_never_over_a_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["me", "--name", "Ada"]);
    let (builtin, mine) = sample_and_copy("spring-retreat", "Spring retreat");
    let file = dir.path().join("spring.toml");
    std::fs::write(&file, mine.export_file()).unwrap();
    let same_as_builtin = dir.path().join("sample.toml");
    std::fs::write(&same_as_builtin, builtin.export_file()).unwrap();
    let binary = dir.path().join("photo.toml");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x81]).unwrap();

    refused(
        dir.path(),
        &["programme", "import", same_as_builtin.to_str().unwrap()],
        "comes with Leadback",
    );
    refused(
        dir.path(),
        &["programme", "import", binary.to_str().unwrap()],
        "is not a text file",
    );
    assert!(
        Store::open_in(dir.path())
            .unwrap()
            .programmes()
            .unwrap()
            .is_empty()
    );

    let imported = ok(dir.path(), &["programme", "import", file.to_str().unwrap()]);
    assert!(
        imported.starts_with("Imported “Spring retreat”"),
        "{imported}"
    );
    let stored = Store::open_in(dir.path()).unwrap().programmes().unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].id, "spring-retreat");
    assert_eq!(stored[0].origin, "imported");
    // It can be shared on as the app would.
    let out = dir.path().join("out.toml");
    ok(
        dir.path(),
        &[
            "programme",
            "export",
            "spring-retreat",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read_to_string(out).unwrap(), mine.export_file());
}

#[test]
fn a_library_habit_is_added_once_and_a_refused_finish_keeps_no_reflection() {
    let dir = tempfile::tempdir().unwrap();
    with_habit(dir.path());
    let again = ok(dir.path(), &["habits", "add", "listen-before-speaking"]);
    assert!(again.contains("already"), "{again}");
    let store = Store::open_in(dir.path()).unwrap();
    let me = store.me().unwrap().unwrap().id;
    assert_eq!(store.habits(me, true).unwrap().len(), 1);
    drop(store);

    // "Collective genius" goes with a habit Ada has not added: the finish is refused
    // whole, so the reflection given with it is not kept either.
    let run = start(dir.path(), "collective-genius");
    refused(
        dir.path(),
        &[
            "exercise",
            "finish",
            &run,
            "--reflection",
            "Counted to three.",
            "--check-in",
        ],
        "to check in",
    );
    let store = Store::open_in(dir.path()).unwrap();
    let kept = store.exercise_run(run.parse().unwrap()).unwrap();
    assert!(kept.finished_at.is_none());
    assert!(kept.reflections.is_empty(), "{:?}", kept.reflections);
}

#[test]
fn a_journal_note_for_a_day_to_come_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["me", "--name", "Ada"]);
    refused(
        dir.path(),
        &["journal", "add", "Plans.", "--date", "2999-01-01"],
        "2999-01-01 is still to come",
    );
    let listed = ok(dir.path(), &["journal"]);
    assert!(listed.starts_with("Nothing in the journal"), "{listed}");
}
