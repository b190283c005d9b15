//! Measurable habits: an amount a day (minutes of listening before speaking, times I let someone
//! else go first) against a target over a period, "at least" or "at most".
//!
//! Strength is Loop Habit Tracker's published rule for its measurable ("numerical") habits,
//! re-implemented from its description (Loop is GPL; this is the maths, not its code):
//! - the period is the habit's window of `days` days (a day, a week = 7, a month = 30), and its
//!   frequency is `1 / days`;
//! - each day, in date order, `sum` is the amounts of the last `days` calendar days including that
//!   day (a day with no entry, or skipped, adds nothing);
//! - "at least": `value = min(1, sum / target)` (1 when the target is 0);
//! - "at most": `value = 1 − (sum − target) / target`, kept between 0 and 1 (with a target of 0:
//!   1 when the sum is 0, else 0);
//! - `strength = previous × multiplier + value × (1 − multiplier)`, the yes/no habits'
//!   `multiplier = 0.5^(sqrt(frequency) / 13)`, starting from 0 for "at least" and from 1 for "at
//!   most" on the first day with an entry (0 before it);
//! - a skipped day leaves that day's strength as it was.
//!
//! Amounts are kept to thousandths, as Loop keeps them (it stores `amount × 1000` as an integer),
//! and summed as whole thousandths, so ten years of running sums never drift. Loop stores a skip as
//! the raw value 3, which its running sum then counts as 0.003 of a unit; here a skip adds nothing.
//!
//! Streaks and completion rates mean "target met": [`met_days`] turns the amounts into the day
//! states the yes/no formulas read (a day is met when its period's sum reaches the target, or
//! stays within it), on a daily schedule.

use std::collections::{BTreeMap, VecDeque};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

use super::strength::{DailyStrength, multiplier};
use super::{CheckIns, CheckState, Schedule, StrengthExplanation};
use crate::validation::{ValidationError, single_line};

/// The longest unit: a few words ("minutes", "times I waited for others").
pub const UNIT_MAX_CHARS: usize = 40;

/// The largest amount or target: more than anyone counts in a day, small enough that ten years of
/// sums in thousandths stay exact.
pub const MAX_AMOUNT: f64 = 1_000_000_000.0;

/// What a measurable habit counts and what it aims for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Measure {
    /// What is counted ("minutes"), one short line; may be empty (a plain count), as Loop allows.
    pub unit: String,
    /// The amount to reach (or to stay within) over each period; 0 or more.
    pub target: f64,
    /// The target is a ceiling ("at most 2 a week") rather than a goal to reach.
    pub at_most: bool,
}

/// Why a unit, a target or an amount was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum MeasureError {
    #[error("{0}")]
    Unit(#[from] ValidationError),
    #[error("{what} {raw:?} is not a number; write it like 12 or 2.5")]
    NotANumber { what: &'static str, raw: String },
    #[error("{what} cannot be negative ({value})")]
    Negative { what: &'static str, value: f64 },
    #[error("{what} is too large ({value}); at most {MAX_AMOUNT}")]
    TooLarge { what: &'static str, value: f64 },
}

impl Measure {
    /// A checked measure: the unit one short line (or none), the target a number from 0 to
    /// [`MAX_AMOUNT`] (kept to thousandths).
    pub fn new(unit: &str, target: f64, at_most: bool) -> Result<Self, MeasureError> {
        let unit = if unit.trim().is_empty() {
            String::new()
        } else {
            single_line("The unit", unit, UNIT_MAX_CHARS)?
        };
        Ok(Self {
            unit,
            target: checked_amount("The target", target)?,
            at_most,
        })
    }

    /// How far one day's running `sum` goes towards this measure (0–1): Loop's published rule.
    pub fn value(&self, sum: f64) -> f64 {
        if self.at_most {
            if self.target > 0.0 {
                (1.0 - (sum - self.target) / self.target).clamp(0.0, 1.0)
            } else if sum > 0.0 {
                0.0
            } else {
                1.0
            }
        } else if self.target > 0.0 {
            (sum / self.target).min(1.0)
        } else {
            1.0
        }
    }

    /// "at least 20 minutes a week", for lists and the CLI.
    pub fn describe(&self, period: Schedule) -> String {
        let bound = if self.at_most { "at most" } else { "at least" };
        let per = match period.days() {
            1 => "a day".to_owned(),
            7 => "a week".to_owned(),
            30 => "a month".to_owned(),
            days => format!("in {days} days"),
        };
        let target = self.target;
        match self.unit.as_str() {
            "" => format!("{bound} {target} {per}"),
            unit => format!("{bound} {target} {unit} {per}"),
        }
    }

    /// Whether a period's `sum` meets the target: reaches it, or for "at most" stays within it.
    pub fn met(&self, sum: f64) -> bool {
        if self.at_most {
            sum <= self.target
        } else {
            sum >= self.target
        }
    }
}

/// A checked amount (or target): finite, 0 to [`MAX_AMOUNT`], rounded to thousandths.
pub fn checked_amount(what: &'static str, value: f64) -> Result<f64, MeasureError> {
    if value.is_nan() {
        return Err(MeasureError::NotANumber {
            what,
            raw: value.to_string(),
        });
    }
    if value < 0.0 {
        return Err(MeasureError::Negative { what, value });
    }
    if value > MAX_AMOUNT {
        return Err(MeasureError::TooLarge { what, value });
    }
    Ok(from_thousandths(thousandths(value)))
}

/// Reads an amount as typed ("12", "2.5", " 0 "): a decimal number with a dot, 0 or more.
pub fn parse_amount(what: &'static str, raw: &str) -> Result<f64, MeasureError> {
    let text = raw.trim();
    let not_a_number = || MeasureError::NotANumber {
        what,
        raw: raw.to_owned(),
    };
    // Rust also reads "inf", "NaN" and "1e3"; a person types digits and one dot.
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return Err(not_a_number());
    }
    let value: f64 = text.parse().map_err(|_| not_a_number())?;
    checked_amount(what, value)
}

/// The period of a measurable habit ("per day", "per week", "per month") as the schedule that
/// holds it: once in `days` days, so a week is 7 days and a month 30, as Loop counts them.
pub fn period_schedule(per: &str) -> Option<Schedule> {
    let days = match per.trim().to_ascii_lowercase().as_str() {
        "day" | "daily" => 1,
        "week" | "weekly" => 7,
        "month" | "monthly" => 30,
        _ => return None,
    };
    Schedule::new(1, days).ok()
}

/// One day of a measurable habit's history.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DayAmount {
    Amount(f64),
    /// "No chance today": the day's strength stays as it was.
    Skipped,
}

/// A measurable habit's history: at most one entry per local date.
pub type Amounts = BTreeMap<NaiveDate, DayAmount>;

fn thousandths(value: f64) -> i64 {
    // In range by `checked`; `as` saturates anything else rather than wrapping.
    (value * 1000.0).round() as i64
}

fn from_thousandths(value: i64) -> f64 {
    value as f64 / 1000.0
}

/// The running computation over a measurable habit's days.
#[derive(Debug, Clone)]
pub(super) struct MeasuredEngine<'a> {
    measure: &'a Measure,
    multiplier: f64,
    size: usize,
    /// The last `size` days' amounts in thousandths, oldest first.
    window: VecDeque<i64>,
    sum: i64,
    strength: f64,
}

impl<'a> MeasuredEngine<'a> {
    pub(super) fn new(measure: &'a Measure, period: Schedule) -> Self {
        let size = usize::try_from(period.days()).unwrap_or(1);
        Self {
            measure,
            multiplier: multiplier(1.0 / f64::from(period.days())),
            size,
            window: VecDeque::with_capacity(size),
            sum: 0,
            strength: if measure.at_most { 1.0 } else { 0.0 },
        }
    }

    /// The engine at the end of a day whose strength was `strength`, `recent` being the entries
    /// of the last [`MeasuredEngine::window_len`] days up to it, oldest first: exactly the engine a
    /// walk from the first entry would have reached.
    pub(super) fn resume(
        measure: &'a Measure,
        period: Schedule,
        strength: f64,
        recent: &[Option<DayAmount>],
    ) -> Self {
        let mut engine = Self::new(measure, period);
        let skip = recent.len().saturating_sub(engine.size);
        for day in &recent[skip..] {
            let amount = match day {
                Some(DayAmount::Amount(amount)) => thousandths(*amount).max(0),
                _ => 0,
            };
            engine.window.push_back(amount);
            engine.sum += amount;
        }
        engine.strength = strength;
        engine
    }

    /// How many days back the period's sum reaches.
    pub(super) fn window_len(&self) -> usize {
        self.size
    }

    /// The sum of the period ending on the day last pushed.
    fn sum(&self) -> f64 {
        from_thousandths(self.sum)
    }

    /// Moves on one day; returns its strength.
    pub(super) fn push(&mut self, day: Option<DayAmount>) -> f64 {
        let amount = match day {
            Some(DayAmount::Amount(amount)) => thousandths(amount).max(0),
            _ => 0,
        };
        if self.window.len() == self.size {
            self.sum -= self.window.pop_front().unwrap_or(0);
        }
        self.window.push_back(amount);
        self.sum += amount;
        if day != Some(DayAmount::Skipped) {
            let value = self.measure.value(self.sum());
            self.strength = self.strength * self.multiplier + value * (1.0 - self.multiplier);
        }
        self.strength
    }
}

/// Every date from the first entry to `to` with its entry. With no entry at all the walk is `to`
/// alone, as in Loop, where a new habit's history starts today: an "at most" habit with nothing
/// entered yet stands at full strength on its first day. Empty when the first entry is after `to`.
fn walk(amounts: &Amounts, to: NaiveDate) -> impl Iterator<Item = (NaiveDate, Option<DayAmount>)> {
    let start = match amounts.keys().next() {
        Some(first) => Some(*first).filter(|first| *first <= to),
        None => Some(to),
    };
    start
        .into_iter()
        .flat_map(move |first| first.iter_days().take_while(move |d| *d <= to))
        .map(|date| (date, amounts.get(&date).copied()))
}

/// The strength at the end of each day from `from` to `to` (0 before the first entry).
pub fn measured_strength_series(
    measure: &Measure,
    period: Schedule,
    amounts: &Amounts,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<DailyStrength> {
    let mut engine = MeasuredEngine::new(measure, period);
    let mut walked = walk(amounts, to)
        .map(|(date, day)| (date, engine.push(day)))
        .peekable();
    let mut series = Vec::new();
    let mut date = from;
    while date <= to {
        while walked.peek().is_some_and(|(d, _)| *d < date) {
            walked.next();
        }
        let strength = match walked.peek() {
            Some((d, strength)) if *d == date => *strength,
            _ => 0.0,
        };
        series.push(DailyStrength { date, strength });
        let Some(next) = date.succ_opt() else { break };
        date = next;
    }
    series
}

/// The strength at the end of `date`.
pub fn measured_strength_on(
    measure: &Measure,
    period: Schedule,
    amounts: &Amounts,
    date: NaiveDate,
) -> f64 {
    let mut engine = MeasuredEngine::new(measure, period);
    walk(amounts, date)
        .map(|(_, day)| engine.push(day))
        .last()
        .unwrap_or(0.0)
}

/// The sum of the period ending on `date` (the last `days` days including it).
pub fn period_sum(period: Schedule, amounts: &Amounts, date: NaiveDate) -> f64 {
    let days = u64::from(period.days());
    let from = date
        .checked_sub_days(chrono::Days::new(days - 1))
        .unwrap_or(NaiveDate::MIN);
    amounts
        .range(from..=date)
        .map(|(_, day)| match day {
            DayAmount::Amount(amount) => thousandths(*amount),
            DayAmount::Skipped => 0,
        })
        .sum::<i64>() as f64
        / 1000.0
}

/// The days from the first entry to `to` as the yes/no formulas read them: done when the period
/// ending that day meets the target, skipped when skipped, not done otherwise — except `to` itself
/// while nothing is entered for it and the target is not met yet, which is left "not entered", so
/// today is not held against the person before they have had their say.
pub fn met_days(measure: &Measure, period: Schedule, amounts: &Amounts, to: NaiveDate) -> CheckIns {
    match amounts.keys().next() {
        Some(first) => met_between(measure, period, amounts, *first, to),
        None => CheckIns::new(),
    }
}

/// [`met_days`] for every day from `from` to `to`, the sums counting only the entries in
/// `amounts` (so the days of the first period after `from` are right only when `amounts` holds
/// the period before them too).
pub fn met_between(
    measure: &Measure,
    period: Schedule,
    amounts: &Amounts,
    from: NaiveDate,
    to: NaiveDate,
) -> CheckIns {
    let mut engine = MeasuredEngine::new(measure, period);
    let start = from
        .checked_sub_days(chrono::Days::new(u64::from(period.days()) - 1))
        .unwrap_or(from);
    start
        .iter_days()
        .take_while(|date| *date <= to)
        .filter_map(|date| {
            let day = amounts.get(&date).copied();
            engine.push(day);
            if date < from {
                return None;
            }
            let state = match day {
                Some(DayAmount::Skipped) => CheckState::Skipped,
                _ if measure.met(engine.sum()) => CheckState::Done,
                None if date == to => return None,
                _ => CheckState::NotDone,
            };
            Some((date, state))
        })
        .collect()
}

/// [`super::explain_strength`] for a measurable habit: "a full day" is a day whose period meets the
/// target (value 1).
pub fn explain_measured(
    measure: &Measure,
    period: Schedule,
    amounts: &Amounts,
    as_of: NaiveDate,
) -> StrengthExplanation {
    let frequency = 1.0 / f64::from(period.days());
    let m = multiplier(frequency);
    let mut engine = MeasuredEngine::new(measure, period);
    let mut before = engine.strength;
    let mut walked = None;
    for (_, day) in walk(amounts, as_of) {
        before = walked.unwrap_or(before);
        walked = Some(engine.push(day));
    }
    let current = walked.unwrap_or(0.0);
    let today_met = amounts.contains_key(&as_of) && measure.met(period_sum(period, amounts, as_of));
    let (next_done_date, if_done) = if today_met {
        (as_of.succ_opt().unwrap_or(as_of), current * m + (1.0 - m))
    } else {
        (as_of, before * m + (1.0 - m))
    };
    let after_week_without = match walked {
        Some(_) => (0..7).fold(current, |_, _| engine.push(None)),
        None => current,
    };
    StrengthExplanation {
        frequency,
        gain_share: 1.0 - m,
        half_life_days: 13.0 / frequency.sqrt(),
        current,
        full_day_gain: (1.0 - m) * (1.0 - current),
        next_done_date,
        if_done,
        after_week_without,
    }
}

#[cfg(test)]
#[path = "measure_tests.rs"]
mod tests;
