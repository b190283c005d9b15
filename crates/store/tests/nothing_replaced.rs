//! Where two features write the same day's record, what the person wrote first stays: finishing
//! an exercise adds its reflections after the check-in note in one transaction; a check-in or an
//! energy level given without a note keeps the note; a library habit added again is the one the
//! person has; a Loop import leaves a day the person already filled in as it is.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use leadback_core::habits::{CheckState, HabitName, NOTE_MAX_CHARS, Schedule};
use leadback_store::loop_import::read_backup;
use leadback_store::{LinkedCheckIn, NewHabit, Store, StoreError};
use leadback_testkit::{now, set_me, today};

/// Ada with the library habit "listen-before-speaking".
fn ada() -> (Store, i64, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let me = set_me(&mut store, "Ada");
    let name = HabitName::parse("Listen before speaking").unwrap();
    let habit = NewHabit {
        library_id: Some("listen-before-speaking"),
        name: &name,
        stance: None,
        why: None,
        schedule: Schedule::DAILY,
        measure: None,
    };
    let habit = store.add_habit(me, &habit, now()).unwrap().id;
    (store, me, habit)
}

fn linked() -> Option<LinkedCheckIn<'static>> {
    Some(LinkedCheckIn {
        library_id: "listen-before-speaking",
        day: today(),
    })
}

fn run_with(store: &mut Store, me: i64, texts: &[&str]) -> i64 {
    let run = store
        .start_exercise_run(me, "listen-first", 1, None, now())
        .unwrap();
    for (i, text) in texts.iter().enumerate() {
        let step = i64::try_from(i).unwrap();
        store
            .save_reflection(run.id, step, &format!("p{i}"), Some(text), None, now())
            .unwrap();
    }
    run.id
}

#[test]
fn finishing_an_exercise_adds_its_reflections_after_the_persons_note() {
    let (mut store, me, habit) = ada();
    store
        .check_in(
            habit,
            today(),
            Some(CheckState::NotDone),
            Some("Spoke over Jo."),
            now(),
        )
        .unwrap();
    let run = run_with(&mut store, me, &["Jo had the fix.", "Waited longer."]);
    let (finished, check_in) = store
        .finish_exercise_run_with(run, None, linked(), now())
        .unwrap();
    assert!(finished.finished_at.is_some());
    let expected = "Spoke over Jo.\n\nJo had the fix.\n\nWaited longer.";
    let check_in = check_in.unwrap();
    assert_eq!(
        (check_in.state, check_in.note.as_deref()),
        (Some(CheckState::Done), Some(expected))
    );
    let stored = store.check_ins(habit).unwrap();
    assert_eq!(stored[0].note.as_deref(), Some(expected), "as stored");
}

#[test]
fn a_note_near_its_maximum_stays_whole() {
    let (mut store, me, habit) = ada();
    let mine = "m".repeat(NOTE_MAX_CHARS - 1);
    store
        .check_in(habit, today(), Some(CheckState::Done), Some(&mine), now())
        .unwrap();
    let run = run_with(&mut store, me, &["Too long to fit."]);
    store
        .finish_exercise_run_with(run, None, linked(), now())
        .unwrap();
    assert_eq!(
        store.check_ins(habit).unwrap()[0].note.as_deref(),
        Some(mine.as_str())
    );
}

#[test]
fn finishing_a_finished_run_changes_nothing() {
    let (mut store, me, habit) = ada();
    let run = run_with(&mut store, me, &["Once."]);
    store.finish_exercise_run(run, now()).unwrap();
    let err = store
        .finish_exercise_run_with(run, None, linked(), now())
        .unwrap_err();
    assert!(matches!(err, StoreError::Finished { .. }), "{err:?}");
    assert!(
        store.check_ins(habit).unwrap().is_empty(),
        "no check-in either"
    );
}

#[test]
fn a_state_or_energy_given_without_a_note_keeps_the_days_note() {
    let (mut store, me, habit) = ada();
    store
        .check_in(
            habit,
            today(),
            Some(CheckState::NotDone),
            Some("Busy day."),
            now(),
        )
        .unwrap();
    let record = store
        .check_in_keeping_note(habit, today(), CheckState::Done, now())
        .unwrap();
    assert_eq!(record.note.as_deref(), Some("Busy day."));
    assert_eq!(
        store.check_ins(habit).unwrap()[0].state,
        Some(CheckState::Done)
    );

    store
        .set_energy(me, today(), 2, Some("Slept badly."), now())
        .unwrap();
    let energy = store
        .set_energy_keeping_note(me, today(), 4, now())
        .unwrap();
    assert_eq!(
        (energy.level, energy.note.as_deref()),
        (4, Some("Slept badly."))
    );
    assert_eq!(
        store.energy(me).unwrap()[0].note.as_deref(),
        Some("Slept badly.")
    );
}

#[test]
fn a_library_habit_added_again_is_the_one_the_person_has() {
    let (mut store, me, habit) = ada();
    let name = HabitName::parse("Listen before speaking").unwrap();
    let again = NewHabit {
        library_id: Some("listen-before-speaking"),
        name: &name,
        stance: None,
        why: Some("The library's reason."),
        schedule: Schedule::DAILY,
        measure: None,
    };
    let (found, added) = store.library_habit_once(me, &again, now()).unwrap();
    assert_eq!((found.id, added), (habit, false));
    assert_eq!(found.why, None, "their habit as they have it");
    assert_eq!(store.habits(me, true).unwrap().len(), 1);
}

#[test]
fn a_loop_import_leaves_a_day_the_person_filled_in_as_it_is() {
    let fixture = leadback_testkit::loop_fixture("loop-schema12.db");
    let export = read_backup(&fixture).unwrap();
    let (mut store, me, _) = ada();
    store.import_loop(me, "loop.db", &export, now()).unwrap();
    let wake = store
        .habits(me, true)
        .unwrap()
        .into_iter()
        .find(|h| h.name == "Wake up early")
        .unwrap();
    let day = store.check_ins(wake.id).unwrap()[0].day;
    store
        .check_in(
            wake.id,
            day,
            Some(CheckState::Skipped),
            Some("Travelling."),
            now(),
        )
        .unwrap();

    store.import_loop(me, "loop.db", &export, now()).unwrap();
    let entry = store.check_ins(wake.id).unwrap()[0].clone();
    assert_eq!(
        (entry.state, entry.note.as_deref()),
        (Some(CheckState::Skipped), Some("Travelling."))
    );
}
