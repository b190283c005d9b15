//! The same promise for measurable habits: after amounts entered, changed, skipped and cleared in
//! any order, read on any day, the kept values are exactly what the measurable rule gives from
//! every amount; a changed target starts them again.

use leadback_core::habits::{Amounts, DayAmount, Measure, measured_strength_on, met_days};

use super::*;

fn measured(store: &mut Store, me: i64, measure: &Measure, period: Schedule) -> i64 {
    let name = HabitName::parse("Minutes of listening").unwrap();
    let habit = NewHabit {
        library_id: None,
        name: &name,
        stance: Some(HabitStance::Servant),
        why: None,
        schedule: period,
        measure: Some(measure.clone()),
    };
    let now = Utc.with_ymd_and_hms(2024, 1, 1, 8, 0, 0).unwrap();
    store.add_habit(me, &habit, now).unwrap().id
}

fn amounts(store: &Store, habit: i64) -> Amounts {
    store
        .check_ins(habit)
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.state? {
            CheckState::Skipped => Some((e.day, DayAmount::Skipped)),
            _ => Some((e.day, DayAmount::Amount(e.amount.unwrap_or(0.0)))),
        })
        .collect()
}

fn assert_matches_a_rebuild(store: &Store, me: i64, habit: i64, today: NaiveDate) {
    let record = store.habit(habit).unwrap();
    let (measure, period) = (record.measure.clone().unwrap(), record.schedule);
    let all = amounts(store, habit);
    let overview = store
        .habit_overviews(me, true, today)
        .unwrap()
        .into_iter()
        .find(|o| o.habit.id == habit)
        .unwrap();
    assert_eq!(
        overview.strength.to_bits(),
        measured_strength_on(&measure, period, &all, today).to_bits(),
        "strength on {today}"
    );
    let met = met_days(&measure, period, &all, today);
    assert_eq!(
        overview.streaks,
        streaks(Schedule::DAILY, &met, today),
        "{today}"
    );
    let week: Vec<_> = (0..7)
        .rev()
        .map(|back| met.get(&(today - Days::new(back))).copied())
        .collect();
    assert_eq!(overview.last_week, week, "the week strip on {today}");
    let kept = store
        .derived_habits(&[record], today)
        .unwrap()
        .remove(&habit);
    let rebuilt = DerivedHabit::build_measured(&measure, period, &all, today);
    assert_eq!(
        kept.as_ref().map(|d| (d.first, &d.strength, d.streaks)),
        rebuilt.as_ref().map(|d| (d.first, &d.strength, d.streaks))
    );
}

#[derive(Debug, Clone)]
enum Entry {
    Amount(u32),
    Skip,
    Clear,
}

#[derive(Debug, Clone)]
enum Step {
    Edit(u64, Entry),
    Read(u64),
}

fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        6 => (0u32..12_000).prop_map(Entry::Amount),
        1 => Just(Entry::Skip),
        1 => Just(Entry::Clear),
    ]
}

fn write(store: &mut Store, habit: i64, day: NaiveDate, entry: &Entry) {
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap();
    match entry {
        Entry::Amount(thousandths) => {
            let amount = f64::from(*thousandths) / 1000.0;
            store
                .check_in_amount(habit, day, amount, None, now)
                .unwrap();
        }
        Entry::Skip => {
            store
                .check_in(habit, day, Some(CheckState::Skipped), None, now)
                .unwrap();
        }
        Entry::Clear => {
            store.check_in(habit, day, None, None, now).unwrap();
        }
    }
}

proptest! {
    #[test]
    fn measurable_derived_values_equal_a_rebuild_after_edits_in_any_order(
        target in 0u32..40,
        at_most in any::<bool>(),
        days in prop::sample::select(vec![1i64, 7, 30]),
        history in prop::collection::vec(prop::option::weighted(0.8, entry()), 60..400),
        steps in prop::collection::vec(
            prop_oneof![
                3 => (0..400u64, entry()).prop_map(|(d, e)| Step::Edit(d, e)),
                1 => (0..400u64).prop_map(Step::Read),
            ],
            1..30,
        ),
    ) {
        let (mut store, me, _) = setup(Schedule::DAILY);
        let measure = Measure::new("minutes", f64::from(target) / 2.0, at_most).unwrap();
        let habit = measured(&mut store, me, &measure, Schedule::new(1, days).unwrap());
        for (d, entry) in (0..).zip(&history) {
            if let Some(entry) = entry {
                write(&mut store, habit, on(d), entry);
            }
        }
        let mut today = on(history.len() as u64);
        assert_matches_a_rebuild(&store, me, habit, today);
        for step in steps {
            match step {
                Step::Edit(d, entry) => write(&mut store, habit, on(d.min(history.len() as u64)), &entry),
                Step::Read(d) => {
                    today = on(d.max(history.len() as u64 / 2).min(history.len() as u64 + 30));
                    assert_matches_a_rebuild(&store, me, habit, today);
                }
            }
        }
        assert_matches_a_rebuild(&store, me, habit, today);
    }
}

#[test]
fn a_changed_target_is_computed_again() {
    let (mut store, me, _) = setup(Schedule::DAILY);
    let measure = Measure::new("minutes", 10.0, false).unwrap();
    let habit = measured(&mut store, me, &measure, Schedule::new(1, 7).unwrap());
    for d in 0..50 {
        write(&mut store, habit, on(d), &Entry::Amount(2_000));
    }
    let today = on(50);
    assert_matches_a_rebuild(&store, me, habit, today);
    let name = HabitName::parse("Minutes of listening").unwrap();
    let higher = Measure::new("minutes", 40.0, false).unwrap();
    store
        .update_habit(
            habit,
            &name,
            None,
            None,
            Schedule::new(1, 7).unwrap(),
            Some(&higher),
        )
        .unwrap();
    assert_matches_a_rebuild(&store, me, habit, today);
    // Changing only an amount's value (the state stays "done") is noticed too.
    write(&mut store, habit, on(45), &Entry::Amount(30_000));
    assert_matches_a_rebuild(&store, me, habit, today);
}
