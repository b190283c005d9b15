//! Habits, check-ins, energy and reminders as stored.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use leadback_core::PersonName;
use leadback_core::habits::{CheckState, HabitName, HabitStance, Schedule};
use leadback_store::{NewHabit, Store, StoreError};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn setup() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Ada").unwrap(), now)
        .unwrap()
        .id;
    (dir, store, me)
}

fn add(store: &mut Store, me: i64, name: &str) -> i64 {
    let name = HabitName::parse(name).unwrap();
    let habit = NewHabit {
        library_id: Some("let-others-go-first"),
        name: &name,
        stance: Some(HabitStance::Behind),
        why: Some("So others can step up."),
        schedule: Schedule::DAILY,
        measure: None,
    };
    store.add_habit(me, &habit, Utc::now()).unwrap().id
}

#[test]
fn habits_keep_their_order_and_archived_ones_move_out_of_the_list() {
    let (_dir, mut store, me) = setup();
    let a = add(&mut store, me, "Let someone else go first");
    let b = add(&mut store, me, "Listen before speaking");
    let c = add(&mut store, me, "Take a real break");
    let names = |s: &Store, all| {
        s.habits(me, all)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&store, false), [a, b, c]);

    store.reorder_habits(me, &[c, a, b]).unwrap();
    assert_eq!(names(&store, false), [c, a, b]);

    store.set_habit_archived(a, true, Utc::now()).unwrap();
    assert_eq!(names(&store, false), [c, b]);
    assert_eq!(names(&store, true), [c, b, a], "archived habits come last");
    store.set_habit_archived(a, false, Utc::now()).unwrap();
    assert_eq!(names(&store, false), [c, a, b]);

    let err = store.reorder_habits(me, &[c, 999]).unwrap_err();
    assert!(matches!(err, StoreError::NotFound { id: 999, .. }));
    assert_eq!(
        names(&store, false),
        [c, a, b],
        "a refused reorder changes nothing"
    );
}

#[test]
fn a_check_in_is_on_disk_when_the_call_returns_and_can_be_changed_or_cleared() {
    let (dir, mut store, me) = setup();
    let habit = add(&mut store, me, "Let someone else go first");
    store
        .check_in(
            habit,
            day(2),
            Some(CheckState::Done),
            Some("Sam led the stand-up."),
            Utc::now(),
        )
        .unwrap();
    store
        .check_in(habit, day(3), Some(CheckState::Skipped), None, Utc::now())
        .unwrap();
    store
        .check_in(habit, day(4), Some(CheckState::NotDone), None, Utc::now())
        .unwrap();
    drop(store);

    let mut store = Store::open_in(dir.path()).unwrap();
    let entries = store.check_ins(habit).unwrap();
    let states: Vec<_> = entries.iter().map(|c| (c.day, c.state)).collect();
    assert_eq!(
        states,
        [
            (day(2), Some(CheckState::Done)),
            (day(3), Some(CheckState::Skipped)),
            (day(4), Some(CheckState::NotDone))
        ]
    );
    assert_eq!(entries[0].note.as_deref(), Some("Sam led the stand-up."));

    store
        .check_in(habit, day(4), Some(CheckState::Done), None, Utc::now())
        .unwrap();
    store
        .check_in(habit, day(3), None, None, Utc::now())
        .unwrap();
    let states = store.check_in_states(me).unwrap();
    let days: Vec<_> = states[&habit].iter().map(|(d, s)| (*d, *s)).collect();
    assert_eq!(
        days,
        [(day(2), CheckState::Done), (day(4), CheckState::Done)]
    );

    let err = store
        .check_in(999, day(2), Some(CheckState::Done), None, Utc::now())
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }));
}

#[test]
fn energy_and_reminders_round_trip() {
    let (_dir, mut store, me) = setup();
    store
        .set_energy(me, day(2), 2, Some("Long week."), Utc::now())
        .unwrap();
    store.set_energy(me, day(2), 4, None, Utc::now()).unwrap();
    let energy = store.energy(me).unwrap();
    assert_eq!(
        (energy.len(), energy[0].level, energy[0].note.as_deref()),
        (1, 4, None)
    );

    let habit = add(&mut store, me, "Listen before speaking");
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    let six = NaiveTime::from_hms_opt(18, 30, 0).unwrap();
    store
        .set_reminders(habit, &[(six, 0b001_1111), (nine, 0b110_0000)])
        .unwrap();
    let all = store.reminders(None).unwrap();
    let times: Vec<_> = all.iter().map(|r| (r.time, r.weekdays)).collect();
    assert_eq!(times, [(nine, 0b110_0000), (six, 0b001_1111)]);

    store.set_habit_archived(habit, true, Utc::now()).unwrap();
    assert!(
        store.reminders(None).unwrap().is_empty(),
        "archived habits remind no one"
    );
}

#[test]
fn settings_are_plain_key_values() {
    let (_dir, mut store, _) = setup();
    assert_eq!(store.setting("tray-notice-shown").unwrap(), None);
    store.set_setting("tray-notice-shown", "yes").unwrap();
    assert_eq!(
        store.setting("tray-notice-shown").unwrap().as_deref(),
        Some("yes")
    );
}
