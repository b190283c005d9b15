//! Each computer keeps its own derived strengths and streaks (they never sync): after a check-in
//! made on another computer arrives, ten years back or today, the screens here show exactly what
//! the formulas give from the check-ins this computer now holds.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::{Days, NaiveDate};
use leadback_actions::sync::{self, Options};
use leadback_core::habits::{
    CheckIns, CheckState, HabitName, HabitStance, Schedule, streaks, strength_on,
};
use leadback_store::{NewHabit, Store};
use leadback_testkit::{now, set_me};

const OPTIONS: Options = Options {
    work_factor: 1,
    compact_after: 3,
};

fn on(day: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Days::new(day)
}

fn states(store: &Store, habit: i64) -> CheckIns {
    store
        .check_ins(habit)
        .unwrap()
        .into_iter()
        .filter_map(|e| e.state.map(|s| (e.day, s)))
        .collect()
}

/// Home's strength and streaks for the habit, against the formulas over every check-in.
fn shown_and_rebuilt(store: &Store, habit: i64, today: NaiveDate) -> ((u64, u32), (u64, u32)) {
    let person = store.habit(habit).unwrap().person_id;
    let overview = store
        .habit_overviews(person, true, today)
        .unwrap()
        .into_iter()
        .find(|o| o.habit.id == habit)
        .unwrap();
    let all = states(store, habit);
    (
        (overview.strength.to_bits(), overview.streaks.best),
        (
            strength_on(Schedule::DAILY, &all, today).to_bits(),
            streaks(Schedule::DAILY, &all, today).best,
        ),
    )
}

#[test]
fn changes_from_another_computer_bring_the_kept_values_up_to_date() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    let mut laptop = Store::open_in(&root.path().join("laptop")).unwrap();
    let me = set_me(&mut laptop, "Ada");
    let name = HabitName::parse("Listen before speaking").unwrap();
    let new = NewHabit {
        library_id: None,
        name: &name,
        stance: Some(HabitStance::Servant),
        why: None,
        schedule: Schedule::DAILY,
        measure: None,
    };
    let habit = laptop.add_habit(me, &new, now()).unwrap().id;
    for d in 0..300 {
        let state = if d % 3 == 0 {
            CheckState::NotDone
        } else {
            CheckState::Done
        };
        laptop
            .check_in(habit, on(d), Some(state), None, now())
            .unwrap();
    }
    let started = sync::start(&mut laptop, &folder, "Laptop", OPTIONS, now()).unwrap();
    let mut desktop = Store::open_in(&root.path().join("desktop")).unwrap();
    sync::join(
        &mut desktop,
        &folder,
        &started.code,
        "Desktop",
        OPTIONS,
        now(),
        &mut |_, _| {},
    )
    .unwrap();
    let today = on(299);
    let (shown, rebuilt) = shown_and_rebuilt(&desktop, habit, today);
    assert_eq!(shown, rebuilt, "after joining");

    // The desktop has kept its values; the laptop changes an old day and today.
    laptop
        .check_in(habit, on(5), Some(CheckState::Skipped), None, now())
        .unwrap();
    laptop.check_in(habit, on(200), None, None, now()).unwrap();
    laptop
        .check_in(habit, on(299), Some(CheckState::NotDone), None, now())
        .unwrap();
    sync::sync_now(&mut laptop, OPTIONS, now(), &mut |_, _| {}).unwrap();
    sync::sync_now(&mut desktop, OPTIONS, now(), &mut |_, _| {}).unwrap();
    assert_eq!(
        states(&desktop, habit),
        states(&laptop, habit),
        "the check-ins arrived"
    );
    let (shown, rebuilt) = shown_and_rebuilt(&desktop, habit, today);
    assert_eq!(shown, rebuilt, "after the laptop's changes");
    assert_eq!(shown_and_rebuilt(&laptop, habit, today).0, shown);
}
