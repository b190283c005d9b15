//! Measurable habits in the store: amounts kept exactly, a habit's kind kept, every screen's
//! numbers by the measurable rule, and the whole-database export and its import keeping them.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::NaiveDate;
use leadback_core::habits::{CheckState, HabitName, HabitStance, Measure, Schedule};
use leadback_store::{NewHabit, Store, StoreError};
use leadback_testkit::{now, set_me};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn listening() -> Measure {
    Measure::new("minutes", 20.0, false).unwrap()
}

/// "Ada" with a weekly measurable habit and a yes/no one.
fn ada() -> (Store, i64, i64, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let me = set_me(&mut store, "Ada");
    let add = |store: &mut Store, name: &str, schedule, measure| {
        let name = HabitName::parse(name).unwrap();
        let new = NewHabit {
            library_id: None,
            name: &name,
            stance: Some(HabitStance::Servant),
            why: None,
            schedule,
            measure,
        };
        store.add_habit(me, &new, now()).unwrap().id
    };
    let minutes = add(
        &mut store,
        "Minutes of listening",
        Schedule::new(1, 7).unwrap(),
        Some(listening()),
    );
    let praise = add(&mut store, "Praise a contribution", Schedule::DAILY, None);
    (store, me, minutes, praise)
}

#[test]
fn amounts_are_kept_and_each_kind_refuses_the_others_entry() {
    let (mut store, me, minutes, praise) = ada();
    store
        .check_in_amount(minutes, day(2), 12.5, Some("Let Sam finish"), now())
        .unwrap();
    // The one-step entry from home keeps the note already written.
    store
        .check_in_amount_keeping_note(minutes, day(2), 14.0, now())
        .unwrap();
    let entry = &store.check_ins(minutes).unwrap()[0];
    assert_eq!(entry.amount, Some(14.0));
    assert_eq!(entry.note.as_deref(), Some("Let Sam finish"));

    let before = store.export_all(now()).unwrap().tables;
    let err = store
        .check_in(minutes, day(3), Some(CheckState::Done), None, now())
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::EntryKind {
                measurable: true,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("enter an amount"), "{err}");
    let err = store
        .check_in_keeping_note(minutes, day(3), CheckState::NotDone, now())
        .unwrap_err();
    assert!(matches!(err, StoreError::EntryKind { .. }), "{err}");
    let err = store
        .check_in_amount(praise, day(3), 2.0, None, now())
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::EntryKind {
                measurable: false,
                ..
            }
        ),
        "{err}"
    );
    let name = HabitName::parse("Praise a contribution").unwrap();
    let err = store
        .update_habit(
            praise,
            &name,
            None,
            None,
            Schedule::DAILY,
            Some(&listening()),
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::HabitKind {
                measurable: false,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        store.export_all(now()).unwrap().tables,
        before,
        "nothing written"
    );

    // A skip replaces an amount, and an amount a skip.
    store
        .check_in(minutes, day(2), Some(CheckState::Skipped), None, now())
        .unwrap();
    assert_eq!(store.check_ins(minutes).unwrap()[0].amount, None);
    let _ = me;
}

#[test]
fn the_target_and_unit_can_change_but_not_the_kind() {
    let (mut store, _, minutes, _) = ada();
    let name = HabitName::parse("Minutes of listening").unwrap();
    let more = Measure::new("minutes", 30.0, false).unwrap();
    let changed = store
        .update_habit(minutes, &name, None, None, Schedule::DAILY, Some(&more))
        .unwrap();
    assert_eq!(changed.measure, Some(more));
    assert_eq!(changed.schedule, Schedule::DAILY);
    let err = store
        .update_habit(minutes, &name, None, None, Schedule::DAILY, None)
        .unwrap_err();
    assert!(err.to_string().contains("cannot become yes/no"), "{err}");
}

#[test]
fn home_the_habit_page_and_the_roll_up_read_the_amounts() {
    let (mut store, me, minutes, _) = ada();
    for (d, amount) in [(2, 5.0), (3, 10.0), (5, 6.0)] {
        store
            .check_in_amount(minutes, day(d), amount, None, now())
            .unwrap();
    }
    store
        .check_in(minutes, day(4), Some(CheckState::Skipped), None, now())
        .unwrap();
    let home = store.habit_overviews(me, false, day(5)).unwrap();
    let row = home.iter().find(|h| h.habit.id == minutes).unwrap();
    assert_eq!(row.today_amount, Some(6.0));
    assert_eq!(row.period_amount, Some(21.0));
    assert_eq!(row.today, Some(CheckState::Done));
    // The week strip: the target (20 a week) is first met on the 5th; the 4th was skipped.
    assert_eq!(
        row.last_week[4..],
        [
            Some(CheckState::NotDone),
            Some(CheckState::Skipped),
            Some(CheckState::Done)
        ]
    );
    assert_eq!(row.streaks.current, 1);

    let detail = store.habit_detail(minutes, day(5)).unwrap();
    let last = detail.strength.last().unwrap();
    assert_eq!(last.date, day(5));
    assert!((last.strength - row.strength).abs() < 1e-12);
    // The 4th is skipped: its strength is the 3rd's.
    let on = |d| {
        detail
            .strength
            .iter()
            .find(|s| s.date == day(d))
            .unwrap()
            .strength
    };
    assert_eq!(on(4), on(3));
    assert_eq!(
        detail.entries.iter().filter_map(|e| e.amount).sum::<f64>(),
        21.0
    );

    // The stance roll-up counts the measurable habit's strength like any other.
    let derived = store
        .derived_habits(&store.habits(me, false).unwrap(), day(5))
        .unwrap();
    assert!((derived[&minutes].strength_on(day(5)).unwrap() - row.strength).abs() < 1e-12);
}

#[test]
fn the_whole_database_export_and_its_import_keep_measures_and_amounts() {
    let (mut store, me, minutes, _) = ada();
    store
        .check_in_amount(minutes, day(2), 12.345, Some("A long one"), now())
        .unwrap();
    let doc = store.export_all(now()).unwrap();
    let mut copy = Store::open_in_memory().unwrap();
    copy.import_all(&doc).unwrap();
    let habit = copy.habit(minutes).unwrap();
    assert_eq!(habit.measure, Some(listening()));
    assert_eq!(habit.schedule.days(), 7);
    let entry = &copy.check_ins(minutes).unwrap()[0];
    assert_eq!(entry.amount, Some(12.345));
    assert_eq!(
        copy.habit_overviews(me, false, day(2)).unwrap(),
        store.habit_overviews(me, false, day(2)).unwrap()
    );
}
