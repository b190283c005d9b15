//! Loop's published test vectors for its score, and the behaviours around them (skips, gaps,
//! ranges). The comparison with a real Loop export is in `loop_fixture_tests.rs`.

use chrono::{Days, NaiveDate};

use super::strength::Engine;
use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not {expected} (±{tolerance})"
    );
}

/// Check-ins from `(days before the newest day, state)`.
fn history(newest: NaiveDate, entries: &[(u64, CheckState)]) -> CheckIns {
    entries
        .iter()
        .map(|&(back, state)| (newest.checked_sub_days(Days::new(back)).unwrap(), state))
        .collect()
}

#[test]
fn loop_single_step_vectors() {
    close(strength_step(1.0, 0.0, 1.0), 0.051922, 1e-6);
    close(strength_step(1.0, 0.5, 1.0), 0.525961, 1e-6);
    close(strength_step(1.0, 0.75, 0.0), 0.711058, 1e-6);
    close(strength_step(1.0 / 3.0, 0.0, 1.0), 0.030314, 1e-6);
}

#[test]
fn twenty_daily_check_ins_reach_0_655747() {
    let today = date(2026, 3, 29);
    let entries: Vec<_> = (0..20).map(|back| (back, CheckState::Done)).collect();
    let check_ins = history(today, &entries);
    close(
        strength_on(Schedule::DAILY, &check_ins, today),
        0.655747,
        1e-6,
    );
}

#[test]
fn two_in_three_days_newest_first_yes_no_no_yes_yes_yes_no_no_yes_yes() {
    let pattern = [
        true, false, false, true, true, true, false, false, true, true,
    ];
    let today = date(2015, 1, 25);
    let entries: Vec<_> = pattern
        .iter()
        .enumerate()
        .map(|(back, &yes)| {
            let state = if yes {
                CheckState::Done
            } else {
                CheckState::NotDone
            };
            (back as u64, state)
        })
        .collect();
    let check_ins = history(today, &entries);
    let schedule = Schedule::new(2, 3).unwrap();
    close(strength_on(schedule, &check_ins, today), 0.2557, 1e-4);

    // "No" is the same as "not entered": only done days and skips change anything.
    let only_done: CheckIns = check_ins
        .iter()
        .filter(|(_, s)| **s == CheckState::Done)
        .map(|(d, s)| (*d, *s))
        .collect();
    close(strength_on(schedule, &only_done, today), 0.2557, 1e-4);
}

#[test]
fn a_skip_keeps_the_days_strength_but_stays_in_the_calendar_window() {
    // Loop's rule, worked by hand. One in two days is judged as 2 in the last 4 calendar days.
    // Done, then three skipped days, then a day not entered.
    let schedule = Schedule::new(1, 2).unwrap();
    let today = date(2026, 3, 10);
    let check_ins = history(
        today,
        &[
            (4, CheckState::Done),
            (3, CheckState::Skipped),
            (2, CheckState::Skipped),
            (1, CheckState::Skipped),
        ],
    );
    let m = multiplier(0.5);
    let s = strength_series(schedule, &check_ins, date(2026, 3, 6), today);
    // Day 1: 1 done of the 2 needed.
    let first = 0.5 * (1.0 - m);
    close(s[0].strength, first, 1e-12);
    // Skipped days: the strength stays.
    for day in &s[1..4] {
        close(day.strength, first, 1e-12);
    }
    // Day 5: its last 4 calendar days are the three skips and itself: nothing done, value 0.
    // (Taking the last 4 days that were not skipped would reach back to the done day: 0.5.)
    close(s[4].strength, first * m, 1e-12);
}

#[test]
fn a_skipped_day_counts_as_not_done_in_a_weekly_window() {
    // 3 a week is judged as 6 in the last 14 calendar days. Six done days, then a skipped day,
    // then days not entered: the skip neither adds practice nor keeps a done day in the window.
    let schedule = Schedule::new(3, 7).unwrap();
    let today = date(2026, 3, 28);
    let mut entries: Vec<(u64, CheckState)> = (9..=14).map(|ago| (ago, CheckState::Done)).collect();
    entries.push((8, CheckState::Skipped));
    let check_ins = history(today, &entries);
    let m = multiplier(3.0 / 7.0);
    let mut expected = 0.0;
    let mut window: Vec<bool> = Vec::new();
    let mut series = Vec::new();
    for ago in (0..=14).rev() {
        let state = entries.iter().find(|(a, _)| *a == ago).map(|(_, s)| *s);
        window.push(state == Some(CheckState::Done));
        if window.len() > 14 {
            window.remove(0);
        }
        if state != Some(CheckState::Skipped) {
            let done = window.iter().filter(|d| **d).count() as f64;
            expected = expected * m + (done / 6.0).min(1.0) * (1.0 - m);
        }
        series.push(expected);
    }
    let got = strength_series(schedule, &check_ins, date(2026, 3, 14), today);
    assert_eq!(got.len(), series.len());
    for (day, want) in got.iter().zip(&series) {
        close(day.strength, *want, 1e-12);
    }
    // The skipped day (8 days ago) is flat.
    close(got[6].strength, got[5].strength, 0.0);
}

#[test]
fn the_series_covers_the_range_asked_for_and_counts_history_before_it() {
    let today = date(2026, 3, 29);
    let check_ins = history(
        today,
        &[
            (10, CheckState::Done),
            (9, CheckState::Done),
            (0, CheckState::Done),
        ],
    );
    let series = strength_series(Schedule::DAILY, &check_ins, date(2026, 3, 25), today);
    assert_eq!(series.len(), 5);
    assert_eq!(series.first().map(|d| d.date), Some(date(2026, 3, 25)));
    assert_eq!(series.last().map(|d| d.date), Some(today));
    let full = strength_series(Schedule::DAILY, &check_ins, date(2026, 3, 1), today);
    assert_eq!(&full[full.len() - 5..], &series[..]);
    assert!(
        full[..18].iter().all(|d| d.strength == 0.0),
        "0 before the start"
    );
    assert_eq!(
        series.last().map(|d| d.strength),
        Some(strength_on(Schedule::DAILY, &check_ins, today))
    );
    assert!(strength_series(Schedule::DAILY, &check_ins, today, date(2026, 3, 1)).is_empty());
    assert_eq!(strength_on(Schedule::DAILY, &CheckIns::new(), today), 0.0);
}

#[test]
fn three_a_week_is_judged_over_two_weeks() {
    // Six done days in a row then nothing: the 14-day window keeps the value at 1 while it holds
    // six done days, so the strength keeps rising for a while after the last check-in.
    let schedule = Schedule::per_week(3).unwrap();
    let start = date(2026, 1, 1);
    let check_ins: CheckIns = (0..6)
        .map(|i| {
            (
                start.checked_add_days(Days::new(i)).unwrap(),
                CheckState::Done,
            )
        })
        .collect();
    let series = strength_series(schedule, &check_ins, start, date(2026, 1, 20));
    let f = schedule.frequency();
    let mut expected = 0.0;
    for (i, day) in series.iter().enumerate() {
        let done_in_window = (i.saturating_sub(13)..=i).filter(|d| *d < 6).count() as f64;
        expected = strength_step(f, expected, (done_in_window / 6.0).min(1.0));
        close(day.strength, expected, 1e-12);
    }
    assert!(
        series[16].strength > series[5].strength,
        "still rising after the last one"
    );
    assert!(
        series[19].strength < series[16].strength,
        "falling as the window empties"
    );
}

#[test]
fn the_engine_agrees_with_the_single_step() {
    let mut engine = Engine::new(Schedule::DAILY);
    close(engine.push(Some(CheckState::Done)), 0.051922, 1e-6);
    close(engine.multiplier(), multiplier(1.0), 0.0);
    let before = engine.strength();
    assert_eq!(engine.push(Some(CheckState::Skipped)), before);
    close(engine.push(None), before * multiplier(1.0), 1e-15);
}

#[test]
fn ten_years_of_daily_history_is_linear() {
    // The performance target (≤ 1 ms in release) is measured by the benchmarks; this guards the
    // shape: one point per day, and a steady state just under 1 for a habit done every day.
    let start = date(2016, 1, 1);
    let end = date(2025, 12, 31);
    let check_ins: CheckIns = start
        .iter_days()
        .take_while(|d| *d <= end)
        .map(|d| (d, CheckState::Done))
        .collect();
    let series = strength_series(Schedule::DAILY, &check_ins, start, end);
    assert_eq!(series.len(), 3653);
    assert!(series.last().is_some_and(|d| d.strength > 0.999_999));
}
