//! Streaks: how many days in a row a habit has been kept, now and at best.
//!
//! A day **keeps** the habit when it was done, or when it lies inside some run of M consecutive
//! days holding at least N done days (N in M being the schedule). For a daily habit that is simply
//! "done"; for "2 times in 3 days" the day between two done days keeps the habit too, which is
//! what people mean by "I'm on track" (and on Loop's own export it marks the very days Loop fills
//! in as covered). Skipped days are taken out of the calendar first, so a skip neither breaks nor
//! extends a streak, and a run of M days reaches back over it.
//!
//! A streak is a run of days with no **missed** day in it; its length counts the days that kept
//! the habit. A day is not missed yet while it can still be kept: today, when nothing is entered
//! for it, and, for N-in-M habits, any day whose M-day runs reach past today (the rest of "this
//! week" can still make it). Those days end no streak and add nothing to it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::timeline::{days, first_record};
use super::{CheckIns, CheckState, Schedule};

/// The current and the best streak as of a day, in days that kept the habit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Streaks {
    /// 0 when the last chance to keep the habit was missed.
    pub current: u32,
    /// The first day of the current streak that kept the habit.
    pub current_start: Option<NaiveDate>,
    /// The longest streak so far (the latest, when two are as long); at least `current`.
    pub best: u32,
    pub best_start: Option<NaiveDate>,
    pub best_end: Option<NaiveDate>,
}

/// One day of the history with skipped days taken out.
#[derive(Debug, Clone, Copy)]
pub(super) struct Day {
    pub(super) date: NaiveDate,
    done: bool,
    entered: bool,
}

/// What each day means for streaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kept {
    Yes,
    No,
    /// Not kept, but still can be.
    Open,
}

/// The streaks over the days walked so far, oldest first: the run that is still going and the
/// best one. Walking on from a saved fold gives what a walk from the first day gives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreakFold {
    /// Days in the running streak; 0 when there is none.
    pub run: u32,
    pub run_start: Option<NaiveDate>,
    pub run_end: Option<NaiveDate>,
    pub best: u32,
    pub best_start: Option<NaiveDate>,
    pub best_end: Option<NaiveDate>,
}

impl StreakFold {
    pub(super) fn push(&mut self, date: NaiveDate, kept: Kept) {
        match kept {
            Kept::Yes => {
                if self.run == 0 {
                    self.run_start = Some(date);
                }
                self.run += 1;
                self.run_end = Some(date);
            }
            Kept::Open => {}
            Kept::No => {
                self.run = 0;
                self.run_start = None;
                self.run_end = None;
            }
        }
        if self.run > 0 && self.run >= self.best {
            self.best = self.run;
            self.best_start = self.run_start;
            self.best_end = self.run_end;
        }
    }

    pub fn streaks(&self) -> Streaks {
        Streaks {
            current: self.run,
            current_start: self.run_start.filter(|_| self.run > 0),
            best: self.best,
            best_start: self.best_start,
            best_end: self.best_end,
        }
    }
}

/// Streaks as of `as_of` (records after it are ignored). The history starts at the first record.
pub fn streaks(schedule: Schedule, check_ins: &CheckIns, as_of: NaiveDate) -> Streaks {
    let Some(first) = first_record(check_ins) else {
        return Streaks::default();
    };
    let timeline = timeline(check_ins, first, as_of);
    let kept = kept(schedule, &timeline, as_of);
    let mut fold = StreakFold::default();
    for (day, kept) in timeline.iter().zip(kept) {
        fold.push(day.date, kept);
    }
    fold.streaks()
}

/// The days from `from` to `as_of` that are not skipped.
pub(super) fn timeline(check_ins: &CheckIns, from: NaiveDate, as_of: NaiveDate) -> Vec<Day> {
    days(check_ins, from, as_of)
        .filter(|(_, state)| *state != Some(CheckState::Skipped))
        .map(|(date, state)| Day {
            date,
            done: state == Some(CheckState::Done),
            entered: state.is_some(),
        })
        .collect()
}

/// Marks each day, in O(days + M): every run of M days with at least N done days keeps all of its
/// days. Runs may start before the history (those days were not done) or end after `as_of` (those
/// days are not done yet), so the first and last days get every run a middle day gets.
pub(super) fn kept(schedule: Schedule, timeline: &[Day], as_of: NaiveDate) -> Vec<Kept> {
    let len = timeline.len();
    let m = usize::try_from(schedule.days()).unwrap_or(1);
    let n = usize::try_from(schedule.times()).unwrap_or(1);
    let mut done_before = Vec::with_capacity(len + 1);
    done_before.push(0_usize);
    for day in timeline {
        done_before.push(done_before[done_before.len() - 1] + usize::from(day.done));
    }
    // +1 at the first day of a qualifying run, −1 after its last: a running sum marks covered days.
    let mut edges = vec![0_i64; len + 1];
    for end in 1..len + m {
        let (lo, hi) = (end.saturating_sub(m), end.min(len));
        if lo < hi && done_before[hi] - done_before[lo] >= n {
            edges[lo] += 1;
            edges[hi] -= 1;
        }
    }
    let mut covering = 0;
    timeline
        .iter()
        .enumerate()
        .map(|(i, day)| {
            covering += edges[i];
            let unfinished = i + m > len || (day.date == as_of && !day.entered);
            if day.done || covering > 0 {
                Kept::Yes
            } else if unfinished {
                Kept::Open
            } else {
                Kept::No
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::Days;

    use super::*;

    fn day(d: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1)
            .and_then(|first| first.checked_add_days(Days::new(d - 1)))
            .unwrap()
    }

    /// A history from a pattern, one letter per day from March 1st: y done, n not done, s skipped,
    /// . not entered.
    fn history(pattern: &str) -> CheckIns {
        (1..)
            .zip(pattern.chars())
            .filter_map(|(d, c)| {
                let state = match c {
                    'y' => CheckState::Done,
                    'n' => CheckState::NotDone,
                    's' => CheckState::Skipped,
                    _ => return None,
                };
                Some((day(d), state))
            })
            .collect()
    }

    fn summary(schedule: Schedule, pattern: &str, as_of: u64) -> (u32, u32) {
        let s = streaks(schedule, &history(pattern), day(as_of));
        (s.current, s.best)
    }

    #[test]
    fn daily_streaks_count_done_days_and_a_skip_neither_breaks_nor_extends() {
        let daily = Schedule::DAILY;
        assert_eq!(summary(daily, "yyy", 3), (3, 3));
        assert_eq!(summary(daily, "yysyy", 5), (4, 4), "skip bridges");
        assert_eq!(summary(daily, "yynyy", 5), (2, 2), "not done breaks");
        assert_eq!(summary(daily, "yy.yy", 5), (2, 2), "not entered breaks");
        assert_eq!(summary(daily, "yyyny", 5), (1, 3));
        assert_eq!(summary(daily, "", 5), (0, 0));
    }

    #[test]
    fn today_not_entered_yet_does_not_break_the_current_streak() {
        let daily = Schedule::DAILY;
        assert_eq!(summary(daily, "yyy", 4), (3, 3), "today is open");
        assert_eq!(summary(daily, "yyyn", 4), (0, 3), "today said no");
        assert_eq!(summary(daily, "yyy", 5), (0, 3), "yesterday was missed");
        assert_eq!(
            summary(daily, "yyy.s", 6),
            (0, 3),
            "a skip does not excuse a miss"
        );
        assert_eq!(summary(daily, "yyys", 4), (3, 3), "today skipped");
    }

    #[test]
    fn the_streak_reports_its_dates() {
        let s = streaks(Schedule::DAILY, &history("yynyyysy"), day(9));
        assert_eq!((s.current, s.current_start), (4, Some(day(4))));
        assert_eq!(
            (s.best, s.best_start, s.best_end),
            (4, Some(day(4)), Some(day(8)))
        );
    }

    #[test]
    fn records_after_as_of_are_ignored() {
        assert_eq!(summary(Schedule::DAILY, "yyynyyyyy", 3), (3, 3));
        assert_eq!(summary(Schedule::DAILY, "..yyy", 1), (0, 0));
    }

    #[test]
    fn two_in_three_days_keeps_the_days_between_done_days() {
        let s = Schedule::new(2, 3).unwrap();
        // y.y: the middle day sits in a 3-day run with two done days.
        assert_eq!(summary(s, "y.y.y.y", 7), (7, 7));
        // Two blanks in a row: no 3-day run holding them has 2 done days.
        assert_eq!(summary(s, "y.y..y.y", 8), (3, 3));
        // Days 1–3 hold two done days, so day 3 keeps the habit.
        assert_eq!(summary(s, "yy.", 3), (3, 3));
        // Day 4 stays open while a run through it can still be completed: days 5 and 6 done
        // would keep it.
        assert_eq!(summary(s, "yy..", 4), (3, 3));
        assert_eq!(summary(s, "yy...", 5), (3, 3));
        assert_eq!(summary(s, "yy....", 6), (0, 3), "day 4 is settled: missed");
    }

    #[test]
    fn loop_export_wake_up_early_as_of_its_last_day() {
        // Newest first: yes, no, (auto), yes, yes, yes, (auto), (auto), yes, yes — the days Loop
        // marks YES_AUTO are exactly the ones kept by a run, and the "no" day is still open.
        let check_ins = history("yy..yyy.ny");
        let kept = kept(
            Schedule::new(2, 3).unwrap(),
            &timeline(&check_ins, day(1), day(10)),
            day(10),
        );
        use Kept::{Open, Yes};
        assert_eq!(
            kept,
            vec![Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes, Open, Yes]
        );
        let s = streaks(Schedule::new(2, 3).unwrap(), &check_ins, day(10));
        assert_eq!((s.current, s.best), (9, 9));
    }

    #[test]
    fn three_a_week_with_a_skipped_holiday() {
        let s = Schedule::per_week(3).unwrap();
        // Three done days a week, a week of skips, and three more.
        let pattern = "y.y.y..sssssssy.y.y..";
        let result = streaks(s, &history(pattern), day(21));
        assert_eq!(result.current, 14);
        assert_eq!(result.current_start, Some(day(1)));
    }
}
