//! The derived strengths and streaks the screens read are only ever a shortcut: after any edits,
//! in any order, read on any day, they are exactly what the formulas give from all the check-ins;
//! a damaged or out-of-date row is rebuilt; and they are never exported.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::{Days, NaiveDate, TimeZone, Utc};
use leadback_core::PersonName;
use leadback_core::habits::{
    CheckIns, CheckState, DerivedHabit, HabitName, HabitStance, Schedule, streaks, strength_on,
    strength_series,
};
use leadback_store::{NewHabit, Store};
use proptest::prelude::*;

#[path = "derived/measured.rs"]
mod measured;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
}

fn on(day: u64) -> NaiveDate {
    start() + Days::new(day)
}

fn setup(schedule: Schedule) -> (Store, i64, i64) {
    setup_in(None, schedule)
}

fn setup_in(dir: Option<&std::path::Path>, schedule: Schedule) -> (Store, i64, i64) {
    let mut store = match dir {
        Some(dir) => Store::open_in(dir).unwrap(),
        None => Store::open_in_memory().unwrap(),
    };
    let now = Utc.with_ymd_and_hms(2024, 1, 1, 8, 0, 0).unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Ada").unwrap(), now)
        .unwrap()
        .id;
    let name = HabitName::parse("Listen before speaking").unwrap();
    let habit = NewHabit {
        library_id: None,
        name: &name,
        stance: Some(HabitStance::Servant),
        why: None,
        schedule,
        measure: None,
    };
    let id = store.add_habit(me, &habit, now).unwrap().id;
    (store, me, id)
}

fn states(store: &Store, habit: i64) -> CheckIns {
    store
        .check_ins(habit)
        .unwrap()
        .into_iter()
        .filter_map(|e| e.state.map(|s| (e.day, s)))
        .collect()
}

/// What every screen shows, read through the derived values, against the formulas over every
/// check-in.
fn assert_matches_a_rebuild(
    store: &Store,
    me: i64,
    habit: i64,
    schedule: Schedule,
    today: NaiveDate,
) {
    let all = states(store, habit);
    let overview = store.habit_overviews(me, true, today).unwrap().remove(0);
    assert_eq!(
        overview.strength.to_bits(),
        strength_on(schedule, &all, today).to_bits()
    );
    assert_eq!(overview.streaks, streaks(schedule, &all, today));
    let detail = store.habit_detail(habit, today).unwrap();
    let from = detail.strength.first().map_or(today, |d| d.date);
    assert_eq!(
        detail.strength,
        strength_series(schedule, &all, from, today)
    );
    assert_eq!(detail.overview.streaks, overview.streaks);
    let record = store.habit(habit).unwrap();
    let kept = store
        .derived_habits(&[record], today)
        .unwrap()
        .remove(&habit);
    let rebuilt = DerivedHabit::build(schedule, &all, today);
    assert_eq!(
        kept.as_ref().map(|d| (d.first, &d.strength, d.streaks)),
        rebuilt.as_ref().map(|d| (d.first, &d.strength, d.streaks))
    );
}

#[derive(Debug, Clone)]
enum Step {
    /// A check-in (or clearing one) on a day, counted from the start.
    Edit(u64, Option<CheckState>),
    /// The screens read on this day.
    Read(u64),
}

fn state() -> impl Strategy<Value = Option<CheckState>> {
    prop_oneof![
        4 => Just(Some(CheckState::Done)),
        2 => Just(Some(CheckState::NotDone)),
        1 => Just(Some(CheckState::Skipped)),
        1 => Just(None),
    ]
}

fn schedule() -> impl Strategy<Value = Schedule> {
    prop_oneof![
        Just(Schedule::DAILY),
        Just(Schedule::new(2, 3).unwrap()),
        Just(Schedule::per_week(3).unwrap()),
        Just(Schedule::per_week(1).unwrap()),
        Just(Schedule::new(10, 30).unwrap()),
    ]
}

const DAYS: u64 = 700;

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        prop_oneof![
            3 => (0..DAYS, state()).prop_map(|(d, s)| Step::Edit(d, s)),
            1 => (0..DAYS).prop_map(Step::Read),
        ],
        1..40,
    )
}

proptest! {
    #[test]
    fn derived_values_equal_a_rebuild_after_edits_in_any_order(
        schedule in schedule(),
        history in prop::collection::vec(state(), 100..DAYS as usize),
        steps in steps(),
    ) {
        let (mut store, me, habit) = setup(schedule);
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap();
        for (d, state) in (0..).zip(&history) {
            if let Some(state) = state {
                store.check_in(habit, on(d), Some(*state), None, now).unwrap();
            }
        }
        let mut today = on(history.len() as u64);
        assert_matches_a_rebuild(&store, me, habit, schedule, today);
        for step in steps {
            match step {
                Step::Edit(d, state) => {
                    store.check_in(habit, on(d), state, None, now).unwrap();
                }
                Step::Read(d) => {
                    // Mostly later days, sometimes an earlier one (`--as-of`).
                    today = on(d.max(history.len() as u64 / 2));
                    assert_matches_a_rebuild(&store, me, habit, schedule, today);
                }
            }
        }
        assert_matches_a_rebuild(&store, me, habit, schedule, today);
    }
}

/// A daily habit's history in a data folder, so a plain connection can reach its file.
fn daily_history(days: u64) -> (tempfile::TempDir, Store, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me, habit) = setup_in(Some(dir.path()), Schedule::DAILY);
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap();
    for d in 0..days {
        let state = if d % 4 == 0 {
            CheckState::NotDone
        } else {
            CheckState::Done
        };
        store
            .check_in(habit, on(d), Some(state), None, now)
            .unwrap();
    }
    (dir, store, me, habit)
}

#[test]
fn a_damaged_row_is_rebuilt_from_the_check_ins() {
    let (_dir, store, me, habit) = daily_history(400);
    let today = on(399);
    let before = store.habit_overviews(me, false, today).unwrap();
    let file = rusqlite::Connection::open(store.path().unwrap()).unwrap();
    for damage in [
        "UPDATE derived_habit SET strength = x'00'",
        "UPDATE derived_habit SET streaks = x'0102'",
        "UPDATE derived_habit SET checkpoints = x'01'",
        "UPDATE derived_habit SET first = 'not a day'",
        "UPDATE derived_habit SET times = 3, days = 7",
        "UPDATE derived_habit SET version = 1",
    ] {
        assert_eq!(file.execute(damage, []).unwrap(), 1, "{damage}");
        assert_eq!(
            store.habit_overviews(me, false, today).unwrap(),
            before,
            "{damage}"
        );
        assert_matches_a_rebuild(&store, me, habit, Schedule::DAILY, today);
    }
}

#[test]
fn a_changed_schedule_is_computed_again() {
    let (_dir, mut store, me, habit) = daily_history(200);
    let today = on(199);
    store.habit_overviews(me, false, today).unwrap();
    let record = store.habit(habit).unwrap();
    let weekly = Schedule::per_week(3).unwrap();
    let name = HabitName::parse(&record.name).unwrap();
    store
        .update_habit(habit, &name, record.stance, None, weekly, None)
        .unwrap();
    assert_matches_a_rebuild(&store, me, habit, weekly, today);
}

#[test]
fn derived_values_are_not_exported() {
    let (_dir, store, me, _) = daily_history(50);
    store.habit_overviews(me, false, on(49)).unwrap();
    let doc = store.export_all(Utc::now()).unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    assert!(json.contains("\"check_in\""), "the check-ins are exported");
    assert!(!json.contains("derived_"), "their derived values are not");
}

#[test]
fn an_imported_database_rebuilds_them() {
    let (_dir, store, me, habit) = daily_history(120);
    let today = on(119);
    let before = store.habit_overviews(me, false, today).unwrap();
    let doc = store.export_all(Utc::now()).unwrap();
    let target = tempfile::tempdir().unwrap();
    let mut imported = Store::open_in(target.path()).unwrap();
    imported.import_all(&doc).unwrap();
    let me_there = imported.me().unwrap().unwrap().id;
    assert_eq!(
        imported.habit_overviews(me_there, false, today).unwrap(),
        before
    );
    // A check-in after the import still marks the kept values stale.
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap();
    imported
        .check_in(habit, on(100), Some(CheckState::NotDone), None, now)
        .unwrap();
    assert_matches_a_rebuild(&imported, me_there, habit, Schedule::DAILY, today);
}
