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

#[test]
fn deleting_a_programme_says_what_goes_and_needs_yes() {
    let dir = tempfile::tempdir().unwrap();
    let sample = {
        let mut store = Store::open_in(dir.path()).unwrap();
        let me = set_me(&mut store, "Ada");
        let builtin = programmes::builtin(
            &ExerciseLibrary::builtin().unwrap(),
            &builtin_library().unwrap(),
        )
        .unwrap();
        let mut mine = builtin[0].clone();
        mine.id = "my-retreat".into();
        mine.title = "My retreat".into();
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
        builtin[0].id.clone()
    };
    refused(
        dir.path(),
        &["programme", "delete", "my-retreat"],
        "deletes “My retreat” with 1 item(s) ticked off in it and 0 participant results file(s)",
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
