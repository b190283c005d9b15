//! The numbers behind "how does strength work?", which Loop's users keep asking: what a done day
//! adds, how fast strength fades without practice, and what that means for this person today. The
//! UI writes the sentences ("rises about 5% of the way to full each day you do it, halves in 13
//! days without it"); the numbers come from the same engine as the charts, so they always agree.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::strength::Engine;
use super::{CheckIns, CheckState, Schedule};

/// How a habit's strength moves, in general and for this person now. Strengths are 0–1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StrengthExplanation {
    /// N / M of the schedule.
    pub frequency: f64,
    /// The share of the distance to full strength one fully on-schedule day closes (≈ 0.052 for a
    /// daily habit).
    pub gain_share: f64,
    /// Days without practice for the strength to halve: 13 / sqrt(frequency) (13 for daily).
    pub half_life_days: f64,
    /// The strength at the end of `as_of`.
    pub current: f64,
    /// What one fully on-schedule day would add at the current strength: `gain_share × (1 − current)`.
    pub full_day_gain: f64,
    /// The next day that is not done yet: `as_of` itself unless it is already done.
    pub next_done_date: NaiveDate,
    /// The strength at the end of `next_done_date` if it is done.
    pub if_done: f64,
    /// The strength a week after `as_of` if nothing is done in between.
    pub after_week_without: f64,
}

/// Explains the strength of a habit as of `as_of` (records after it are ignored).
pub fn explain_strength(
    schedule: Schedule,
    check_ins: &CheckIns,
    as_of: NaiveDate,
) -> StrengthExplanation {
    let today = check_ins.get(&as_of).copied();
    let yesterday = as_of.pred_opt().unwrap_or(as_of);
    let before_today = Engine::run(schedule, check_ins, yesterday);
    let mut now = before_today.clone();
    now.push(today);
    let (next_done_date, if_done) = if today == Some(CheckState::Done) {
        let mut tomorrow = now.clone();
        (
            as_of.succ_opt().unwrap_or(as_of),
            tomorrow.push(Some(CheckState::Done)),
        )
    } else {
        let mut done_today = before_today.clone();
        (as_of, done_today.push(Some(CheckState::Done)))
    };
    let mut without = now.clone();
    for _ in 0..7 {
        without.push(None);
    }
    let frequency = schedule.frequency();
    let gain_share = 1.0 - now.multiplier();
    let current = now.strength();
    StrengthExplanation {
        frequency,
        gain_share,
        half_life_days: 13.0 / frequency.sqrt(),
        current,
        full_day_gain: gain_share * (1.0 - current),
        next_done_date,
        if_done,
        after_week_without: without.strength(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Days;

    use super::super::{strength_on, strength_step};
    use super::*;

    fn plus(date: NaiveDate, days: u64) -> NaiveDate {
        date.checked_add_days(Days::new(days)).unwrap()
    }

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    fn done_for(days: u64) -> CheckIns {
        (0..days)
            .map(|d| (plus(start(), d), CheckState::Done))
            .collect()
    }

    #[test]
    fn a_daily_habit_gains_about_five_percent_and_halves_in_13_days() {
        let e = explain_strength(Schedule::DAILY, &CheckIns::new(), start());
        assert!((e.gain_share - 0.051922).abs() < 1e-6);
        close(e.half_life_days, 13.0);
        close(e.current, 0.0);
        close(e.full_day_gain, e.gain_share);
        assert_eq!(e.next_done_date, start());
        close(e.if_done, e.gain_share);
        close(e.after_week_without, 0.0);
        let weekly = explain_strength(Schedule::per_week(1).unwrap(), &CheckIns::new(), start());
        close(weekly.half_life_days, 13.0 * 7.0_f64.sqrt());
    }

    #[test]
    fn with_today_not_entered_the_next_done_day_is_today() {
        let check_ins = done_for(5);
        let today = plus(start(), 5);
        let e = explain_strength(Schedule::DAILY, &check_ins, today);
        let yesterday = strength_on(Schedule::DAILY, &check_ins, plus(start(), 4));
        close(e.current, strength_on(Schedule::DAILY, &check_ins, today));
        assert_eq!(e.next_done_date, today);
        close(e.if_done, strength_step(1.0, yesterday, 1.0));
        assert!(e.if_done > e.current);
        let mut week = e.current;
        for _ in 0..7 {
            week = strength_step(1.0, week, 0.0);
        }
        close(e.after_week_without, week);
    }

    #[test]
    fn with_today_done_the_next_done_day_is_tomorrow() {
        let check_ins = done_for(6);
        let today = plus(start(), 5);
        let e = explain_strength(Schedule::DAILY, &check_ins, today);
        assert_eq!(e.next_done_date, plus(start(), 6));
        let tomorrow_done = done_for(7);
        close(
            e.if_done,
            strength_on(Schedule::DAILY, &tomorrow_done, plus(start(), 6)),
        );
        close(e.full_day_gain, e.if_done - e.current);
    }

    #[test]
    fn a_skipped_today_keeps_the_strength_and_doing_it_instead_is_the_next_step() {
        let mut check_ins = done_for(5);
        let today = plus(start(), 5);
        check_ins.insert(today, CheckState::Skipped);
        let e = explain_strength(Schedule::DAILY, &check_ins, today);
        close(
            e.current,
            strength_on(Schedule::DAILY, &check_ins, plus(start(), 4)),
        );
        assert_eq!(e.next_done_date, today);
    }
}
