//! Completion rates: of the days a habit was expected in a week or a month, how many were done.
//!
//! Expected = N/M × the days counted, where a day is counted from the habit's first record to
//! `as_of`, except skipped days ("no chance" is not a chance missed) and today while nothing is
//! entered for it. So a 3-times-a-week habit expects 3 in a full week, 1.5 in the half week it
//! started, and nothing in a week skipped throughout (rate `null`, not 0).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::timeline::{days, first_record};
use super::{CheckIns, CheckState, Period, Schedule};

/// One period's completion.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompletionRate {
    /// The period's first and last calendar days (the whole week or month, even when only part of
    /// it is counted).
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub done: u32,
    pub skipped: u32,
    /// Days counted: from the first record to `as_of`, without skipped days and without today
    /// while it is not entered.
    pub days: u32,
    /// How many done days the schedule asks for in the counted days.
    pub expected: f64,
    /// `done / expected`, at most 1; `None` when nothing was expected.
    pub rate: Option<f64>,
}

/// One entry per period from the one holding the first record to the one holding `as_of`, oldest
/// first; empty when there is no record up to `as_of`.
pub fn completion_rates(
    schedule: Schedule,
    check_ins: &CheckIns,
    period: Period,
    as_of: NaiveDate,
) -> Vec<CompletionRate> {
    let Some(first) = first_record(check_ins).filter(|first| *first <= as_of) else {
        return Vec::new();
    };
    let mut rates: Vec<CompletionRate> = Vec::new();
    let mut current = empty(period, first);
    for (date, state) in days(check_ins, first, as_of) {
        if date > current.end {
            rates.push(finish(current, schedule));
            current = empty(period, date);
        }
        match state {
            Some(CheckState::Skipped) => current.skipped += 1,
            None if date == as_of => {}
            _ => current.days += 1,
        }
        if state == Some(CheckState::Done) {
            current.done += 1;
        }
    }
    rates.push(finish(current, schedule));
    rates
}

fn empty(period: Period, date: NaiveDate) -> CompletionRate {
    CompletionRate {
        start: period.start_of(date),
        end: period.end_of(date),
        done: 0,
        skipped: 0,
        days: 0,
        expected: 0.0,
        rate: None,
    }
}

fn finish(mut rate: CompletionRate, schedule: Schedule) -> CompletionRate {
    rate.expected = f64::from(rate.days) * schedule.frequency();
    rate.rate = (rate.expected > 0.0).then(|| (f64::from(rate.done) / rate.expected).min(1.0));
    rate
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn history(entries: &[(NaiveDate, CheckState)]) -> CheckIns {
        entries.iter().copied().collect()
    }

    #[test]
    fn weekly_rates_of_a_daily_habit_leave_skips_out() {
        use CheckState::{Done, NotDone, Skipped};
        // Wednesday 4 March to Tuesday 10 March 2026; today (the 10th) is not entered.
        let check_ins = history(&[
            (date(3, 4), Done),
            (date(3, 5), Skipped),
            (date(3, 6), Done),
            (date(3, 7), NotDone),
            (date(3, 9), Done),
        ]);
        let rates = completion_rates(Schedule::DAILY, &check_ins, Period::Week, date(3, 10));
        assert_eq!(rates.len(), 2);
        let first = rates[0];
        assert_eq!((first.start, first.end), (date(3, 2), date(3, 8)));
        // Wed, Fri, Sat, Sun counted (Thu skipped): 2 done of 4.
        assert_eq!((first.done, first.skipped, first.days), (2, 1, 4));
        assert_eq!(first.rate, Some(0.5));
        // Monday done; Tuesday is today and not entered yet.
        assert_eq!(
            (rates[1].done, rates[1].days, rates[1].rate),
            (1, 1, Some(1.0))
        );
    }

    #[test]
    fn three_a_week_expects_three_in_a_full_week_and_caps_at_one() {
        let mut check_ins = CheckIns::new();
        for d in 2..=8 {
            check_ins.insert(date(3, d), CheckState::Done);
        }
        check_ins.insert(date(3, 9), CheckState::Done);
        check_ins.insert(date(3, 11), CheckState::Done);
        let schedule = Schedule::per_week(3).unwrap();
        let rates = completion_rates(schedule, &check_ins, Period::Week, date(3, 15));
        assert_eq!(rates.len(), 2);
        assert!((rates[0].expected - 3.0).abs() < 1e-12);
        assert_eq!(rates[0].rate, Some(1.0), "7 of 3 is still complete");
        // Second week: 2 done, today (Sunday 15th) not entered: 6 days counted, 18/7 expected.
        assert!((rates[1].expected - 18.0 / 7.0).abs() < 1e-12);
        assert!((rates[1].rate.unwrap() - 2.0 / (18.0 / 7.0)).abs() < 1e-12);
    }

    #[test]
    fn monthly_rates_and_a_month_skipped_throughout() {
        let mut check_ins = CheckIns::new();
        for d in 1..=28 {
            check_ins.insert(date(2, d), CheckState::Skipped);
        }
        check_ins.insert(date(3, 1), CheckState::Done);
        let rates = completion_rates(Schedule::DAILY, &check_ins, Period::Month, date(3, 2));
        assert_eq!(rates.len(), 2);
        assert_eq!((rates[0].start, rates[0].end), (date(2, 1), date(2, 28)));
        assert_eq!((rates[0].skipped, rates[0].rate), (28, None));
        assert_eq!(
            (rates[1].end, rates[1].days, rates[1].rate),
            (date(3, 31), 1, Some(1.0))
        );
    }

    #[test]
    fn no_history_no_rates() {
        let rates = completion_rates(Schedule::DAILY, &CheckIns::new(), Period::Day, date(3, 2));
        assert!(rates.is_empty());
        let later = history(&[(date(3, 5), CheckState::Done)]);
        assert!(completion_rates(Schedule::DAILY, &later, Period::Day, date(3, 2)).is_empty());
    }
}
