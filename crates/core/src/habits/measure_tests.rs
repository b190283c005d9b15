//! Measurable habits against Loop's own published numbers (its ScoreListTest: a habit "Run", 2
//! miles, entries counted back from today) and against a plain re-implementation of the rule.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::*;

const E: f64 = 1e-6;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn back(days: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(days)).unwrap()
}

fn run(at_most: bool) -> Measure {
    Measure::new("miles", 2.0, at_most).unwrap()
}

fn period(days: i64) -> Schedule {
    Schedule::new(1, days).unwrap()
}

/// `amount` on each of the days `from..to` back from today (Loop's `addEntries`).
fn add(amounts: &mut Amounts, from: u64, to: u64, day: DayAmount) {
    for i in from..to {
        amounts.insert(back(i), day);
    }
}

/// The strengths from today back, as Loop's `checkScoreValues` reads them.
fn check(measure: &Measure, amounts: &Amounts, expected: &[f64]) {
    let from = back(expected.len() as u64 - 1);
    let series = measured_strength_series(measure, period(1), amounts, from, today());
    for (i, want) in expected.iter().enumerate() {
        let got = series[series.len() - 1 - i].strength;
        assert!((got - want).abs() < E, "{i} days back: {got} vs {want}");
    }
}

#[test]
fn at_least_climbs_as_loops_published_scores_do() {
    let mut amounts = Amounts::new();
    add(&mut amounts, 0, 20, DayAmount::Amount(2.0));
    check(
        &run(false),
        &amounts,
        &[
            0.655747, 0.636894, 0.617008, 0.596033, 0.573910, 0.550574, 0.525961, 0.500000,
            0.472617, 0.443734, 0.413270, 0.381137, 0.347244, 0.311495, 0.273788, 0.234017,
            0.192067, 0.147820, 0.101149, 0.051922, 0.0, 0.0, 0.0,
        ],
    );
}

#[test]
fn a_skipped_day_keeps_the_day_befores_score_as_in_loop() {
    let mut amounts = Amounts::new();
    add(&mut amounts, 0, 10, DayAmount::Amount(2.0));
    add(&mut amounts, 10, 11, DayAmount::Skipped);
    add(&mut amounts, 11, 15, DayAmount::Amount(2.0));
    add(&mut amounts, 15, 16, DayAmount::Skipped);
    add(&mut amounts, 16, 20, DayAmount::Amount(2.0));
    check(
        &run(false),
        &amounts,
        &[
            0.617008, 0.596033, 0.573910, 0.550574, 0.525961, 0.500000, 0.472617, 0.443734,
            0.413270, 0.381137, 0.347244, 0.347244, 0.311495, 0.273788, 0.234017, 0.192067,
            0.192067, 0.147820, 0.101149, 0.051922, 0.0, 0.0, 0.0,
        ],
    );
}

#[test]
fn at_most_starts_full_and_falls_when_over_as_in_loop() {
    let mut amounts = Amounts::new();
    amounts.insert(back(20), DayAmount::Amount(1.0));
    add(&mut amounts, 0, 20, DayAmount::Amount(5.0));
    check(
        &run(true),
        &amounts,
        &[
            0.344253, 0.363106, 0.382992, 0.403967, 0.426090, 0.449426, 0.474039, 0.500000,
            0.527383, 0.556266, 0.586730, 0.618863, 0.652756, 0.688505, 0.726212, 0.765983,
            0.807933, 0.852180, 0.898851, 0.948078, 1.0, 0.0, 0.0,
        ],
    );
}

#[test]
fn a_longer_period_sums_its_days_and_moves_more_slowly_as_in_loop() {
    let mut amounts = Amounts::new();
    let on = |m: &Measure, a: &Amounts, days| measured_strength_on(m, period(days), a, today());
    // A new "at most" habit stands at full strength; an "at least" one at nothing.
    assert!((on(&run(true), &amounts, 1) - 1.0).abs() < E);
    assert!(on(&run(false), &amounts, 1).abs() < E);
    add(&mut amounts, 0, 2, DayAmount::Amount(2.0));
    assert!((on(&run(false), &amounts, 1) - 0.101149).abs() < E);
    assert!((on(&run(false), &amounts, 2) - 0.072631).abs() < E);
    let mut over = Amounts::new();
    add(&mut over, 0, 2, DayAmount::Amount(5.0));
    assert!((on(&run(true), &over, 1) - 0.898850).abs() < E);
    assert!((on(&run(true), &over, 2) - 0.927369).abs() < E);
}

#[test]
fn half_the_target_for_long_comes_to_half_strength_and_skips_change_nothing() {
    let on = |m: &Measure, a: &Amounts| measured_strength_on(m, period(1), a, today());
    let mut amounts = Amounts::new();
    add(&mut amounts, 0, 500, DayAmount::Amount(1.0));
    assert!((on(&run(false), &amounts) - 0.5).abs() < E);
    let initial = on(&run(false), &amounts);
    add(&mut amounts, 500, 1000, DayAmount::Skipped);
    assert!((on(&run(false), &amounts) - initial).abs() < E);
    add(&mut amounts, 300, 500, DayAmount::Skipped);
    add(&mut amounts, 500, 700, DayAmount::Amount(1.0));
    assert!((on(&run(false), &amounts) - initial).abs() < E);
    add(&mut amounts, 0, 500, DayAmount::Amount(0.5));
    amounts.retain(|d, _| *d > back(500));
    assert!((on(&run(false), &amounts) - 0.25).abs() < E);

    let mut over = Amounts::new();
    add(&mut over, 0, 500, DayAmount::Amount(3.0));
    assert!((on(&run(true), &over) - 0.5).abs() < E);
    add(&mut over, 0, 500, DayAmount::Amount(3.5));
    assert!((on(&run(true), &over) - 0.25).abs() < E);
}

#[test]
fn going_past_the_target_counts_no_more_than_meeting_it_as_in_loop() {
    let on = |m: &Measure, a: &Amounts| measured_strength_on(m, period(1), a, today());
    let mut amounts = Amounts::new();
    amounts.insert(today(), DayAmount::Amount(10_000.0));
    assert!((on(&run(false), &amounts) - 0.051922).abs() < E);

    let mut under = Amounts::new();
    under.insert(back(1), DayAmount::Amount(10_000.0));
    assert!((on(&run(true), &under) - 0.950773).abs() < E);

    let mut zero = Amounts::new();
    zero.insert(today(), DayAmount::Amount(5.0));
    zero.insert(back(1), DayAmount::Amount(0.0));
    assert!((on(&run(true), &zero) - 0.948077).abs() < E);
    zero.insert(back(1), DayAmount::Amount(1.0));
    assert!((on(&run(true), &zero) - 0.948077).abs() < E);
}

#[test]
fn a_target_of_zero_gives_a_finite_score() {
    let mut amounts = Amounts::new();
    amounts.insert(today(), DayAmount::Amount(3.0));
    for at_most in [false, true] {
        let measure = Measure::new("times", 0.0, at_most).unwrap();
        let strength = measured_strength_on(&measure, period(7), &amounts, today());
        assert!(strength.is_finite());
    }
    let none = Measure::new("times", 0.0, true).unwrap();
    // At most nothing, and something was done: the day is worth nothing.
    assert!(measured_strength_on(&none, period(1), &amounts, today()) < 1.0);
}

#[test]
fn met_days_mean_the_period_reached_its_target() {
    // "Let someone else go first", at least 3 a week.
    let measure = Measure::new("times", 3.0, false).unwrap();
    let mut amounts = Amounts::new();
    amounts.insert(back(6), DayAmount::Amount(1.0));
    amounts.insert(back(4), DayAmount::Amount(2.0));
    amounts.insert(back(2), DayAmount::Skipped);
    let met = met_days(&measure, period(7), &amounts, today());
    assert_eq!(met.get(&back(6)), Some(&CheckState::NotDone));
    assert_eq!(met.get(&back(5)), Some(&CheckState::NotDone));
    assert_eq!(met.get(&back(4)), Some(&CheckState::Done));
    assert_eq!(met.get(&back(2)), Some(&CheckState::Skipped));
    assert_eq!(met.get(&back(1)), Some(&CheckState::Done));
    // Still met today: three in the last seven days.
    assert_eq!(met.get(&today()), Some(&CheckState::Done));
    // A week later, with nothing entered, today is not held against the person yet.
    let later = today().checked_add_days(Days::new(7)).unwrap();
    let met = met_days(&measure, period(7), &amounts, later);
    assert_eq!(met.get(&later), None);
    assert_eq!(
        met.get(&later.pred_opt().unwrap()),
        Some(&CheckState::NotDone)
    );

    // At most 2 a week: a quiet day is a kept day, the third in a week is not.
    let ceiling = Measure::new("meetings", 2.0, true).unwrap();
    let mut amounts = Amounts::new();
    amounts.insert(back(3), DayAmount::Amount(2.0));
    amounts.insert(back(1), DayAmount::Amount(1.0));
    let met = met_days(&ceiling, period(7), &amounts, today());
    assert_eq!(met.get(&back(2)), Some(&CheckState::Done));
    assert_eq!(met.get(&back(1)), Some(&CheckState::NotDone));
    // Today is over too, but nothing is entered for it yet: it waits for the person's say.
    assert_eq!(met.get(&today()), None);
    assert!(met_days(&ceiling, period(7), &Amounts::new(), today()).is_empty());
}

#[test]
fn amounts_are_typed_as_plain_decimals_zero_or_more() {
    assert_eq!(parse_amount("The amount", " 12 "), Ok(12.0));
    assert_eq!(parse_amount("The amount", "2.5"), Ok(2.5));
    assert_eq!(parse_amount("The amount", "0"), Ok(0.0));
    assert_eq!(parse_amount("The amount", "1.23456"), Ok(1.235));
    for bad in ["", "ten", "1e3", "inf", "NaN", "1,5", "--1"] {
        assert!(
            matches!(
                parse_amount("The amount", bad),
                Err(MeasureError::NotANumber { .. })
            ),
            "{bad:?}"
        );
    }
    let negative = parse_amount("The amount", "-1").unwrap_err();
    assert!(matches!(negative, MeasureError::Negative { .. }));
    assert_eq!(negative.to_string(), "The amount cannot be negative (-1)");
    assert!(matches!(
        parse_amount("The amount", "2000000000"),
        Err(MeasureError::TooLarge { .. })
    ));
    assert_eq!(
        Measure::new("  ", 1.0, false).map(|m| m.unit),
        Ok(String::new())
    );
    assert!(Measure::new(&"m".repeat(41), 1.0, false).is_err());
    assert!(Measure::new("two\nlines", 1.0, false).is_err());
    assert!(Measure::new("minutes", f64::NAN, false).is_err());
    assert!(Measure::new("minutes", f64::INFINITY, false).is_err());
    assert_eq!(period_schedule("week"), Schedule::new(1, 7).ok());
    assert_eq!(period_schedule("Month"), Schedule::new(1, 30).ok());
    assert_eq!(period_schedule("fortnight"), None);
}

#[test]
fn a_measure_reads_as_a_sentence() {
    let listening = Measure::new("minutes", 20.0, false).unwrap();
    assert_eq!(listening.describe(period(7)), "at least 20 minutes a week");
    let plans = Measure::new("meetings", 2.5, true).unwrap();
    assert_eq!(plans.describe(period(30)), "at most 2.5 meetings a month");
    let count = Measure::new("", 3.0, false).unwrap();
    assert_eq!(count.describe(period(1)), "at least 3 a day");
}

#[test]
fn the_explanation_agrees_with_the_series() {
    let measure = Measure::new("minutes", 10.0, false).unwrap();
    let mut amounts = Amounts::new();
    add(&mut amounts, 1, 30, DayAmount::Amount(5.0));
    let explained = explain_measured(&measure, period(1), &amounts, today());
    let series = measured_strength_series(&measure, period(1), &amounts, back(1), today());
    assert!((explained.current - series[1].strength).abs() < 1e-12);
    assert_eq!(explained.next_done_date, today());
    assert!(explained.if_done > explained.current);
    assert!(explained.after_week_without < explained.current);
    assert!((explained.half_life_days - 13.0).abs() < 1e-12);
}

/// The rule as written in the issue, day by day with no running state but the strength: the sum
/// of the last `days` calendar days, recomputed from scratch every day.
fn by_the_rule(measure: &Measure, days: u32, amounts: &Amounts, to: NaiveDate) -> f64 {
    let first = amounts.keys().next().copied().unwrap_or(to);
    let m = 0.5_f64.powf((1.0 / f64::from(days)).sqrt() / 13.0);
    let mut strength = if measure.at_most { 1.0 } else { 0.0 };
    let mut date = first;
    while date <= to {
        let sum: f64 = (0..days)
            .filter_map(|back| date.checked_sub_days(Days::new(u64::from(back))))
            .filter_map(|d| match amounts.get(&d) {
                Some(DayAmount::Amount(a)) => Some(*a),
                _ => None,
            })
            .sum();
        if amounts.get(&date) != Some(&DayAmount::Skipped) {
            let value = if measure.at_most {
                if measure.target > 0.0 {
                    (1.0 - (sum - measure.target) / measure.target).clamp(0.0, 1.0)
                } else if sum > 0.0 {
                    0.0
                } else {
                    1.0
                }
            } else if measure.target > 0.0 {
                (sum / measure.target).min(1.0)
            } else {
                1.0
            };
            strength = strength * m + value * (1.0 - m);
        }
        date = date.succ_opt().unwrap();
    }
    strength
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn strength_follows_the_rule_on_random_histories(
        target in 0u32..40,
        at_most in any::<bool>(),
        days in prop::sample::select(vec![1i64, 2, 7, 30]),
        entries in prop::collection::btree_map(
            0u64..400,
            prop_oneof![
                8 => (0u32..20_000).prop_map(|t| DayAmount::Amount(f64::from(t) / 1000.0)),
                1 => Just(DayAmount::Skipped),
            ],
            0..120,
        ),
    ) {
        let measure = Measure::new("minutes", f64::from(target) / 4.0, at_most).unwrap();
        let amounts: Amounts = entries.into_iter().map(|(b, d)| (back(b), d)).collect();
        let series = measured_strength_series(&measure, period(days), &amounts, back(399), today());
        for probe in [0u64, 1, 13, 200, 399] {
            let date = back(probe);
            let before: Amounts = amounts.range(..=date).map(|(d, a)| (*d, *a)).collect();
            // Before the first entry the strength is 0 (no history yet); with no entry at all,
            // history starts today, as in Loop.
            let want = match amounts.keys().next() {
                Some(first) if *first > date => 0.0,
                None if probe != 0 => 0.0,
                _ => by_the_rule(&measure, days as u32, &before, date),
            };
            let got = series.iter().find(|s| s.date == date).unwrap().strength;
            prop_assert!((got - want).abs() < 1e-6, "{} back: {} vs {}", probe, got, want);
            if !amounts.is_empty() || probe == 0 {
                let on = measured_strength_on(&measure, period(days), &amounts, date);
                prop_assert!((on - got).abs() < 1e-12);
            }
        }
    }
}
